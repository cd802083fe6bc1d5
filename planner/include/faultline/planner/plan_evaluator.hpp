#pragma once
// The search space of `faultline plan` (docs/planner.md) and its evaluation by
// Monte Carlo: every candidate runs the same replications (common random numbers).

#include <functional>
#include <vector>

#include "faultline/engine/scenario.hpp"
#include "faultline/planner/monte_carlo.hpp"
#include "faultline/planner/plan_search.hpp"
#include "faultline/planner/reliability_model.hpp"

namespace faultline::planner {

/// Builds and evaluates the candidates.
class PlanEvaluator {
 public:
  /// Standby fractions tried for primary/secondary patterns with a standby (> 0).
  static constexpr double kStandbyFractions[] = {0.25, 0.5, 1.0};
  /// Probe intervals tried, s (when the pattern's router has probes).
  static constexpr double kProbeIntervals[] = {10, 30, 60};

  /// `scenario` and `model` must outlive this object; `options` as for MonteCarlo (shards not allowed).
  PlanEvaluator(const engine::Scenario& scenario, const ReliabilityModel& model, McOptions options);

  /// The candidate patterns: every scenario pattern x standby fraction x probe interval,
  /// the scenario's first pattern as given first (the current plan), duplicates removed.
  [[nodiscard]] std::vector<engine::PatternSpec> space() const;
  /// Evaluates every candidate of space(); `on_candidate(done, total)` after each (may be empty).
  std::vector<PlanCandidate> evaluate(const std::function<void(std::size_t, std::size_t)>& on_candidate = {});

 private:
  const engine::Scenario& scenario_;
  const ReliabilityModel& model_;
  McOptions options_;
};

}  // namespace faultline::planner
