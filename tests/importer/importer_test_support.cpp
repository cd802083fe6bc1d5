#include "importer_test_support.hpp"

#include "faultline/importer/arm_reader.hpp"
#include "faultline/importer/terraform_reader.hpp"
#include "faultline/importer/topology_mapper.hpp"

namespace faultline::importer::testing {

using nlohmann::json;

namespace {

Mapped map_inventory(const Inventory& inventory, std::vector<base::LoadError> errors) {
  Mapped mapped;
  mapped.errors = std::move(errors);
  if (!mapped.errors.empty()) return mapped;
  auto result = TopologyMapper::map(inventory, "t", "test", mapped.errors);
  if (result) {
    mapped.result = std::move(*result);
    mapped.is_ok = true;
  }
  return mapped;
}

}  // namespace

Mapped map_arm(const json& document) {
  Inventory inventory;
  std::vector<base::LoadError> errors;
  ArmReader::read(document, "export.json", inventory, errors);
  return map_inventory(inventory, errors);
}

Mapped map_terraform(const json& document) {
  Inventory inventory;
  std::vector<base::LoadError> errors;
  TerraformReader::read(document, "state.json", inventory, errors);
  return map_inventory(inventory, errors);
}

json tf_resource(const std::string& type, const std::string& name, json values) {
  return {{"address", type + "." + name},
          {"mode", "managed"},
          {"type", type},
          {"name", name},
          {"provider_name", "registry.terraform.io/hashicorp/azurerm"},
          {"values", std::move(values)}};
}

json tf_state(json resources) {
  return {{"format_version", "1.0"}, {"values", {{"root_module", {{"resources", std::move(resources)}}}}}};
}

json arm(const std::string& id, const std::string& type, const std::string& location, json properties, json sku,
         json zones) {
  json row = {{"id", id}, {"type", type}, {"location", location}, {"properties", std::move(properties)}};
  if (!sku.is_null()) row["sku"] = std::move(sku);
  if (!zones.is_null()) row["zones"] = std::move(zones);
  return row;
}

std::string rid(const std::string& rest) { return "/subscriptions/s/resourceGroups/rg/providers/" + rest; }

json node(const json& topology, const std::string& id) {
  for (const json& r : topology.at("regions")) {
    for (const char* key : {"model_deployments", "gateways", "agent_services", "data_stores"}) {
      if (!r.contains(key)) continue;
      for (const json& n : r.at(key)) {
        if (n.at("id") == id) return n;
      }
    }
  }
  return nullptr;
}

json link(const json& topology, const std::string& from, const std::string& to) {
  for (const json& l : topology.at("replication_links")) {
    if (l.at("from") == from && l.at("to") == to) return l;
  }
  return nullptr;
}

json region(const json& topology, const std::string& id) {
  for (const json& r : topology.at("regions")) {
    if (r.at("id") == id) return r;
  }
  return nullptr;
}

std::size_t skipped_count(const ImportResult& result, const std::string& type) {
  std::size_t n = 0;
  for (const SkippedResource& s : result.skipped) n += s.type == type ? 1 : 0;
  return n;
}

std::string error_text(const std::vector<base::LoadError>& errors) {
  std::string out;
  for (const base::LoadError& e : errors) out += e.to_string() + "\n";
  return out;
}

}  // namespace faultline::importer::testing
