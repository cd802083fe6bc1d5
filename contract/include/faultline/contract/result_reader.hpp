#pragma once
// Reads a faultline.result/v1 document back into engine::RunResult, so that
// reports work from the result file alone (they never run a simulation).

#include <stdexcept>
#include <string>
#include <string_view>

#include "faultline/engine/model/run_result.hpp"

namespace faultline::contract {

/// A result document that cannot be read: what() is
/// "FILE: JSON.PATH: problem (allowed: ...)" or "FILE:LINE:COLUMN: problem" for syntax errors.
class ResultReadError : public std::runtime_error {
 public:
  /// An error about `file` at `json_path` (empty for the whole file).
  ResultReadError(const std::string& file, const std::string& json_path, const std::string& problem,
                  const std::string& allowed);
};

/// Parses `text` as the content of `file_name` (used in messages); throws ResultReadError.
engine::RunResult read_result_text(std::string_view text, const std::string& file_name);

/// Reads the result file at `path`; throws ResultReadError (also when the file cannot be read).
engine::RunResult read_result_file(const std::string& path);

}  // namespace faultline::contract
