// Cognitive Services / Foundry deployments and AKS GPU node pools -> model deployments.
#include <map>

#include "mappers.hpp"

namespace faultline::importer {
namespace {

using nlohmann::json;

// Deployment SKU name (ARM) -> topology deployment_type; "" when unknown.
std::string deployment_type(const std::string& sku) {
  static const std::map<std::string, std::string> kTypes = {
      {"globalstandard", "global_standard"},
      {"datazonestandard", "data_zone_standard"},
      {"standard", "standard"},
      {"provisionedmanaged", "provisioned"},
      {"globalprovisionedmanaged", "provisioned"},
      {"datazoneprovisionedmanaged", "provisioned"},
      {"globalbatch", "batch"},
      {"datazonebatch", "batch"},
      {"developertier", "developer"},
  };
  const auto it = kTypes.find(lower(sku));
  return it == kTypes.end() ? "" : it->second;
}

// Tokens per minute one PTU serves: the export does not say (it depends on the model and the prompt mix).
constexpr double kTokensPerMinutePerPtu = 2500;
constexpr int kDefaultConcurrency = 200;

void add_serving_defaults(MappingContext& ctx, json& node, const std::string& id) {
  node["capacity"]["concurrency"] = kDefaultConcurrency;
  ctx.defaulted(id, "capacity.concurrency", "not in the export: 200 concurrent requests assumed");
  node["warm_up"] = "5m";
  ctx.defaulted(id, "warm_up", "not in the export: 5 minutes from deployment to serving assumed");
  node["price"] = {{"per_hour_usd", 0}, {"per_1k_tokens_usd", 0}};
  ctx.defaulted(id, "price", "prices are not in the export: 0 (set them for cost figures)");
}

void map_deployment(MappingContext& ctx, const Resource& account, const Resource& d) {
  const std::string region = account.location;
  const std::string model = d.properties.value("/model/name"_json_pointer, "");
  if (model.empty()) {
    ctx.error(d, "properties.model.name", "a deployment without a model name",
              "the deployed model, e.g. \"gpt-4.1-mini\"");
    return;
  }
  const std::string sku = d.sku.value("name", "");
  const std::string type = deployment_type(sku);
  if (type.empty()) {
    ctx.error(d, "sku.name", "unknown deployment SKU \"" + sku + "\"",
              "GlobalStandard, DataZoneStandard, Standard, ProvisionedManaged, GlobalProvisionedManaged, "
              "DataZoneProvisionedManaged, GlobalBatch, DataZoneBatch, DeveloperTier");
    return;
  }
  const std::string id = ctx.unique_id(d.name + "-" + region);
  json node = {{"id", id}, {"model", model}, {"deployment_name", d.name}, {"deployment_type", type}};
  ctx.imported(id, "model", d, "properties.model.name");
  ctx.imported(id, "deployment_name", d, "name");
  ctx.imported(id, "deployment_type", d, "sku.name");
  std::string version = d.properties.value("/model/version"_json_pointer, "");
  if (version.empty()) {
    node["version"] = "default";
    ctx.defaulted(id, "version", "no version pinned: Azure picks the default version (lint FL015)");
  } else {
    node["version"] = version;
    ctx.imported(id, "version", d, "properties.model.version");
  }
  const double capacity = d.sku.value("capacity", 1.0);
  const double tpm = type == "provisioned" ? capacity * kTokensPerMinutePerPtu : capacity * 1000;
  node["quota_tokens_per_minute"] = tpm;
  node["capacity"] = {{"tokens_per_minute", tpm}};
  ctx.imported(id, "quota_tokens_per_minute", d, "sku.capacity");
  if (type == "provisioned") {
    ctx.defaulted(id, "capacity.tokens_per_minute", "provisioned: PTUs x 2,500 tokens per minute assumed");
  } else {
    ctx.defaulted(id, "capacity.tokens_per_minute",
                  "the deployment serves what its quota allows (SKU capacity x 1000)");
  }
  node["zones"] = ctx.all_zones(region);
  node["zone_redundant_sla"] = true;
  ctx.defaulted(id, "zones", "Azure-managed deployments span the region's zones");
  add_serving_defaults(ctx, node, id);
  ctx.region(region)["model_deployments"].push_back(node);
  ctx.region_of_node[id] = region;
  ctx.deployments_by_account[lower(account.id)].push_back(id);
}

bool is_gpu_size(const std::string& vm_size) {
  const std::string size = lower(vm_size);
  return size.starts_with("standard_nc") || size.starts_with("standard_nd") || size.starts_with("standard_nv");
}

void map_gpu_pool(MappingContext& ctx, const Resource& cluster, const json& pool, const Resource& source,
                  const std::string& prefix) {
  const std::string vm_size = pool.value("vmSize", "");
  if (!is_gpu_size(vm_size)) return;
  const std::string region = cluster.location;
  const std::string name = pool.value("name", source.name);
  const std::string id = ctx.unique_id(cluster.name + "-" + name + "-" + region);
  std::vector<std::string> zones;
  for (const json& z : pool.value("availabilityZones", json::array())) {
    if (z.is_string()) zones.push_back(z.get<std::string>());
  }
  const double nodes = pool.value("count", 1.0);
  json node = {{"id", id},
               {"model", name},
               {"version", "self-hosted"},
               {"deployment_name", name},
               {"deployment_type", "provisioned"},
               {"zones", ctx.zone_ids(region, zones)},
               {"zone_redundant_sla", zones.size() >= 2},
               {"quota_tokens_per_minute", nodes * 10000},
               {"capacity", {{"tokens_per_minute", nodes * 10000}}}};
  ctx.imported(id, "deployment_name", source, prefix + "name");
  ctx.imported(id, "zones", source, prefix + "availabilityZones");
  ctx.imported(id, "zone_redundant_sla", source, prefix + "availabilityZones");
  ctx.defaulted(id, "model", "the model a GPU pool serves is not in the export: the pool name");
  ctx.defaulted(id, "capacity.tokens_per_minute", "10,000 tokens per minute per GPU node assumed (" + vm_size + ")");
  add_serving_defaults(ctx, node, id);
  ctx.region(region)["model_deployments"].push_back(node);
  ctx.region_of_node[id] = region;
}

void map_clusters(MappingContext& ctx) {
  for (const Resource* cluster : ctx.of_type("Microsoft.ContainerService/managedClusters")) {
    const json pools = cluster->properties.value("agentPools", json::array());
    for (std::size_t i = 0; i < pools.size(); ++i) {
      map_gpu_pool(ctx, *cluster, pools[i], *cluster, "properties.agentPools[" + std::to_string(i) + "].");
    }
    for (const Resource* pool : ctx.children(*cluster, "Microsoft.ContainerService/managedClusters/agentPools")) {
      json named = pool->properties;
      named["name"] = pool->name;
      map_gpu_pool(ctx, *cluster, named, *pool, "properties.");
    }
  }
}

}  // namespace

void map_models(MappingContext& ctx) {
  for (const Resource* account : ctx.of_type("Microsoft.CognitiveServices/accounts")) {
    const std::vector<const Resource*> deployments =
        ctx.children(*account, "Microsoft.CognitiveServices/accounts/deployments");
    if (deployments.empty()) ctx.skip(*account, "account without deployments in the export");
    for (const Resource* d : deployments) map_deployment(ctx, *account, *d);
  }
  for (const Resource* d : ctx.of_type("Microsoft.CognitiveServices/accounts/deployments")) {
    if (ctx.find(parent_id(d->id)) == nullptr) {
      ctx.error(*d, "id", "the deployment's account \"" + parent_id(d->id) + "\" is not in the export",
                "a Microsoft.CognitiveServices/accounts resource in the export (add its row or file)");
    }
  }
  map_clusters(ctx);
}

}  // namespace faultline::importer
