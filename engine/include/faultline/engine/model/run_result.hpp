#pragma once
// The whole result of a run: the faultline.result/v1 document as plain data.

#include <cstdint>
#include <string>
#include <vector>

#include "faultline/engine/model/pattern_result.hpp"

namespace faultline::engine {

/// An input file of the run: `inputs[]` (role "topology" or "scenario").
struct InputFile {
  std::string role;
  std::string path;
  std::string sha256;  ///< lowercase hex

  friend bool operator==(const InputFile&, const InputFile&) = default;
};

/// faultline.result/v1, the only thing reports, the GUI and CI read. The engine
/// fills it; the reports module serialises it (no JSON here).
struct RunResult {
  static constexpr const char* kSchema = "faultline.result/v1";

  std::string schema = kSchema;
  std::string faultline_version;
  std::vector<InputFile> inputs;
  std::uint64_t seed = 0;
  std::vector<PatternResult> patterns;

  friend bool operator==(const RunResult&, const RunResult&) = default;
};

}  // namespace faultline::engine
