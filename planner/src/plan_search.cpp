#include "faultline/planner/plan_search.hpp"

#include <cstdio>
#include <limits>
#include <tuple>

namespace faultline::planner {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// A missing p95 (no incident) counts as 0 s: nothing was lost.
double value_or_zero(const std::optional<double>& v) { return v.value_or(0.0); }

std::string money(double usd) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.0f USD/month", usd);
  return buffer;
}

std::string seconds(const std::optional<double>& s) {
  if (!s) return "none";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.0f s", *s);
  return buffer;
}

}  // namespace

bool meets_targets(const PlanCandidate& c, const engine::TargetSpec& t) {
  if (t.availability && c.availability_low < *t.availability) return false;
  if (t.rto_s && value_or_zero(c.rto_p95_s) > *t.rto_s) return false;
  if (t.rpo_s && value_or_zero(c.rpo_p95_s) > *t.rpo_s) return false;
  if (t.monthly_cost_usd && c.monthly_cost_usd > *t.monthly_cost_usd) return false;
  return true;
}

bool dominates(const PlanCandidate& a, const PlanCandidate& b) {
  const double ca = a.total_monthly_usd(), ta = value_or_zero(a.rto_p95_s), pa = value_or_zero(a.rpo_p95_s);
  const double cb = b.total_monthly_usd(), tb = value_or_zero(b.rto_p95_s), pb = value_or_zero(b.rpo_p95_s);
  return ca <= cb && ta <= tb && pa <= pb && (ca < cb || ta < tb || pa < pb);
}

PlanRecommendation recommend(const std::vector<PlanCandidate>& candidates, const engine::TargetSpec& targets,
                             std::optional<double> budget) {
  PlanRecommendation r;
  const std::size_t n = candidates.size();
  for (const auto& c : candidates) r.is_meeting.push_back(meets_targets(c, targets));
  for (std::size_t i = 0; i < n; ++i) {
    bool is_dominated = false;
    for (std::size_t j = 0; j < n && !is_dominated; ++j)
      is_dominated = j != i && dominates(candidates[j], candidates[i]);
    if (!is_dominated) r.pareto.push_back(i);
  }
  // Cheapest meeting the targets.
  double best = kInfinity;
  for (std::size_t i = 0; i < n; ++i) {
    if (r.is_meeting[i] && candidates[i].total_monthly_usd() < best) {
      best = candidates[i].total_monthly_usd();
      r.cheapest.candidate = i;
    }
  }
  if (r.cheapest.candidate) {
    const auto& c = candidates[*r.cheapest.candidate];
    r.cheapest.why = "lowest expected total cost (" + money(c.total_monthly_usd()) +
                     ": steady state + incident cost / 12) among the plans meeting every target";
  } else {
    r.cheapest.why = "no plan in the search space meets every target";
  }
  // Best RTO/RPO within the budget.
  std::optional<std::tuple<double, double, double>> best_key;
  for (std::size_t i = 0; i < n; ++i) {
    if (budget && candidates[i].monthly_cost_usd > *budget) continue;
    const auto k = std::tuple{value_or_zero(candidates[i].rto_p95_s), value_or_zero(candidates[i].rpo_p95_s),
                              candidates[i].total_monthly_usd()};
    if (!best_key || k < *best_key) {
      best_key = k;
      r.best_within_budget.candidate = i;
    }
  }
  if (r.best_within_budget.candidate) {
    const auto& c = candidates[*r.best_within_budget.candidate];
    r.best_within_budget.why = "lowest RTO p95 (" + seconds(c.rto_p95_s) + "), then RPO p95 (" + seconds(c.rpo_p95_s) +
                               ")" +
                               (budget ? " with a steady-state cost within the budget of " + money(*budget)
                                       : std::string(" (no budget given)"));
  } else {
    r.best_within_budget.why = "no plan costs at most " + money(budget.value_or(0));
  }
  // Least change from the current plan.
  std::optional<std::pair<std::size_t, double>> least;
  for (std::size_t i = 0; i < n; ++i) {
    if (!r.is_meeting[i]) continue;
    const std::pair k{candidates[i].changes, candidates[i].total_monthly_usd()};
    if (!least || k < *least) {
      least = k;
      r.least_change.candidate = i;
    }
  }
  if (r.least_change.candidate) {
    const auto& c = candidates[*r.least_change.candidate];
    r.least_change.why = c.changes == 0 ? "the scenario's current plan already meets every target"
                                        : std::to_string(c.changes) +
                                              " parameter(s) changed from the current plan, the fewest among plans "
                                              "meeting every target (then the cheapest)";
  } else {
    r.least_change.why = "no plan in the search space meets every target";
  }
  return r;
}

}  // namespace faultline::planner
