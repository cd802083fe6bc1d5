#pragma once
// Maps an inventory of ARM-shaped resources into a topology (docs/topology.md)
// with provenance for every key, the resources not mapped, and references that
// point outside the export.

#include <optional>
#include <string>
#include <vector>

#include "faultline/base/load_error.hpp"
#include "faultline/importer/import_result.hpp"
#include "faultline/importer/resource.hpp"

namespace faultline::importer {

/// Inventory -> topology JSON.
class TopologyMapper {
 public:
  /// The topology named `name` described by `description`; nothing when a reference the
  /// topology needs is absent or a value cannot be mapped (each problem appended to `errors`).
  static std::optional<ImportResult> map(const Inventory& inventory, const std::string& name,
                                         const std::string& description, std::vector<base::LoadError>& errors);
};

}  // namespace faultline::importer
