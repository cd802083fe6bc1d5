#pragma once
// One Azure resource as the importer sees it, whichever export it came from:
// ARM-shaped (type, id, location, zones, sku, properties), plus where it was read.

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace faultline::importer {

/// A resource in ARM shape. Terraform resources are translated into this shape
/// (azurerm attribute names -> ARM property names) by TerraformReader.
struct Resource {
  std::string id;                  // ARM id as exported
  std::string type;                // ARM type, e.g. "Microsoft.Cdn/profiles/originGroups"
  std::string name;                // last segment of the id
  std::string location;            // normalised: lower case, no spaces ("eastus2"); "global" or "" when none
  std::vector<std::string> zones;  // "1", "2", "3"
  nlohmann::json sku = nlohmann::json::object();
  nlohmann::json properties = nlohmann::json::object();
  std::string kind;
  std::string address;    // Terraform address or ARM id: how reports name the resource
  std::string file;       // the export it came from
  std::string json_path;  // where in that file, e.g. "data[3]"
  /// ARM property path -> the attribute it was read from, when the export names it
  /// differently (Terraform: "healthProbeSettings.probePath" -> "health_probe[0].path").
  std::map<std::string, std::string> source_keys;
};

/// A resource the importer read but does not map, and why.
struct SkippedResource {
  std::string type;     // as exported ("azurerm_subnet", "Microsoft.Network/networkInterfaces")
  std::string address;  // Terraform address or ARM id
  std::string reason;
};

/// Everything read from the export files.
struct Inventory {
  std::vector<Resource> resources;
  std::vector<SkippedResource> skipped;
};

/// "East US 2" -> "eastus2".
std::string normalize_location(const std::string& location);
/// Lower-cased copy, for comparing ARM ids and types (ARM is case-insensitive).
std::string lower(std::string text);
/// The id of the parent resource ("/.../profiles/fd/originGroups/og" -> "/.../profiles/fd"), "" for none.
std::string parent_id(const std::string& id);

}  // namespace faultline::importer
