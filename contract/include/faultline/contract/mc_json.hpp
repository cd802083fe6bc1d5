#pragma once
// faultline.mc/v1: the Monte Carlo result document (docs/planner.md), written
// by `faultline mc`, read back by `faultline merge` (which merges shards with planner::merge_shards).

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "faultline/contract/mc_result.hpp"
#include "faultline/contract/schema_names.hpp"

namespace faultline::contract {

/// The document for `result` (2-space indented, newline-terminated; same result -> same bytes).
std::string to_mc_json_text(const McResult& result);

/// What read_mc_result asks of a document.
struct McReadOptions {
  /// true (`faultline merge`): every key a shard needs to be merged and written again must be present, and the
  /// summary is left empty (planner::summarize computes it from the records); false (reports, GUI): keys they
  /// do not draw may be absent and the summary is read as written.
  bool is_for_merge = true;
};

/// The one reader of faultline.mc/v1 (merge, reports, GUI); throws ResultReadError
/// ("FILE: JSON.PATH: problem (allowed: ...)").
McResult read_mc_result(const nlohmann::json& document, const std::string& file, const McReadOptions& options);

/// Parses `text` (the content of `file`) and reads it for merging: read_mc_result with is_for_merge.
McResult read_mc_json_text(std::string_view text, const std::string& file);

}  // namespace faultline::contract
