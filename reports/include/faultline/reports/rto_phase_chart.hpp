#pragma once
// Where the RTO went: one stacked bar per pattern of its worst incident's RTO
// phases (incidents[].rto_phases), with a legend.

#include <string>
#include <string_view>

#include "faultline/engine/model/run_result.hpp"

namespace faultline::reports {

/// Fill colour ("#rrggbb") of an RTO phase id; grey for an id it does not know.
std::string_view rto_phase_colour(std::string_view phase);

/// SVG: per pattern a bar from 0 to its worst incident's RTO (s), cut into its phases, each
/// labelled with its seconds when wide enough; a legend of the phases present. "" when no phase.
std::string rto_phase_bars_svg(const engine::RunResult& result);

}  // namespace faultline::reports
