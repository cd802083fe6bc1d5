#include "mapping_context.hpp"

#include <algorithm>
#include <cctype>

#include "region_table.hpp"

namespace faultline::importer {

MappingContext::MappingContext(const Inventory& inventory, std::vector<base::LoadError>& errors)
    : inventory_(inventory), errors_(errors) {
  result_.skipped = inventory.skipped;
  for (const Resource& r : inventory.resources) {
    if (!r.id.empty()) by_id_.emplace(lower(r.id), &r);
  }
}

std::vector<const Resource*> MappingContext::of_type(const std::string& type) {
  const std::string wanted = lower(type);
  known_types_.insert(wanted);
  std::vector<const Resource*> out;
  for (const Resource& r : inventory_.resources) {
    if (lower(r.type) == wanted) out.push_back(&r);
  }
  return out;
}

std::vector<const Resource*> MappingContext::children(const Resource& parent, const std::string& type) {
  std::vector<const Resource*> out;
  for (const Resource* r : of_type(type)) {
    if (lower(parent_id(r->id)) == lower(parent.id)) out.push_back(r);
  }
  return out;
}

const Resource* MappingContext::find(const std::string& id) const {
  const auto it = by_id_.find(lower(id));
  return it == by_id_.end() ? nullptr : it->second;
}

MappingContext::json& MappingContext::region(const std::string& location) {
  auto it = regions_.find(location);
  if (it != regions_.end()) return it->second;
  const RegionFacts facts = region_facts(location);
  json region = {{"id", location}, {"geography", facts.geography}};
  if (!facts.data_boundary.empty()) region["data_boundary"] = facts.data_boundary;
  region["zones"] = json::array();
  for (int z = 1; z <= 3; ++z) region["zones"].push_back({{"id", location + "-az" + std::to_string(z)}});
  for (const char* key :
       {"private_endpoints", "private_dns_zones", "model_deployments", "gateways", "agent_services", "data_stores"}) {
    region[key] = json::array();
  }
  ids_.insert(location);
  for (int z = 1; z <= 3; ++z) ids_.insert(location + "-az" + std::to_string(z));
  defaulted(location, "geography",
            facts.is_known ? "faultline's region table (the export names no geography)"
                           : "region not in faultline's table: geography unknown");
  defaulted(location, "zones", "exports do not list a region's availability zones: three assumed");
  region_order_.push_back(location);
  return regions_.emplace(location, std::move(region)).first->second;
}

std::string MappingContext::unique_id(const std::string& base) {
  std::string id;
  for (const char c : base) {
    const bool is_ok = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '-';
    id += is_ok ? c : '-';
  }
  if (id.empty()) id = "node";
  std::string candidate = id;
  for (int n = 2; ids_.count(candidate) > 0; ++n) candidate = id + "-" + std::to_string(n);
  ids_.insert(candidate);
  return candidate;
}

MappingContext::json MappingContext::zone_ids(const std::string& region_id, const std::vector<std::string>& zones) {
  json out = json::array();
  json& r = region(region_id);
  for (const std::string& z : zones) {
    const std::string zone_id = region_id + "-az" + z;
    const bool is_listed =
        std::any_of(r["zones"].begin(), r["zones"].end(), [&](const json& zone) { return zone["id"] == zone_id; });
    if (!is_listed && ids_.insert(zone_id).second) r["zones"].push_back({{"id", zone_id}});
    out.push_back(zone_id);
  }
  return out;
}

MappingContext::json MappingContext::all_zones(const std::string& region_id) {
  json out = json::array();
  for (const json& zone : region(region_id)["zones"]) out.push_back(zone["id"]);
  return out;
}

void MappingContext::imported(const std::string& node, const std::string& key, const Resource& resource,
                              const std::string& property) {
  std::string arm = property.starts_with("properties.") ? property.substr(11) : property;
  const auto it = resource.source_keys.find(arm);
  std::string source = resource.address + ".";
  source += it != resource.source_keys.end() ? it->second : property;
  result_.provenance.push_back({node, key, true, source});
}

void MappingContext::defaulted(const std::string& node, const std::string& key, const std::string& reason) {
  result_.provenance.push_back({node, key, false, reason});
}

void MappingContext::error(const Resource& resource, const std::string& sub_path, std::string problem,
                           std::string allowed) {
  const std::string path = sub_path.empty()
                               ? resource.json_path
                               : (resource.json_path.empty() ? sub_path : resource.json_path + "." + sub_path);
  errors_.push_back(base::LoadError{resource.file, path, 0, 0, std::move(problem), std::move(allowed)});
}

void MappingContext::skip(const Resource& resource, std::string reason) {
  result_.skipped.push_back({resource.type, resource.address, std::move(reason)});
}

void MappingContext::skip_unknown_types() {
  for (const Resource& r : inventory_.resources) {
    if (known_types_.count(lower(r.type)) == 0) skip(r, "resource type not mapped to the topology");
  }
}

ImportResult MappingContext::finish(json top_level, const std::vector<std::string>& order) {
  top_level["regions"] = json::array();
  for (const std::string& id : order) {
    json region = regions_.at(id);
    for (const char* key : {"model_deployments", "gateways", "agent_services", "data_stores"}) {
      if (region[key].empty()) region.erase(key);
    }
    top_level["regions"].push_back(std::move(region));
  }
  result_.topology = std::move(top_level);
  return std::move(result_);
}

}  // namespace faultline::importer
