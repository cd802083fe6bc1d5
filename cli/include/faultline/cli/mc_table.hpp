#pragma once
// The terminal table of a Monte Carlo result (shared by `mc` and `merge`).

#include <string>

#include "faultline/contract/mc_result.hpp"

namespace faultline::cli {

/// Header, component-level line with the Markov answer, one row per pattern, then the targets.
std::string format_mc_table(const contract::McResult& result);

}  // namespace faultline::cli
