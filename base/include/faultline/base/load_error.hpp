#pragma once
// One problem found while loading a topology file.

#include <string>

namespace faultline::base {

/// Where and what: the file, the JSON path (or line and column for syntax
/// errors), the problem, and what is allowed instead.
struct LoadError {
  std::string file;
  std::string json_path;  // e.g. "regions[1].zones[0].id"; empty for whole-file problems
  int line = 0;           // 1-based; 0 when unknown
  int column = 0;         // 1-based; 0 when unknown
  std::string problem;
  std::string allowed;

  /// "file:line:column: problem (allowed: ...)" or "file: json.path: problem (allowed: ...)".
  std::string to_string() const;
};

}  // namespace faultline::base
