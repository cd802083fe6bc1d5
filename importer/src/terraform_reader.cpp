#include "faultline/importer/terraform_reader.hpp"

#include "faultline/base/json_reader.hpp"

namespace faultline::importer {
namespace {

using base::JsonReader;
using nlohmann::json;

bool is_provider(const std::string& provider_name, const std::string& provider) {
  return provider_name == provider || provider_name.ends_with("/" + provider);
}

// azapi_resource: type "Microsoft.X/y@api-version", body { properties, sku, ... } (an object, or a JSON string
// in azapi 1.x), parent_id, name, location.
bool translate_azapi(const json& values, Resource& r) {
  const std::string type = values.value("type", "");
  if (type.find('@') == std::string::npos) return false;
  r.type = type.substr(0, type.find('@'));
  json body = values.contains("body") ? values["body"] : json::object();
  if (body.is_string()) body = json::parse(body.get<std::string>(), nullptr, false);
  if (!body.is_object()) body = json::object();
  if (body.contains("properties") && body["properties"].is_object()) r.properties = body["properties"];
  if (body.contains("sku") && body["sku"].is_object()) r.sku = body["sku"];
  if (body.contains("kind") && body["kind"].is_string()) r.kind = body["kind"].get<std::string>();
  return true;
}

void read_resource(const json& row, const std::string& path, const std::string& file, Inventory& inventory,
                   JsonReader& reader) {
  if (!reader.expect_object(row, path, "a Terraform resource")) return;
  const auto address = reader.string(row, path, "address",
                                     {.is_required = true, .allowed = "the resource address, e.g. \"azurerm_x.name\""});
  const auto type = reader.string(
      row, path, "type", {.is_required = true, .allowed = "the resource type, e.g. \"azurerm_cosmosdb_account\""});
  const auto mode = reader.one_of(row, path, "mode", {.is_required = true}, {"managed", "data"});
  const json* values = reader.object(row, path, "values", {.is_required = true});
  if (!address || !type || !mode || !values) return;
  if (*mode == "data") {
    inventory.skipped.push_back({*type, *address, "data source: read by Terraform, not managed by this state"});
    return;
  }
  const std::string provider = row.value("provider_name", "");
  Resource r;
  r.address = *address;
  r.file = file;
  r.json_path = path;
  r.id = values->contains("id") && (*values)["id"].is_string() ? (*values)["id"].get<std::string>() : "";
  r.name = values->contains("name") && (*values)["name"].is_string() ? (*values)["name"].get<std::string>() : "";
  if (values->contains("location") && (*values)["location"].is_string()) {
    r.location = normalize_location((*values)["location"].get<std::string>());
  }
  if (values->contains("zones") && (*values)["zones"].is_array()) {
    for (const json& z : (*values)["zones"]) {
      if (z.is_string()) r.zones.push_back(z.get<std::string>());
    }
  }
  if (is_provider(provider, "azurerm")) {
    if (!translate_azurerm(*type, *values, r, inventory.resources)) {
      inventory.skipped.push_back({*type, *address, "azurerm resource type not mapped to the topology"});
    }
    return;
  }
  if (is_provider(provider, "azapi") && *type == "azapi_resource" && translate_azapi(*values, r)) {
    inventory.resources.push_back(std::move(r));
    return;
  }
  inventory.skipped.push_back(
      {*type, *address,
       "provider " + (provider.empty() ? "(none)" : provider) + " holds no Azure resource the topology models"});
}

void read_module(const json& module, const std::string& path, const std::string& file, Inventory& inventory,
                 JsonReader& reader) {
  if (!reader.expect_object(module, path, "a module")) return;
  if (const json* resources = reader.array(module, path, "resources", {.allowed = "an array of resources"})) {
    for (std::size_t i = 0; i < resources->size(); ++i) {
      read_resource((*resources)[i], JsonReader::at(JsonReader::at(path, "resources"), i), file, inventory, reader);
    }
  }
  if (const json* children = reader.array(module, path, "child_modules", {.allowed = "an array of modules"})) {
    for (std::size_t i = 0; i < children->size(); ++i) {
      read_module((*children)[i], JsonReader::at(JsonReader::at(path, "child_modules"), i), file, inventory, reader);
    }
  }
}

}  // namespace

void TerraformReader::read(const json& document, const std::string& file, Inventory& inventory,
                           std::vector<base::LoadError>& errors) {
  JsonReader reader(file, errors);
  if (!document.is_object() || !document.contains("format_version")) {
    reader.error("", "not the output of `terraform show -json`",
                 "an object with \"format_version\" \"1.x\" and \"values\".\"root_module\"");
    return;
  }
  const auto version = reader.string(document, "", "format_version", {.is_required = true});
  if (version && !version->starts_with("1.")) {
    reader.error("format_version", "format version \"" + *version + "\" is not supported", "1.x");
    return;
  }
  if (!document.contains("values") && document.contains("planned_values")) {
    reader.error("values", "this is a plan (planned_values), not state",
                 "the state: `terraform show -json` without a plan file");
    return;
  }
  const json* values = reader.object(document, "", "values", {.is_required = false});
  if (values == nullptr) return;  // an empty state
  if (const json* root = reader.object(*values, "values", "root_module", {.is_required = true})) {
    read_module(*root, "values.root_module", file, inventory, reader);
  }
}

}  // namespace faultline::importer
