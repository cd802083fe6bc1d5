#pragma once
// Reads an Azure Resource Graph export (`az graph query -q "Resources | ..."`: an
// object with a `data` array), a bare array (`az resource list`), an ARM list
// (`az rest` GET of a collection: an object with a `value` array) or one resource
// (`az rest` GET of one child resource) into ARM-shaped resources.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "faultline/base/load_error.hpp"
#include "faultline/importer/resource.hpp"

namespace faultline::importer {

/// Reader of Resource Graph / ARM exports.
class ArmReader {
 public:
  /// Appends the resources of `document` (read from `file`) to `inventory`; every
  /// problem (unknown shape, a row without `type` or `id`) goes to `errors` with its JSON path.
  static void read(const nlohmann::json& document, const std::string& file, Inventory& inventory,
                   std::vector<base::LoadError>& errors);
};

}  // namespace faultline::importer
