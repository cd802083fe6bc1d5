#pragma once
// The terminal table of a sensitivity study (`faultline sensitivity`).

#include <string>

#include "faultline/sensitivity/sensitivity_result.hpp"

namespace faultline::cli {

/// Per pattern: its own figures, then one row per varied parameter (largest RTO swing first) with the
/// range, the pattern's own value, each figure at the range's low and high end and its swing; then
/// what was not varied and why, and the settings at which a pattern's targets verdict changes.
std::string format_sensitivity_table(const sensitivity::SensitivityResult& result);

}  // namespace faultline::cli
