// Front Door (profiles, origin groups, origins) or Traffic Manager -> the global entry.
#include <algorithm>
#include <set>

#include "mappers.hpp"

namespace faultline::importer {
namespace {

using nlohmann::json;

// Routing from the origins: distinct priorities fail over in order; equal priorities with equal
// weights go to the lowest-latency origin (Front Door's latency sensitivity); else weighted.
std::string routing_of(const json& origins) {
  std::set<int> priorities;
  std::set<int> weights;
  for (const json& o : origins) {
    priorities.insert(o["priority"].get<int>());
    weights.insert(o["weight"].get<int>());
  }
  if (priorities.size() > 1) return "priority";
  return weights.size() > 1 ? "weighted" : "latency";
}

void rank_regions(MappingContext& ctx, const json& origins, const std::string& source) {
  ctx.region_rank.clear();
  for (const json& o : origins) {
    const std::string region = ctx.region_of_node[o["gateway"].get<std::string>()];
    const int priority = o["priority"].get<int>();
    if (!ctx.region_rank.count(region) || ctx.region_rank[region] > priority) ctx.region_rank[region] = priority;
  }
  ctx.rank_source = source;
}

json map_origins(MappingContext& ctx, const Resource& group, const std::string& entry_id) {
  json origins = json::array();
  for (const Resource* o : ctx.children(group, "Microsoft.Cdn/profiles/originGroups/origins")) {
    if (o->properties.value("enabledState", "Enabled") == "Disabled") {
      ctx.skip(*o, "origin disabled (enabledState Disabled): it receives no traffic");
      continue;
    }
    const std::string host = lower(o->properties.value("hostName", ""));
    const auto it = ctx.gateway_by_host.find(host);
    if (it == ctx.gateway_by_host.end()) {
      ctx.external(o->address + ": origin host " + host + " is no API Management gateway in the export");
      continue;
    }
    origins.push_back({{"gateway", it->second},
                       {"priority", o->properties.value("priority", 1)},
                       {"weight", o->properties.value("weight", 1000)}});
    ctx.imported(entry_id, "origins[" + it->second + "].priority", *o, "properties.priority");
    ctx.imported(entry_id, "origins[" + it->second + "].weight", *o, "properties.weight");
    ctx.imported(entry_id, "origins[" + it->second + "].gateway", *o, "properties.hostName");
  }
  return origins;
}

json probe_of(MappingContext& ctx, const Resource& group, const std::string& entry_id) {
  const json& probe = group.properties.value("healthProbeSettings", json::object());
  const json& lb = group.properties.value("loadBalancingSettings", json::object());
  if (probe.empty()) return nullptr;
  std::string protocol = lower(probe.value("probeProtocol", "Https"));
  json out = {{"path", probe.value("probePath", "/")},
              {"protocol", protocol},
              {"interval", probe.value("probeIntervalInSeconds", 100)},
              {"sample_size", lb.value("sampleSize", 4)},
              {"successful_samples_required", lb.value("successfulSamplesRequired", 3)}};
  ctx.imported(entry_id, "health_probe.path", group, "properties.healthProbeSettings.probePath");
  ctx.imported(entry_id, "health_probe.protocol", group, "properties.healthProbeSettings.probeProtocol");
  ctx.imported(entry_id, "health_probe.interval", group, "properties.healthProbeSettings.probeIntervalInSeconds");
  ctx.imported(entry_id, "health_probe.sample_size", group, "properties.loadBalancingSettings.sampleSize");
  ctx.imported(entry_id, "health_probe.successful_samples_required", group,
               "properties.loadBalancingSettings.successfulSamplesRequired");
  ctx.imported(entry_id,
               "additional_latency (read, not modelled: " +
                   std::to_string(lb.value("additionalLatencyInMilliseconds", 0)) + " ms)",
               group, "properties.loadBalancingSettings.additionalLatencyInMilliseconds");
  return out;
}

bool map_front_door(MappingContext& ctx, const Resource& profile) {
  const std::string id = ctx.unique_id(profile.name);
  json best_origins = json::array();
  const Resource* best_group = nullptr;
  for (const Resource* group : ctx.children(profile, "Microsoft.Cdn/profiles/originGroups")) {
    json origins = map_origins(ctx, *group, id);
    if (origins.size() <= best_origins.size()) continue;
    best_origins = origins;
    best_group = group;
  }
  for (const Resource* group : ctx.children(profile, "Microsoft.Cdn/profiles/originGroups")) {
    if (group != best_group) ctx.skip(*group, "another origin group of " + profile.name + " has more gateway origins");
  }
  if (best_group == nullptr) {
    ctx.skip(profile, "Front Door profile with no origin that is an API Management gateway in the export");
    return false;
  }
  const std::string tier = profile.sku.value("name", "");
  ctx.global_entry = {{"id", id},
                      {"product", "front_door"},
                      {"routing", routing_of(best_origins)},
                      {"origins", best_origins},
                      {"price_per_month_usd", tier.find("Premium") != std::string::npos ? 330 : 35}};
  if (json probe = probe_of(ctx, *best_group, id); !probe.is_null()) ctx.global_entry["health_probe"] = probe;
  ctx.imported(id, "routing", *best_group, "origins[].properties.priority/weight");
  ctx.defaulted(id, "price_per_month_usd", "base fee of the " + tier + " tier (not in the export)");
  rank_regions(ctx, best_origins, best_group->address + " origin priorities");
  return true;
}

}  // namespace

void map_entry(MappingContext& ctx) {
  bool is_taken = false;
  for (const Resource* profile : ctx.of_type("Microsoft.Cdn/profiles")) {
    if (is_taken) {
      ctx.skip(*profile, "a second global entry: the topology models one");
      continue;
    }
    is_taken = map_front_door(ctx, *profile);
  }
  for (const Resource* o : ctx.of_type("Microsoft.Cdn/profiles/originGroups/origins")) {
    if (ctx.find(parent_id(o->id)) == nullptr) {
      ctx.error(*o, "id", "the origin's origin group \"" + parent_id(o->id) + "\" is not in the export",
                "a Microsoft.Cdn/profiles/originGroups row (az rest GET .../originGroups?api-version=2024-02-01)");
    }
  }
  for (const Resource* g : ctx.of_type("Microsoft.Cdn/profiles/originGroups")) {
    if (ctx.find(parent_id(g->id)) == nullptr) {
      ctx.error(*g, "id", "the origin group's Front Door profile \"" + parent_id(g->id) + "\" is not in the export",
                "a Microsoft.Cdn/profiles resource in the export");
    }
  }
  for (const Resource* profile : ctx.of_type("Microsoft.Network/trafficManagerProfiles")) {
    map_traffic_manager(ctx, *profile, is_taken);
    is_taken = true;
  }
}

}  // namespace faultline::importer
