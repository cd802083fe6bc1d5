#pragma once
// faultline.mc/v1: the Monte Carlo result document (docs/planner.md), written
// by `faultline mc`, read back by `faultline merge` (which merges shards with planner::merge_shards).

#include <string>
#include <string_view>

#include "faultline/contract/mc_result.hpp"
#include "faultline/contract/schema_names.hpp"

namespace faultline::contract {

/// The document for `result` (2-space indented, newline-terminated; same result -> same bytes).
std::string to_mc_json_text(const McResult& result);
/// Reads a document written by to_mc_json_text, all but its summary (left empty: planner::summarize computes it
/// from the records); throws std::runtime_error naming `file`, the JSON path and the problem.
McResult read_mc_json_text(std::string_view text, const std::string& file);

}  // namespace faultline::contract
