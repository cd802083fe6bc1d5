#pragma once
// Builds a Topology from a JSON file (format: docs/topology.md, schema:
// scenarios/schema/topology.schema.json), reporting every problem it finds.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/base/load_error.hpp"
#include "faultline/topology/topology.hpp"

namespace faultline::topology {

/// A topology, or every reason there is none.
struct LoadResult {
  std::optional<Topology> topology;     // set iff errors is empty
  std::vector<base::LoadError> errors;  // in file order, then reference order

  /// True when the topology loaded.
  bool is_ok() const { return topology.has_value(); }
  /// One line per error (LoadError::to_string), each ending with a newline.
  std::string error_report() const;
};

/// The only way to build a Topology. Stateless: the functions are static.
class TopologyLoader {
 public:
  /// Reads and checks the file at `path`; an unreadable file is one error.
  static LoadResult load_file(const std::string& path);
  /// Checks `text` as if it were the content of `file_name` (used in messages).
  static LoadResult load_text(std::string_view text, const std::string& file_name);
};

}  // namespace faultline::topology
