#include "faultline/importer/arm_reader.hpp"

#include "faultline/base/json_reader.hpp"

namespace faultline::importer {
namespace {

using nlohmann::json;

void read_row(const json& row, const std::string& path, const std::string& file, Inventory& inventory,
              base::JsonReader& reader) {
  if (!reader.expect_object(row, path, "a resource")) return;
  const std::optional<std::string> type = reader.string(
      row, path, "type", {.is_required = true, .allowed = "the resource type, e.g. \"Microsoft.Cdn/profiles\""});
  const std::optional<std::string> id =
      reader.string(row, path, "id", {.is_required = true, .allowed = "the ARM resource id"});
  if (!type || !id) return;
  Resource resource;
  resource.id = *id;
  resource.type = *type;
  resource.name = id->substr(id->rfind('/') + 1);
  resource.address = *id;
  resource.file = file;
  resource.json_path = path;
  // Optional fields are null or "" in Resource Graph rows for resources that lack them.
  if (row.contains("location") && row["location"].is_string()) {
    resource.location = normalize_location(row["location"].get<std::string>());
  }
  if (row.contains("kind") && row["kind"].is_string()) resource.kind = row["kind"].get<std::string>();
  const json* zones =
      row.contains("zones") && !row["zones"].is_null()
          ? reader.array(row, path, "zones", {.allowed = "an array of zone numbers such as [\"1\", \"2\"]"})
          : nullptr;
  if (zones != nullptr) {
    for (std::size_t i = 0; i < zones->size(); ++i) {
      if ((*zones)[i].is_string()) {
        resource.zones.push_back((*zones)[i].get<std::string>());
      } else {
        reader.error(base::JsonReader::at(base::JsonReader::at(path, "zones"), i), "not a string",
                     "zone numbers as strings, e.g. \"1\"");
      }
    }
  }
  if (row.contains("sku") && row["sku"].is_object()) resource.sku = row["sku"];
  if (row.contains("properties") && row["properties"].is_object()) resource.properties = row["properties"];
  inventory.resources.push_back(std::move(resource));
}

}  // namespace

void ArmReader::read(const json& document, const std::string& file, Inventory& inventory,
                     std::vector<base::LoadError>& errors) {
  base::JsonReader reader(file, errors);
  const json* rows = nullptr;
  std::string path;
  if (document.is_array()) {
    rows = &document;
  } else if (document.is_object() && document.contains("data") && document["data"].is_array()) {
    rows = &document["data"];
    path = "data";
  } else if (document.is_object() && document.contains("value") && document["value"].is_array()) {
    rows = &document["value"];
    path = "value";
  } else if (document.is_object() && document.contains("type") && document.contains("id")) {
    read_row(document, "", file, inventory, reader);
    return;
  } else {
    reader.error("", "not a Resource Graph or ARM export",
                 "an object with a \"data\" array (az graph query), a bare array (az resource list), an object "
                 "with a \"value\" array or one resource with \"id\" and \"type\" (az rest)");
    return;
  }
  for (std::size_t i = 0; i < rows->size(); ++i) {
    read_row((*rows)[i], path.empty() ? "[" + std::to_string(i) + "]" : base::JsonReader::at(path, i), file, inventory,
             reader);
  }
}

}  // namespace faultline::importer
