#pragma once
// RTO phases: the incident's RTO cut into contiguous phases, each named after the
// constraint that kept traffic failing then (docs/metrics.md, "RTO phases").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/engine/model/incident_result.hpp"
#include "faultline/engine/kernel/sim_time.hpp"

namespace faultline::engine {

/// What bound the recovery during a phase.
enum class RtoPhaseKind {
  kUndetected,         // failing, nothing has detected the fault yet
  kSwitching,          // detected; the router has not moved traffic away yet
  kTriggerDelay,       // switched; the failover (scale-up, runbook) waits for its trigger delay
  kRunbookStep,        // a runbook step the binding constraint waits for is running
  kDatabasePromotion,  // writes refused until a copy of the database is promoted
  kCapacityRamp,       // the standby scales up to full size
  kFaultInProgress,    // nothing the pattern does ends it: the fault itself must end
  kResidualFailures,   // every constraint cleared; failures still recorded (calls in flight timing out, ...)
  kRecoveryWindow,     // the W seconds of good windows the RTO definition waits for
};

/// File spelling of a phase kind ("undetected", "database_promotion", ...).
std::string_view to_string(RtoPhaseKind kind);
/// Words for a phase id as reports print it ("waiting for database promotion"); the id itself when unknown.
std::string_view rto_phase_label(std::string_view phase);

/// One sub-phase of a constraint's chain: [start, end) in simulated time.
struct RtoSpan {
  SimTime start;
  SimTime end;
  RtoPhaseKind kind = RtoPhaseKind::kFaultInProgress;
  std::string cause;
};

/// A constraint the engine saw failing traffic (writes refused, capacity short, the fault itself),
/// with the instant it cleared and the chain of what it waited for, in time order, ending there.
struct RtoConstraint {
  SimTime cleared_at = kSimForever;  ///< kSimForever: never cleared within the incident
  SimTime last_failure_at;           ///< when the last call it failed was sent (its failure is recorded later)
  std::vector<RtoSpan> chain;        ///< contiguous spans, the last ending at cleared_at (non-empty)
};

/// What the engine recorded about one incident, in integer microseconds.
struct RtoTimeline {
  SimTime start;    ///< fault start F
  SimTime rto_end;  ///< the RTO instant T (recovered_at)
  bool is_recovered = false;
  SimDuration window{0};  ///< W of the RTO definition
  std::optional<SimTime> detected_at;
  std::string detect_cause;
  std::optional<SimTime> switched_at;
  std::string switch_cause;
  std::vector<RtoConstraint> constraints;
  std::string residual_cause;  ///< the last failures' kind, for the residual phase
};

/// The phases of `t` from F to T: undetected, switching, the binding constraint's chain, residual
/// failures, recovery window (empty ones left out). Durations sum to T - F exactly (in microseconds).
/// The binding constraint is the one failing calls sent in the last failing second [R - 1 s, R) whose
/// clearing is nearest R = T - W (R = T when not recovered); without one, the last to clear by R.
std::vector<RtoPhaseResult> build_rto_phases(const RtoTimeline& t);

}  // namespace faultline::engine
