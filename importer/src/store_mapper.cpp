// Cosmos DB, Storage, AI Search, Key Vault and Container Registry -> data stores and replication links.
#include <algorithm>
#include <map>

#include "mappers.hpp"

namespace faultline::importer {
namespace {

using nlohmann::json;

std::string add_store(MappingContext& ctx, const std::string& prefix, const std::string& region, json node) {
  const std::string id = ctx.unique_id(prefix + "-" + region);
  node["id"] = id;
  ctx.region(region)["data_stores"].push_back(node);
  ctx.region_of_node[id] = region;
  return id;
}

void add_link(MappingContext& ctx, const std::string& from, const std::string& to, const std::string& mode,
              const std::string& lag, const std::string& lag_reason) {
  ctx.replication_links.push_back({{"from", from}, {"to", to}, {"mode", mode}, {"lag", lag}, {"gb_per_month", 0}});
  const std::string link = from + "->" + to;
  ctx.defaulted(link, "lag", lag_reason);
  ctx.defaulted(link, "gb_per_month", "not in the export: 0 (set it for egress cost)");
}

std::string consistency(const std::string& level) {
  static const std::map<std::string, std::string> kLevels = {{"strong", "strong"},
                                                             {"boundedstaleness", "bounded_staleness"},
                                                             {"session", "session"},
                                                             {"consistentprefix", "consistent_prefix"},
                                                             {"eventual", "eventual"}};
  const auto it = kLevels.find(lower(level));
  return it == kLevels.end() ? "" : it->second;
}

void map_cosmos(MappingContext& ctx, const Resource& account) {
  json locations = account.properties.value("locations", json::array());
  std::stable_sort(locations.begin(), locations.end(), [](const json& a, const json& b) {
    return a.value("failoverPriority", 0) < b.value("failoverPriority", 0);
  });
  const std::string level =
      consistency(account.properties.value("/consistencyPolicy/defaultConsistencyLevel"_json_pointer, "Session"));
  const bool is_automatic = account.properties.value("enableAutomaticFailover", false);
  const bool is_multi_write = account.properties.value("enableMultipleWriteLocations", false);
  std::string primary;
  for (std::size_t i = 0; i < locations.size(); ++i) {
    const std::string region = normalize_location(locations[i].value("locationName", ""));
    const bool is_zone_redundant = locations[i].value("isZoneRedundant", false);
    json node = {{"kind", "database"},
                 {"service", "cosmos_db"},
                 {"consistency", level.empty() ? "session" : level},
                 {"automatic_failover", is_automatic},
                 {"multi_region_writes", is_multi_write},
                 {"zone_redundant_sla", is_zone_redundant},
                 {"price_per_month_usd", 0}};
    if (is_zone_redundant) node["zones"] = ctx.all_zones(region);
    const std::string id = add_store(ctx, "cosmos", region, node);
    const std::string at = "properties.locations[" + std::to_string(i) + "]";
    ctx.imported(id, "region", account, at + ".locationName");
    ctx.imported(id, "zone_redundant_sla", account, at + ".isZoneRedundant");
    ctx.imported(id, "consistency", account, "properties.consistencyPolicy.defaultConsistencyLevel");
    ctx.imported(id, "automatic_failover", account, "properties.enableAutomaticFailover");
    ctx.imported(id, "multi_region_writes", account, "properties.enableMultipleWriteLocations");
    ctx.imported(id,
                 "backup_policy (not modelled: " +
                     account.properties.value("/backupPolicy/type"_json_pointer, std::string("none")) + ")",
                 account, "properties.backupPolicy.type");
    ctx.defaulted(id, "price_per_month_usd", "prices are not in the export: 0");
    if (!ctx.region_rank.count(region) && ctx.rank_source.empty()) ctx.region_rank[region] = static_cast<int>(i);
    if (i == 0) {
      primary = id;
    } else {
      add_link(ctx, primary, id, level == "strong" ? "sync" : "async", level == "strong" ? "0s" : "5s",
               "the lag distribution is not in the export: Cosmos DB's typical cross-region lag assumed");
      ctx.imported(primary + "->" + id, "from/to", account, at + ".failoverPriority");
    }
  }
  if (!ctx.region_rank.empty() && ctx.rank_source.empty()) ctx.rank_source = account.address + " failover priorities";
}

void map_storage(MappingContext& ctx, const Resource& account) {
  const std::string sku = account.sku.value("name", "Standard_LRS");
  const std::string replication = lower(sku.substr(sku.find('_') + 1));  // lrs, zrs, grs, ragrs, gzrs, ragzrs
  const bool is_zonal = replication.find("zrs") != std::string::npos;
  const bool is_geo = replication.find("grs") != std::string::npos || replication.find("gzrs") != std::string::npos;
  json node = {{"kind", "object_storage"},
               {"service", "storage_" + replication},
               {"zone_redundant_sla", is_zonal},
               {"price_per_month_usd", 0}};
  if (is_zonal) node["zones"] = ctx.all_zones(account.location);
  const std::string id = add_store(ctx, "storage", account.location, node);
  ctx.imported(id, "service", account, "sku.name");
  ctx.imported(id, "zone_redundant_sla", account, "sku.name");
  ctx.defaulted(id, "price_per_month_usd", "prices are not in the export: 0");
  if (!is_geo) return;
  const std::string secondary = normalize_location(account.properties.value("secondaryLocation", ""));
  if (secondary.empty()) {
    ctx.external(account.address + ": geo-replicated (" + sku + ") but the export names no secondaryLocation");
    return;
  }
  const std::string copy =
      add_store(ctx, "storage", secondary,
                {{"kind", "object_storage"}, {"service", "storage_" + replication}, {"price_per_month_usd", 0}});
  ctx.imported(copy, "region", account, "properties.secondaryLocation");
  add_link(ctx, id, copy, "async", "15m", "Azure Storage geo-replication: typically under 15 minutes");
}

void map_singles(MappingContext& ctx) {
  for (const Resource* search : ctx.of_type("Microsoft.Search/searchServices")) {
    const std::string id = add_store(ctx, "search", search->location,
                                     {{"kind", "search_index"}, {"service", "ai_search"}, {"price_per_month_usd", 0}});
    ctx.imported(id, "region", *search, "location");
  }
  for (const Resource* vault : ctx.of_type("Microsoft.KeyVault/vaults")) {
    json secrets = json::array();
    for (const Resource* s : ctx.children(*vault, "Microsoft.KeyVault/vaults/secrets")) secrets.push_back(s->name);
    const std::string id =
        add_store(ctx, "kv", vault->location,
                  {{"kind", "key_vault"}, {"service", "key_vault"}, {"secrets", secrets}, {"price_per_month_usd", 0}});
    ctx.imported(id, "secrets", *vault, "secrets[].name (names only, never values)");
  }
  ctx.of_type("Microsoft.KeyVault/vaults/secrets");
}

void map_registries(MappingContext& ctx) {
  for (const Resource* registry : ctx.of_type("Microsoft.ContainerRegistry/registries")) {
    const std::string service = "acr_" + lower(registry->sku.value("name", "premium"));
    const std::string home =
        add_store(ctx, "acr", registry->location,
                  {{"kind", "container_registry"}, {"service", service}, {"price_per_month_usd", 0}});
    ctx.imported(home, "service", *registry, "sku.name");
    for (const Resource* replica : ctx.children(*registry, "Microsoft.ContainerRegistry/registries/replications")) {
      if (replica->location == registry->location) continue;  // the home replica ARM lists too
      const std::string id =
          add_store(ctx, "acr", replica->location,
                    {{"kind", "container_registry"}, {"service", service}, {"price_per_month_usd", 0}});
      ctx.imported(id, "region", *replica, "location");
      add_link(ctx, home, id, "async", "10m", "geo-replication lag is not in the export: 10 minutes assumed");
    }
  }
}

}  // namespace

void map_stores(MappingContext& ctx) {
  for (const Resource* account : ctx.of_type("Microsoft.DocumentDB/databaseAccounts")) map_cosmos(ctx, *account);
  for (const Resource* account : ctx.of_type("Microsoft.Storage/storageAccounts")) map_storage(ctx, *account);
  map_singles(ctx);
  map_registries(ctx);
}

}  // namespace faultline::importer
