#pragma once
// The terminal table of a Monte Carlo result (shared by `mc` and `merge`).

#include <string>

#include "faultline/planner/mc_result.hpp"

namespace faultline::cli {

/// Header, component-level line with the Markov answer, one row per pattern, then the targets.
std::string format_mc_table(const planner::McResult& result);

}  // namespace faultline::cli
