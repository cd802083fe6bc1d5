#pragma once
// Charts of the Monte Carlo and plan documents drawn as inline SVG (no script,
// no external resource); each function returns one <svg> element, text escaped.
// Plot areas are 960 px wide viewBoxes; the geometry is documented per function
// so that tests can check coordinates.

#include <optional>
#include <string>

#include "faultline/contract/planner_documents.hpp"

namespace faultline::reports {

/// Empirical CDF of every incident's RTO (s) of `pattern` as a step path (class "cdf"); dashed verticals
/// at the document's p50/p95/p99 and a red line at `target_rto_s` when given. Plot area x 64..936 px for
/// 0..nice_ceiling(max(p99 of the RTOs, target)) s (longer incidents are counted in a note), y 250..30 px
/// for probability 0..1.
std::string rto_cdf_svg(const contract::McPatternData& pattern, std::optional<double> target_rto_s);

/// Histogram of annual downtime per replication (h per year) of `pattern`, bins from histogram_bins;
/// one <rect class="bin"> per non-empty bin. Plot area x 64..936 px for the bins' low..high h,
/// y 210..30 px for 0..nice_ceiling(largest count) replications; a dashed line at the pattern's mean.
std::string downtime_histogram_svg(const contract::McPatternData& pattern);

/// Scatter of the plan's candidates: x total monthly cost (USD), y RTO p95 (s; none = 0), circle radius
/// 4 + 8 x RPO p95 / largest RPO p95 px. Pareto points blue and joined by a path in cost order,
/// the others grey; recommended candidates carry a letter (A cheapest meeting targets, B best within
/// budget, C least change). Plot area x 80..920 px for cost min - 5 % .. max + 5 % of the span (+-5 %
/// of the value when all are equal), y 350..60 px for 0..nice_ceiling(largest RTO p95).
std::string pareto_svg(const contract::PlanDocument& plan);

}  // namespace faultline::reports
