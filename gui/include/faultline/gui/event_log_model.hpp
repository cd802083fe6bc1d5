#pragma once
// The event log: what the result and the scenario say happened, in time order,
// so the log can follow the timeline's cursor.

#include <cstddef>
#include <string>
#include <vector>

#include "faultline/engine/run_result.hpp"
#include "faultline/engine/scenario.hpp"

namespace faultline::gui {

/// What an entry records.
enum class EventKind { kFaultStart, kFaultEnd, kDetected, kSwitched, kFullCapacity, kRecovered, kNotRecovered };

/// One line of the log.
struct EventLogEntry {
  double time_s = 0.0;   ///< s since run start
  std::string pattern;   ///< pattern name; empty for scenario events (faults) that every pattern sees
  EventKind kind = EventKind::kFaultStart;
  std::string text;      ///< one line for people
};

/// Fault starts and ends from `scenario` plus each pattern's incident marks
/// (detected, switched, full capacity, recovered at start + RTO), sorted by time,
/// then scenario events first, then pattern order (stable).
std::vector<EventLogEntry> build_event_log(const engine::Scenario& scenario, const engine::RunResult& result);

/// Number of entries of the time-sorted `log` with time_s <= t_s (the cursor's position in the log).
std::size_t entries_until(const std::vector<EventLogEntry>& log, double t_s);

/// "2h 05m 10s"-style clock for a time in s (whole seconds, rounded down; "-" sign when negative).
std::string format_clock(double t_s);

}  // namespace faultline::gui
