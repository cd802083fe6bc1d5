#pragma once
// Internal: the incident bookkeeping of a pattern's run: what each incident reports beyond
// the recovery tracker's figures, the failures by kind that the RTO phases are cut from,
// and the phases themselves (docs/metrics.md, "RTO phases").

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "faultline/engine/kernel/sim_time.hpp"
#include "faultline/engine/model/pattern_result.hpp"
#include "faultline/engine/model/recovery_tracker.hpp"
#include "faultline/engine/model/rto_phases.hpp"
#include "faultline/engine/model/runbook.hpp"
#include "faultline/engine/model/scenario.hpp"
#include "model/service_state.hpp"

namespace faultline::engine {

/// What an incident reports beyond the recovery tracker's figures; one per incident, in order.
struct IncidentDetail {
  SimTime start;
  std::vector<RunbookStepResult> runbook_steps;
  std::vector<StoreLossResult> stores;
  std::vector<std::size_t> store_indices;  // DataLayer index of each entry of `stores`
  std::optional<FailbackResult> failback;
  WorkLossResult work;
  SimTime fault_end = kSimForever;
  std::uint64_t offered_during_fault = 0;
  std::uint64_t succeeded_during_fault = 0;
  std::uint64_t failed = 0;  // failures from the fault's start to the next fault's
  double runbook_cost_usd = 0;
  // What the RTO phases are built from (IncidentLog).
  std::array<std::uint64_t, kFailureKinds> failures_by_kind{};
  std::array<SimTime, kFailureKinds> last_failure_at{};    // when each kind last failed a call (recorded)
  std::array<SimTime, kFailureKinds> last_failure_sent{};  // when the last call each kind failed was sent
  std::string detect_cause;
  std::vector<std::pair<SimTime, std::optional<std::size_t>>> promotions;  // when, and the runbook step (none: service)
  std::optional<SimTime> runbook_start;
  RunbookRun runbook_run;
  std::optional<SimTime> scale_up_at;      // the standby started scaling up (kSimForever: never)
  std::optional<SimTime> traffic_back_at;  // a recovered region served again (failback)
};

/// The incidents' details, parallel to the recovery tracker's incidents, and the RTO phases
/// built from them. Holds `pattern` (runbook, trigger delay, standby) by reference.
class IncidentLog {
 public:
  /// A log for `pattern` whose incidents are judged over the recovery window `window`.
  IncidentLog(const PatternSpec& pattern, SimDuration window) : pattern_(pattern), window_(window) {}

  /// Opens the next incident: its fault started at `start` and ends at `fault_end`.
  IncidentDetail& add(SimTime start, SimTime fault_end);
  [[nodiscard]] std::size_t size() const { return details_.size(); }
  IncidentDetail& operator[](std::size_t i) { return details_[i]; }
  const IncidentDetail& operator[](std::size_t i) const { return details_[i]; }
  IncidentDetail& back() { return details_.back(); }

  /// Records that call `r` failed at `now` during incident `i`, by the kind the RTO phases need:
  /// its refusal's kind, or a timeout when it got no answer (or a late 2xx).
  void note_failure(std::size_t i, const CallState& r, SimTime now);
  /// Sets each of `result`'s incidents' RTO phases; `incidents` are the recovery tracker's.
  void fill_rto_phases(PatternResult& result, const std::vector<Incident>& incidents) const;
  /// Incident `i`'s RTO cut into the constraints that kept traffic failing.
  [[nodiscard]] RtoTimeline rto_timeline(std::size_t i, const Incident& incident) const;

 private:
  // The runbook's steps that step `last` waited for, in order, ending with `last`, as spans.
  [[nodiscard]] std::vector<RtoSpan> runbook_chain(const IncidentDetail& d, std::size_t last, RtoPhaseKind kind) const;
  [[nodiscard]] std::optional<RtoConstraint> write_constraint(std::size_t i, const Incident& incident) const;
  [[nodiscard]] std::optional<RtoConstraint> capacity_constraint(std::size_t i, const Incident& incident) const;

  const PatternSpec& pattern_;
  SimDuration window_;
  std::vector<IncidentDetail> details_;
};

}  // namespace faultline::engine
