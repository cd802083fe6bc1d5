#pragma once
// Internal: a pattern's event log (faults, endpoint and controller states, runbook steps,
// promotions, failback), bounded at PatternResult::kMaxEvents (docs/decisions.md,
// "TrafficModel collaborators").

#include <cstdint>
#include <string>
#include <vector>

#include "faultline/engine/kernel/sim_time.hpp"
#include "faultline/engine/model/pattern_result.hpp"

namespace faultline::engine {

/// Events in the order logged; runbook steps are logged when sampled, ahead of their time.
class EventLog {
 public:
  /// Records `subject` entering `state` at `t` (for `cause`); past kMaxEvents only counts it as dropped.
  void log(SimTime t, EventKind kind, std::string subject, EventState state, std::string cause = "");
  /// Moves the log into `result` (events, events_dropped): events after `end_s` (s) are dropped, the
  /// rest ordered by time (stable: equal times keep the order logged).
  void move_into(PatternResult& result, double end_s);
  /// The events kept so far, in the order logged.
  [[nodiscard]] const std::vector<EventRecord>& events() const { return events_; }
  /// Events past kMaxEvents, not kept.
  [[nodiscard]] std::uint64_t dropped() const { return events_dropped_; }

 private:
  std::vector<EventRecord> events_;  // at most PatternResult::kMaxEvents
  std::uint64_t events_dropped_ = 0;
};

}  // namespace faultline::engine
