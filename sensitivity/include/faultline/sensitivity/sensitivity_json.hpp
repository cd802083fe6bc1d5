#pragma once
// faultline.sensitivity/v1: the sensitivity document (docs/sensitivity.md), written
// by `faultline sensitivity --json`, read back by reports and tests.

#include <string>
#include <string_view>

#include "faultline/sensitivity/sensitivity_result.hpp"

namespace faultline::sensitivity {

/// Schema string of the document.
inline constexpr std::string_view kSensitivitySchema = SensitivityResult::kSchema;

/// The document for `result` (2-space indented, newline-terminated; same result -> same bytes).
std::string to_sensitivity_json_text(const SensitivityResult& result);

/// Reads a document written by to_sensitivity_json_text; throws std::runtime_error listing every
/// problem as "FILE: JSON.PATH: problem (allowed: ...)" (or FILE:LINE:COLUMN for syntax errors).
SensitivityResult read_sensitivity_json_text(std::string_view text, const std::string& file);

}  // namespace faultline::sensitivity
