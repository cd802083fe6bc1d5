#pragma once
// The event log: what the result and the scenario say happened, in time order,
// so the log can follow the timeline's cursor. The result's own event log
// (PatternResult::events: probe, breaker and controller states, runbook steps,
// data promotion, failback) is merged with the scenario's faults and each
// incident's RTO marks.

#include <cstddef>
#include <string>
#include <vector>

#include "faultline/engine/model/run_result.hpp"
#include "faultline/engine/model/scenario.hpp"

namespace faultline::gui {

/// What an entry records.
enum class EventKind {
  kFaultStart,
  kFaultEnd,
  kDetected,
  kSwitched,
  kFullCapacity,
  kRecovered,
  kNotRecovered,
  kEndpoint,    ///< an endpoint's health or breaker state (result events "endpoint")
  kController,  ///< the failover controller's state (result events "controller")
  kRunbook,     ///< a runbook step finished or failed
  kData,        ///< a data store promoted or restored
  kFailback,    ///< traffic back, re-sync or failback complete
  kQuota,       ///< a quota_reclaimed fault took (or could not take) a deployment's quota
};

/// Short name of a kind for the log's kind column ("fault", "detect", "endpoint", "runbook", ...).
const char* to_string(EventKind kind);

/// One line of the log.
struct EventLogEntry {
  double time_s = 0.0;  ///< s since run start
  std::string pattern;  ///< pattern name; empty for scenario events (faults) that every pattern sees
  EventKind kind = EventKind::kFaultStart;
  std::string text;         ///< one line for people
  bool is_failure = false;  ///< something failed for good (a runbook step, or any event whose state is "failed")
};

/// Fault starts and ends from `scenario`; per pattern its result events other than
/// faults (the scenario's faults already show them), then from each incident the
/// runbook steps (at their end), store promotions and failback complete when the
/// pattern's events hold no entry of that kind (results before the engine filled
/// events), then the incident marks (detected, switched, full capacity, recovered
/// at start + RTO). Sorted by time, then scenario events first, then pattern order
/// and insertion order (stable).
std::vector<EventLogEntry> build_event_log(const engine::Scenario& scenario, const engine::RunResult& result);

/// Number of entries of the time-sorted `log` with time_s <= t_s (the cursor's position in the log).
std::size_t entries_until(const std::vector<EventLogEntry>& log, double t_s);

/// One line for a result event: "<subject>: <state> (<cause>)" with '_' read as ' ', prefixed by what the subject is.
std::string describe_event(const engine::EventRecord& event);

/// "2h 05m 10s"-style clock for a time in s (whole seconds, rounded down; "-" sign when negative).
std::string format_clock(double t_s);

}  // namespace faultline::gui
