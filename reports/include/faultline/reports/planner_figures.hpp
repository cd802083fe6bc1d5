#pragma once
// The pure figures the planner charts are drawn from, shared by the HTML
// report and the GUI's Planner view so that both show the same thing: the
// empirical CDF of RTO, histogram bins (Freedman-Diaconis), percentiles, the
// round axis ends, and the Pareto scatter's axes, radii, front and letters.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "faultline/contract/planner_documents.hpp"

namespace faultline::reports {

/// One step of an empirical CDF: P(X <= x) = y, y in (0, 1].
struct CdfStep {
  double x = 0.0;
  double y = 0.0;
};

/// The empirical CDF of `values`: one step per distinct value, ascending, y = count(<= x) / n; empty for no values.
std::vector<CdfStep> empirical_cdf(std::vector<double> values);

/// The CDF of `steps` at `x` (same unit as the steps): y of the last step with step.x <= x; 0 before the first.
double cdf_share_at(const std::vector<CdfStep>& steps, double x);

/// Nearest-rank percentile `q` (0 < q <= 1) of `values` (the element at rank ceil(q n)); absent for no values.
std::optional<double> nearest_rank(std::vector<double> values, double q);

/// One histogram bin [low, high) (the last one closed) and its count.
struct HistogramBin {
  double low = 0.0;
  double high = 0.0;
  std::size_t count = 0;
};

/// Bins over [min, max] of `values` of equal width: the Freedman-Diaconis width 2 IQR / n^(1/3)
/// (quartiles by nearest rank), at most 40 bins; Sturges' ceil(log2 n) + 1 bins when the IQR is 0;
/// one bin [v - 0.5, v + 0.5] when every value is v. Empty for no values.
std::vector<HistogramBin> histogram_bins(std::vector<double> values);

/// A round axis end (1, 2 or 5 x 10^k) >= v; 1 for v <= 0. The charts and the GUI share it.
double round_axis_end(double v);

/// End (s) of an RTO CDF's x axis: round_axis_end(max(nearest-rank p99 of `rto_s`, target)); 1 with neither.
double cdf_axis_end_s(const std::vector<double>& rto_s, std::optional<double> target_rto_s);

/// Upper end of a histogram's count axis: round_axis_end(largest count of `bins`).
double histogram_count_end(const std::vector<HistogramBin>& bins);

/// The Pareto scatter's axes: x total monthly cost, y RTO p95 (none = 0 s), radius by RPO p95.
struct ParetoAxes {
  double cost_lo_usd = 0.0;  ///< x axis left end, USD per month: min - 5 % of the span
  double cost_hi_usd = 1.0;  ///< x axis right end: max + 5 % of the span (+-5 % of the value, >= 1 USD, when all equal)
  double rto_end_s = 1.0;    ///< y axis top, s: round_axis_end(largest RTO p95)
  double rpo_largest_s = 0.0;  ///< largest RPO p95, s (none = 0)
};

/// The axes of `plan`'s scatter; the defaults for no candidate.
ParetoAxes pareto_axes(const contract::PlanDocument& plan);

/// Radius of `candidate`'s circle in chart units (px at scale 1): 4 + 8 x RPO p95 / largest RPO p95 (4 when 0).
double pareto_radius(const contract::PlanCandidateData& candidate, const ParetoAxes& axes);

/// Indices of the Pareto candidates of `plan` in total-cost order, then RTO p95 (none = 0), ties in document order.
std::vector<std::size_t> pareto_front_order(const contract::PlanDocument& plan);

/// Recommendation letters of the candidate `label`: A cheapest meeting the targets, B best RTO/RPO within
/// budget, C least change, in that order ("AB" when two name it); "" when none does.
std::string recommendation_tag(const contract::PlanDocument& plan, const std::string& label);

}  // namespace faultline::reports
