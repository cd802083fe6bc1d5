#pragma once
// The HTML sections written for a risk review (issue 21): the executive summary,
// the figures by Resilience Hub disruption type, and the assumptions.

#include <string>

#include "faultline/engine/model/run_result.hpp"

namespace faultline::reports {

/// <section id="executive-summary">: the recommendation sentences (ExecutiveSummary).
std::string executive_summary_html(const engine::RunResult& result);
/// <section id="disruptions">: worst RTO and RPO per pattern and disruption type; "" without incidents.
std::string disruption_table_html(const engine::RunResult& result);
/// <section id="assumptions">: what every figure assumes, the inputs with their sha256, seed and version.
std::string assumptions_html(const engine::RunResult& result);

}  // namespace faultline::reports
