#pragma once
// The report of a sensitivity study (faultline.sensitivity/v1): one self-contained
// HTML file (inline CSS and SVG tornado charts, no script, no external resource,
// the run report's stylesheet with its print rules).

#include <string>

#include "faultline/sensitivity/sensitivity_result.hpp"

namespace faultline::reports {

/// HTML for a sensitivity document. Sections, in order, with these ids: summary (what was run and, per
/// pattern, the parameter that moves its RTO most), one section "pattern-N" per pattern (N from 1: its own
/// figures, tornado charts of RTO, RPO, availability and monthly cost, every point in a table, what was not
/// varied), parameters (each range and where it came from), definitions, inputs. Same document -> same bytes.
std::string sensitivity_to_html(const sensitivity::SensitivityResult& result);

}  // namespace faultline::reports
