#pragma once
// Reports of the Monte Carlo (faultline.mc/v1) and plan (faultline.plan/v1)
// documents: a self-contained HTML file (inline CSS and SVG, no script, no
// external resource, the run report's print stylesheet) and a Markdown summary.

#include <string>

#include "faultline/contract/planner_documents.hpp"

namespace faultline::reports {

/// HTML for a Monte Carlo document. Sections, in order, with these ids: summary (availability with
/// its 99 % CI next to the Markov answer), rto-cdf, downtime-histogram, definitions, inputs.
std::string mc_to_html(const contract::McDocument& mc);

/// Markdown summary of a Monte Carlo document: the availability table and RTO percentiles.
std::string mc_to_markdown(const contract::McDocument& mc);

/// HTML for a plan document. Sections, in order, with these ids: recommendations, pareto, candidates, inputs.
std::string plan_to_html(const contract::PlanDocument& plan);

/// Markdown summary of a plan document: the recommendations and the candidate table.
std::string plan_to_markdown(const contract::PlanDocument& plan);

}  // namespace faultline::reports
