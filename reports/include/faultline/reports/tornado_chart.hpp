#pragma once
// Tornado charts of a sensitivity study (faultline.sensitivity/v1) as inline SVG
// (no script, no external resource); text escaped.

#include <string>
#include <string_view>

#include "faultline/sensitivity/sensitivity_result.hpp"

namespace faultline::reports {

/// The figure a tornado chart shows.
enum class TornadoMetric { kRto, kRpo, kAvailability, kMonthlyCost };

/// Title of a metric's chart with its unit, e.g. "RTO, s".
std::string_view tornado_title(TornadoMetric metric);

/// One row per parameter varied on `pattern` that has the figure, largest swing first (catalogue order on
/// ties). A row's blue bar runs from the pattern's own figure (dashed vertical) to the figure at the range's
/// low end, its orange bar to the figure at the high end; with more than two points a grey line spans the
/// smallest to the largest figure over the range. Geometry: 960 px wide; rows 28 px from y = 56; plot area
/// x 300..820 px for the figures' extent plus 4 % each side, not below 0 (availability in percent); labels
/// right-aligned at x = 292, the swing at x = 830. Empty string when no varied parameter has the figure.
std::string tornado_svg(const sensitivity::PatternSensitivity& pattern, TornadoMetric metric);

}  // namespace faultline::reports
