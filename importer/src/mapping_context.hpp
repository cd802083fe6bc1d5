#pragma once
// Shared state of the mappers (private to the importer): the inventory indexed
// by id and type, the regions being built, provenance and errors.

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "faultline/base/load_error.hpp"
#include "faultline/importer/import_result.hpp"
#include "faultline/importer/resource.hpp"

namespace faultline::importer {

/// The mappers' working state.
class MappingContext {
 public:
  using json = nlohmann::json;

  MappingContext(const Inventory& inventory, std::vector<base::LoadError>& errors);

  /// Resources of ARM `type` (case-insensitive), in export order; marks the type as known.
  std::vector<const Resource*> of_type(const std::string& type);
  /// Children of `parent` of ARM `type`.
  std::vector<const Resource*> children(const Resource& parent, const std::string& type);
  /// The resource with this ARM id (case-insensitive), or nullptr.
  const Resource* find(const std::string& id) const;
  /// The region draft for `location` (created with default zones on first use).
  json& region(const std::string& location);
  /// True when a region draft exists for `location`.
  bool has_region(const std::string& location) const { return regions_.count(location) > 0; }
  /// `base` made a valid id ([A-Za-z0-9._-]) unique across the topology.
  std::string unique_id(const std::string& base);
  /// Zone ids of `region` for the zone numbers `zones` ("1" -> "eastus2-az1").
  json zone_ids(const std::string& region, const std::vector<std::string>& zones);
  /// Every zone id of `region`.
  json all_zones(const std::string& region);

  /// Records `node.key` as read from `property` ("properties.x.y", "sku.name", "location") of `resource`.
  void imported(const std::string& node, const std::string& key, const Resource& resource, const std::string& property);
  /// Records `node.key` as defaulted, with the reason.
  void defaulted(const std::string& node, const std::string& key, const std::string& reason);
  /// A problem with `resource` at `sub_path` ("properties.model.name").
  void error(const Resource& resource, const std::string& sub_path, std::string problem, std::string allowed);
  /// A reference to something outside the export, the topology does not need.
  void external(std::string note) { result_.external_references.push_back(std::move(note)); }
  /// A resource read but not mapped.
  void skip(const Resource& resource, std::string reason);

  /// Lists resources of types no mapper asked for as skipped; call after every mapper ran.
  void skip_unknown_types();
  /// Region ids in first-use order.
  const std::vector<std::string>& region_order() const { return region_order_; }
  /// The finished result; regions are placed in `order`.
  ImportResult finish(json top_level, const std::vector<std::string>& order);

  // Cross-mapper lookups.
  std::map<std::string, std::string> gateway_by_host;  // host name -> gateway id
  std::map<std::string, std::string> gateway_by_apim;  // lower(APIM id) + "|" + region -> gateway id
  std::map<std::string, std::vector<std::string>> deployments_by_account;  // lower(account id) -> deployment ids
  std::map<std::string, std::string> region_of_node;                       // node id -> region id
  std::map<std::string, int> region_rank;                                  // region -> failover rank hint (lower first)
  std::string rank_source;                                                 // what region_rank came from
  json global_entry;                                                       // null until an entry mapper sets it
  json replication_links = json::array();

 private:
  const Inventory& inventory_;
  std::vector<base::LoadError>& errors_;
  std::map<std::string, const Resource*> by_id_;
  std::set<std::string> known_types_;
  std::set<std::string> ids_;
  std::map<std::string, json> regions_;
  std::vector<std::string> region_order_;
  ImportResult result_;
};

}  // namespace faultline::importer
