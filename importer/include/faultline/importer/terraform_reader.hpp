#pragma once
// Reads `terraform show -json` output (format_version 1.x): the managed
// resources under values.root_module and its child_modules. azurerm resources
// (and azapi_resource) are translated into ARM-shaped resources; everything
// else is listed as skipped. Attribute values outside the translated ones
// (keys, connection strings, secret values) are never copied.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "faultline/base/load_error.hpp"
#include "faultline/importer/resource.hpp"

namespace faultline::importer {

/// Reader of Terraform state exports.
class TerraformReader {
 public:
  /// Appends the resources of `document` (read from `file`) to `inventory`; problems go to
  /// `errors` with the JSON path (e.g. "values.root_module.child_modules[0].resources[2].type").
  static void read(const nlohmann::json& document, const std::string& file, Inventory& inventory,
                   std::vector<base::LoadError>& errors);
};

/// Translates the `values` of one azurerm resource of type `tf_type` into ARM shape; appends the
/// resource (and child resources that Terraform holds inline, e.g. registry geo-replications) to
/// `out`. Returns false when the type is not one the importer maps.
bool translate_azurerm(const std::string& tf_type, const nlohmann::json& values, const Resource& base,
                       std::vector<Resource>& out);

}  // namespace faultline::importer
