// Traffic Manager profiles and endpoints -> the global entry.
#include <set>

#include "mappers.hpp"

namespace faultline::importer {
namespace {

using nlohmann::json;

std::string routing_of(const std::string& method) {
  const std::string m = lower(method);
  if (m == "priority") return "priority";
  if (m == "weighted") return "weighted";
  return "latency";  // Performance; Geographic, MultiValue and Subnet are approximated (reported)
}

struct Endpoint {
  json properties;
  const Resource* source;
  std::string property;
};

std::vector<Endpoint> endpoints_of(MappingContext& ctx, const Resource& profile) {
  std::vector<Endpoint> out;
  const json inline_endpoints = profile.properties.value("endpoints", json::array());
  for (std::size_t i = 0; i < inline_endpoints.size(); ++i) {
    out.push_back({inline_endpoints[i].value("properties", json::object()), &profile,
                   "properties.endpoints[" + std::to_string(i) + "].properties."});
  }
  for (const char* type : {"azureEndpoints", "externalEndpoints"}) {
    for (const Resource* e : ctx.children(profile, std::string("Microsoft.Network/trafficManagerProfiles/") + type)) {
      out.push_back({e->properties, e, "properties."});
    }
  }
  return out;
}

std::string gateway_of(MappingContext& ctx, const json& e) {
  const std::string target_id = e.value("targetResourceId", "");
  if (const Resource* apim = ctx.find(target_id); apim != nullptr) {
    const std::string region =
        e.contains("endpointLocation") ? normalize_location(e.value("endpointLocation", "")) : apim->location;
    const auto it = ctx.gateway_by_apim.find(lower(apim->id) + "|" + region);
    if (it != ctx.gateway_by_apim.end()) return it->second;
  }
  std::string host = lower(e.value("target", ""));
  const auto it = ctx.gateway_by_host.find(host);
  return it == ctx.gateway_by_host.end() ? "" : it->second;
}

json health_probe(MappingContext& ctx, const Resource& profile, const std::string& id) {
  const json monitor = profile.properties.value("monitorConfig", json::object());
  const int tolerated = monitor.value("toleratedNumberOfFailures", 3);
  std::string protocol = lower(monitor.value("protocol", "HTTPS"));
  if (protocol == "tcp") {
    protocol = "https";
    ctx.defaulted(id, "health_probe.protocol", "TCP monitoring has no HTTP status: https assumed");
  } else {
    ctx.imported(id, "health_probe.protocol", profile, "properties.monitorConfig.protocol");
  }
  ctx.imported(id, "health_probe.path", profile, "properties.monitorConfig.path");
  ctx.imported(id, "health_probe.interval", profile, "properties.monitorConfig.intervalInSeconds");
  ctx.imported(id, "health_probe.sample_size", profile,
               "properties.monitorConfig.toleratedNumberOfFailures (+1: degraded after tolerated+1 failures in a row)");
  ctx.defaulted(id, "health_probe.successful_samples_required", "1: Traffic Manager needs one success in the window");
  ctx.imported(
      id,
      "ttl (read, not modelled: " + std::to_string(profile.properties.value("/dnsConfig/ttl"_json_pointer, 0)) + " s)",
      profile, "properties.dnsConfig.ttl");
  ctx.imported(id, "timeout (read, not modelled: " + std::to_string(monitor.value("timeoutInSeconds", 10)) + " s)",
               profile, "properties.monitorConfig.timeoutInSeconds");
  return {{"path", monitor.value("path", "/")},
          {"protocol", protocol},
          {"interval", monitor.value("intervalInSeconds", 30)},
          {"sample_size", tolerated + 1},
          {"successful_samples_required", 1}};
}

}  // namespace

void map_traffic_manager(MappingContext& ctx, const Resource& profile, bool is_entry_taken) {
  if (is_entry_taken) {
    ctx.skip(profile, "a second global entry: the topology models one");
    return;
  }
  const std::string id = ctx.unique_id(profile.name);
  json origins = json::array();
  for (const Endpoint& e : endpoints_of(ctx, profile)) {
    if (e.properties.value("endpointStatus", "Enabled") == "Disabled") continue;
    const std::string gateway = gateway_of(ctx, e.properties);
    if (gateway.empty()) {
      ctx.external(e.source->address + ": endpoint " +
                   e.properties.value("target", e.properties.value("targetResourceId", "")) +
                   " is no API Management gateway in the export");
      continue;
    }
    origins.push_back({{"gateway", gateway},
                       {"priority", std::min(e.properties.value("priority", 1), 5)},
                       {"weight", e.properties.value("weight", 1)}});
    ctx.imported(id, "origins[" + gateway + "].priority", *e.source, e.property + "priority");
    ctx.imported(id, "origins[" + gateway + "].weight", *e.source, e.property + "weight");
  }
  if (origins.empty()) {
    ctx.skip(profile, "Traffic Manager profile with no endpoint that is an API Management gateway in the export");
    return;
  }
  const std::string method = profile.properties.value("trafficRoutingMethod", "Performance");
  ctx.global_entry = {{"id", id},
                      {"product", "traffic_manager"},
                      {"routing", routing_of(method)},
                      {"origins", origins},
                      {"health_probe", health_probe(ctx, profile, id)},
                      {"price_per_month_usd", 0}};
  ctx.imported(id, "routing", profile, "properties.trafficRoutingMethod (" + method + ")");
  ctx.defaulted(id, "price_per_month_usd", "per-query prices are not in the export: 0");
  if (ctx.rank_source.empty() || ctx.rank_source.find("failover") != std::string::npos) {
    ctx.region_rank.clear();
    for (const json& o : origins) {
      const std::string region = ctx.region_of_node[o["gateway"].get<std::string>()];
      if (!ctx.region_rank.count(region)) ctx.region_rank[region] = o["priority"].get<int>();
    }
    ctx.rank_source = profile.address + " endpoint priorities";
  }
}

}  // namespace faultline::importer
