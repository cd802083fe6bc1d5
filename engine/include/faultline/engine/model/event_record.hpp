#pragma once
// One entry of a pattern's event log (plain data): what changed, when, and why.

#include <string>

namespace faultline::engine {

/// A state change worth showing an architect: a fault starting or ending, an
/// endpoint's health or breaker state, the failover controller's state, a
/// runbook step finishing, a data store promoted, failback complete.
struct EventRecord {
  double t_s = 0.0;     ///< simulated time, s since run start
  std::string kind;     ///< "fault" | "endpoint" | "controller" | "runbook" | "data" | "failback"
  std::string subject;  ///< fault name, region id, step id or store id
  std::string state;    ///< new state ("start", "unhealthy", "open", "failed_over", "done", "promoted", ...)
  std::string cause;    ///< why, when known ("probe", "breaker", "retry_after", ""...)

  friend bool operator==(const EventRecord&, const EventRecord&) = default;
};

}  // namespace faultline::engine
