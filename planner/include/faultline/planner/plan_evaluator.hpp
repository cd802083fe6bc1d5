#pragma once
// The search of `faultline plan` (docs/planner.md, "Search space") and the
// evaluation of its candidates by Monte Carlo: every candidate runs the same
// replications (common random numbers).
//
// The search screens, then combines. Screen: for each scenario pattern, its own
// settings, then each dimension's alternatives one at a time. Combine: per
// pattern, every combination of the settings that survived their dimension's
// screen (not beaten on total cost, RTO p95 and RPO p95 by another setting of
// that dimension, exact ties going to the earlier), up to PlanSpace::max_candidates.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "faultline/engine/model/scenario.hpp"
#include "faultline/planner/monte_carlo.hpp"
#include "faultline/planner/plan_search.hpp"
#include "faultline/planner/plan_space.hpp"
#include "faultline/planner/reliability_model.hpp"

namespace faultline::planner {

/// What a plan search evaluated.
struct PlanSearchResult {
  std::vector<PlanCandidate> candidates;  ///< screen candidates first, the scenario's first pattern as given first
  std::size_t screened = 0;               ///< candidates of the screen stage
  bool is_truncated = false;              ///< max_candidates stopped the search before its end
  std::vector<std::string> notes;         ///< e.g. settings the topology gives no price (they look free)
};

/// Builds and evaluates the candidates.
class PlanEvaluator {
 public:
  /// `scenario` and `model` must outlive this object; `options` as for MonteCarlo (shards not allowed); a precision
  /// stops each candidate's Monte Carlo on its own (PlanCandidate::replications says where).
  PlanEvaluator(const engine::Scenario& scenario, const ReliabilityModel& model, PlanSpace space, McOptions options);

  /// Runs the search; `on_candidate(done, bound)` after each evaluation, `bound` never below the final count.
  /// Throws std::invalid_argument when a combination of settings is not a valid router configuration.
  PlanSearchResult evaluate(const std::function<void(std::size_t, std::size_t)>& on_candidate = {});

  /// The space searched (after defaults).
  [[nodiscard]] const PlanSpace& space() const { return space_; }

 private:
  // Cost and the Monte Carlo figures of `pattern` alone in the scenario (label, stage, settings and changes unset).
  [[nodiscard]] PlanCandidate measure(const engine::PatternSpec& pattern) const;

  const engine::Scenario& scenario_;
  const ReliabilityModel& model_;
  PlanSpace space_;
  McOptions options_;
};

}  // namespace faultline::planner
