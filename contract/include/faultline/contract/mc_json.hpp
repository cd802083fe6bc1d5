#pragma once
// faultline.mc/v1: the Monte Carlo result document (docs/planner.md), written
// by `faultline mc`, read back by `faultline merge`.

#include <string>
#include <string_view>
#include <vector>

#include "faultline/planner/mc_result.hpp"

namespace faultline::planner {

/// Schema string of the document.
inline constexpr std::string_view kMcSchema = "faultline.mc/v1";

/// The document for `result` (2-space indented, newline-terminated; same result -> same bytes).
std::string to_mc_json_text(const McResult& result);
/// Reads a document written by to_mc_json_text; throws std::runtime_error naming `file`, the JSON path and the problem.
McResult read_mc_json_text(std::string_view text, const std::string& file);
/// Combines shards 1..N of one run (any order) into the result one process gives;
/// throws std::invalid_argument when they do not belong together or one is missing.
McResult merge_shards(std::vector<McResult> shards);

}  // namespace faultline::planner
