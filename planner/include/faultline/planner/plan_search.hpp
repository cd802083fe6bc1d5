#pragma once
// Choosing a plan from evaluated candidates (docs/planner.md, "faultline plan"):
// the Pareto front of cost vs RTO p95 vs RPO p95, and three recommendations.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/model/scenario.hpp"
#include "faultline/planner/plan_space.hpp"

namespace faultline::planner {

/// How a candidate copies one store to its replica.
struct StoreSetting {
  std::string store;  ///< source store id
  ReplicationOption replication;
};

/// One point of the search space with what its evaluation measured.
struct PlanCandidate {
  std::string label;                 ///< e.g. "hot-warm standby 0.5 probe 10s"
  std::string pattern;               ///< base pattern name
  std::string stage = "screen";      ///< "screen" (one setting changed) or "combine" (docs/planner.md)
  std::vector<std::string> regions;  ///< regions behind the router, in priority order
  double standby_fraction = 1;       ///< 0..1
  double probe_interval_s = 30;      ///< s; 0 when the router has no probe
  std::optional<contract::ProbeSamples> probe_samples;  ///< nullopt: no probe
  std::optional<contract::BreakerSettings> breaker;     ///< nullopt: no circuit breaker
  std::vector<StoreSetting> stores;                     ///< stores with workload data and how each is copied
  double monthly_cost_usd = 0;                          ///< steady state, USD per month
  double annual_incident_cost_usd = 0;                  ///< expected, USD per year
  double availability = 1;                              ///< Monte Carlo mean
  double availability_low = 1;                          ///< 99 % CI lower bound
  std::optional<double> rto_p95_s;                      ///< nullopt: no incident seen
  std::optional<double> rpo_p95_s;
  std::size_t changes = 0;         ///< parameters that differ from the scenario's current plan
  std::uint64_t replications = 0;  ///< replications its Monte Carlo ran (fewer than asked when a precision stopped it)
  double simulated_years = 0;      ///< replications x years per replication
  /// Expected total cost per month: steady state + incident cost / 12, USD.
  [[nodiscard]] double total_monthly_usd() const { return monthly_cost_usd + annual_incident_cost_usd / 12.0; }
};

/// One recommendation and why it was chosen.
struct PlanChoice {
  std::optional<std::size_t> candidate;  ///< index into the candidates; nullopt when none qualifies
  std::string why;
};

/// Front and recommendations.
struct PlanRecommendation {
  std::vector<std::size_t> pareto;  ///< candidates no other beats on every one of cost, RTO p95, RPO p95
  std::vector<bool> is_meeting;     ///< per candidate: every target met
  PlanChoice cheapest;              ///< lowest total cost meeting the targets
  PlanChoice best_within_budget;    ///< lowest RTO p95 (then RPO p95, then cost) with monthly cost <= budget
  PlanChoice least_change;          ///< fewest changes meeting the targets (then cheapest)
};

/// True when `c` meets `targets` (availability: CI lower bound; RTO/RPO: p95; monthly_cost_usd: steady state).
bool meets_targets(const PlanCandidate& c, const engine::TargetSpec& targets);

/// Pareto dominance: `a` is no worse than `b` on total cost (USD/month), RTO p95 and RPO p95 (s; absent
/// counts as 0) and better on at least one.
bool dominates(const PlanCandidate& a, const PlanCandidate& b);

/// The front and the three choices; ties are broken by candidate order (deterministic).
PlanRecommendation recommend(const std::vector<PlanCandidate>& candidates, const engine::TargetSpec& targets,
                             std::optional<double> budget_monthly_usd);

}  // namespace faultline::planner
