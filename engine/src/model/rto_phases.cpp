#include "faultline/engine/model/rto_phases.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace faultline::engine {
namespace {

struct PhaseName {
  RtoPhaseKind kind;
  std::string_view id;
  std::string_view label;
};

constexpr std::array<PhaseName, 9> kPhaseNames{{
    {RtoPhaseKind::kUndetected, "undetected", "undetected"},
    {RtoPhaseKind::kSwitching, "switching", "switching"},
    {RtoPhaseKind::kTriggerDelay, "trigger_delay", "failover trigger delay"},
    {RtoPhaseKind::kRunbookStep, "runbook_step", "runbook step"},
    {RtoPhaseKind::kDatabasePromotion, "database_promotion", "waiting for database promotion"},
    {RtoPhaseKind::kCapacityRamp, "capacity_ramp", "capacity ramp"},
    {RtoPhaseKind::kFaultInProgress, "fault_in_progress", "waiting for the fault to end"},
    {RtoPhaseKind::kResidualFailures, "residual_failures", "residual failures"},
    {RtoPhaseKind::kRecoveryWindow, "recovery_window", "recovery window"},
}};

// Appends phases up to a limit R; every phase starts where the previous one ended.
class PhaseWriter {
 public:
  PhaseWriter(SimTime start, SimTime limit) : start_(start), cursor_(start), limit_(limit) {}

  // Adds [cursor, min(end, R)) when not empty.
  void add(RtoPhaseKind kind, SimTime end, const std::string& cause) {
    const SimTime e = std::min(end, limit_);
    if (e <= cursor_) return;
    phases_.push_back(
        RtoPhaseResult{std::string(to_string(kind)), to_seconds(cursor_ - start_), to_seconds(e - start_), cause});
    cursor_ = e;
  }
  // Moves the limit on (to the RTO instant, for the recovery window).
  void extend_to(SimTime limit) { limit_ = std::max(limit_, limit); }
  std::vector<RtoPhaseResult> take() { return std::move(phases_); }

 private:
  SimTime start_;
  SimTime cursor_;
  SimTime limit_;
  std::vector<RtoPhaseResult> phases_;
};

// The constraint that bound the recovery at R (see the header): failing in [R - 1 s, R) and clearing
// nearest R; without one, the last to clear by R.
const RtoConstraint* binding_constraint(const std::vector<RtoConstraint>& constraints, SimTime r) {
  const auto distance = [&](const RtoConstraint& c) { return c.cleared_at >= r ? c.cleared_at - r : r - c.cleared_at; };
  const RtoConstraint* failing = nullptr;
  const RtoConstraint* cleared = nullptr;
  for (const RtoConstraint& c : constraints) {
    if (c.chain.empty()) continue;
    if (c.last_failure_at >= r - seconds(1) && (failing == nullptr || distance(c) < distance(*failing))) failing = &c;
    if (c.cleared_at <= r && (cleared == nullptr || c.cleared_at > cleared->cleared_at)) cleared = &c;
  }
  return failing != nullptr ? failing : cleared;
}

}  // namespace

std::string_view to_string(RtoPhaseKind kind) {
  for (const PhaseName& n : kPhaseNames) {
    if (n.kind == kind) return n.id;
  }
  return "unknown";
}

std::string_view rto_phase_label(std::string_view phase) {
  for (const PhaseName& n : kPhaseNames) {
    if (n.id == phase) return n.label;
  }
  return phase;
}

std::vector<RtoPhaseResult> build_rto_phases(const RtoTimeline& t) {
  // R: where the failing ends and the recovery window [R, T) begins. T is one second after the last
  // bad boundary, whose window [T - 1 s - W, T - 1 s) was bad while [T - W, T) is good.
  const SimTime r = t.is_recovered ? std::max(t.start, t.rto_end - t.window) : t.rto_end;
  PhaseWriter out(t.start, r);
  out.add(RtoPhaseKind::kUndetected, t.detected_at.value_or(kSimForever), t.detect_cause);
  if (t.switched_at) out.add(RtoPhaseKind::kSwitching, *t.switched_at, t.switch_cause);
  if (const RtoConstraint* c = binding_constraint(t.constraints, r)) {
    for (const RtoSpan& span : c->chain) out.add(span.kind, span.end, span.cause);
  }
  out.add(RtoPhaseKind::kResidualFailures, r, t.residual_cause);
  out.extend_to(t.rto_end);
  out.add(RtoPhaseKind::kRecoveryWindow, t.rto_end,
          "the success ratio over the last " + std::to_string(t.window.count() / 1'000'000) +
              " s had to stay at or above the recovery threshold");
  return out.take();
}

}  // namespace faultline::engine
