#pragma once
// One entry of a pattern's event log (plain data): what changed, when, and why.

#include <string>

#include "faultline/engine/model/event_kind.hpp"
#include "faultline/engine/model/event_state.hpp"

namespace faultline::engine {

/// A state change worth showing an architect: a fault starting or ending, an
/// endpoint's health or breaker state, the failover controller's state, a
/// runbook step finishing, a data store promoted, failback complete.
struct EventRecord {
  double t_s = 0.0;                       ///< simulated time, s since run start
  EventKind kind = EventKind::kFault;     ///< what changed (spelt "fault", "endpoint", ... in JSON)
  std::string subject;                    ///< fault name, region id, step id or store id
  EventState state = EventState::kStart;  ///< the new state (spelt "start", "unhealthy", ... in JSON)
  std::string cause;                      ///< why, when known: a router cause, a fault type, "idle"/"busy" or ""

  friend bool operator==(const EventRecord&, const EventRecord&) = default;
};

}  // namespace faultline::engine
