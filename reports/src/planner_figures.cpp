#include "faultline/reports/planner_figures.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "svg_primitives.hpp"

namespace faultline::reports {

std::vector<CdfStep> empirical_cdf(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  std::vector<CdfStep> out;
  const double n = static_cast<double>(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i + 1 < values.size() && values[i + 1] == values[i]) continue;
    out.push_back({values[i], static_cast<double>(i + 1) / n});
  }
  return out;
}

double cdf_share_at(const std::vector<CdfStep>& steps, double x) {
  double share = 0.0;
  for (const CdfStep& s : steps) {
    if (s.x > x) break;
    share = s.y;
  }
  return share;
}

std::optional<double> nearest_rank(std::vector<double> values, double q) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const double rank = std::ceil(q * static_cast<double>(values.size()));
  const std::size_t k = std::clamp<std::size_t>(static_cast<std::size_t>(std::max(rank, 1.0)), 1, values.size());
  return values[k - 1];
}

double round_axis_end(double v) { return svg::nice_ceiling(v); }

double cdf_axis_end_s(const std::vector<double>& rto_s, std::optional<double> target_rto_s) {
  double largest = nearest_rank(rto_s, 0.99).value_or(0.0);
  if (target_rto_s) largest = std::max(largest, *target_rto_s);
  return round_axis_end(largest);
}

std::vector<HistogramBin> histogram_bins(std::vector<double> values) {
  if (values.empty()) return {};
  std::sort(values.begin(), values.end());
  const double low = values.front();
  const double high = values.back();
  if (high == low) return {{low - 0.5, low + 0.5, values.size()}};
  const double n = static_cast<double>(values.size());
  const double iqr = *nearest_rank(values, 0.75) - *nearest_rank(values, 0.25);
  std::size_t bins = 0;
  if (iqr > 0.0) {
    const double width = 2.0 * iqr / std::cbrt(n);
    bins = static_cast<std::size_t>(std::ceil((high - low) / width));
  } else {
    bins = static_cast<std::size_t>(std::ceil(std::log2(n))) + 1;
  }
  bins = std::clamp<std::size_t>(bins, 1, 40);
  const double width = (high - low) / static_cast<double>(bins);
  std::vector<HistogramBin> out;
  for (std::size_t b = 0; b < bins; ++b) {
    out.push_back(
        {low + width * static_cast<double>(b), b + 1 == bins ? high : low + width * static_cast<double>(b + 1), 0});
  }
  for (const double v : values) {
    const auto b = std::min(bins - 1, static_cast<std::size_t>((v - low) / width));
    ++out[b].count;
  }
  return out;
}

double histogram_count_end(const std::vector<HistogramBin>& bins) {
  std::size_t largest = 0;
  for (const auto& b : bins) largest = std::max(largest, b.count);
  return round_axis_end(static_cast<double>(largest));
}

ParetoAxes pareto_axes(const contract::PlanDocument& plan) {
  ParetoAxes out;
  if (plan.candidates.empty()) return out;
  double cost_lo = plan.candidates.front().total_monthly_usd;
  double cost_hi = cost_lo;
  double rto_hi = 0.0;
  for (const auto& c : plan.candidates) {
    cost_lo = std::min(cost_lo, c.total_monthly_usd);
    cost_hi = std::max(cost_hi, c.total_monthly_usd);
    rto_hi = std::max(rto_hi, c.rto_p95_s.value_or(0.0));
    out.rpo_largest_s = std::max(out.rpo_largest_s, c.rpo_p95_s.value_or(0.0));
  }
  const double pad = cost_hi > cost_lo ? 0.05 * (cost_hi - cost_lo) : std::max(0.05 * std::abs(cost_lo), 1.0);
  out.cost_lo_usd = cost_lo - pad;
  out.cost_hi_usd = cost_hi + pad;
  out.rto_end_s = round_axis_end(rto_hi);
  return out;
}

double pareto_radius(const contract::PlanCandidateData& candidate, const ParetoAxes& axes) {
  return 4.0 + (axes.rpo_largest_s > 0.0 ? 8.0 * candidate.rpo_p95_s.value_or(0.0) / axes.rpo_largest_s : 0.0);
}

std::vector<std::size_t> pareto_front_order(const contract::PlanDocument& plan) {
  std::vector<std::size_t> front;
  for (std::size_t i = 0; i < plan.candidates.size(); ++i) {
    if (plan.candidates[i].is_pareto) front.push_back(i);
  }
  std::stable_sort(front.begin(), front.end(), [&](std::size_t ia, std::size_t ib) {
    const contract::PlanCandidateData& a = plan.candidates[ia];
    const contract::PlanCandidateData& b = plan.candidates[ib];
    return a.total_monthly_usd != b.total_monthly_usd ? a.total_monthly_usd < b.total_monthly_usd
                                                      : a.rto_p95_s.value_or(0.0) < b.rto_p95_s.value_or(0.0);
  });
  return front;
}

std::string recommendation_tag(const contract::PlanDocument& plan, const std::string& label) {
  const std::array<std::pair<const char*, const char*>, 3> letters{
      {{"cheapest_meeting_targets", "A"}, {"best_within_budget", "B"}, {"least_change", "C"}}};
  std::string tag;
  for (const auto& [kind, letter] : letters) {
    for (const auto& r : plan.recommendations) {
      if (r.kind == kind && r.label == label) tag += letter;
    }
  }
  return tag;
}

}  // namespace faultline::reports
