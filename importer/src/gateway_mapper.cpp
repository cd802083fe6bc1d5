// API Management services (primary and additional locations) and their backends -> regional gateways.
#include <map>

#include "mappers.hpp"

namespace faultline::importer {
namespace {

using nlohmann::json;

// "https://host:443/path" -> "host".
std::string host_of(const std::string& url) {
  std::string host = url;
  if (const std::size_t scheme = host.find("://"); scheme != std::string::npos) host = host.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/:"));
  return lower(host);
}

double unit_price(const std::string& sku) {
  static const std::map<std::string, double> kPrices = {
      {"developer", 0.07}, {"basic", 0.21}, {"standard", 0.95}, {"premium", 3.83}};
  const auto it = kPrices.find(lower(sku));
  return it == kPrices.end() ? 0 : it->second;
}

struct GatewayRegion {
  std::string region;
  double units = 1;
  std::vector<std::string> zones;
  std::string regional_url;
  std::string property;  // where the region was read, e.g. "properties.additionalLocations[0]"
};

// Model deployments behind each region's gateway: the accounts the APIM backends point at.
std::map<std::string, json> backends_by_region(MappingContext& ctx, const Resource& apim) {
  std::map<std::string, std::string> account_by_host;
  for (const Resource* account : ctx.of_type("Microsoft.CognitiveServices/accounts")) {
    const std::string endpoint = account->properties.value("endpoint", "");
    if (!endpoint.empty()) account_by_host[host_of(endpoint)] = account->id;
    const std::string subdomain = account->properties.value("customSubDomainName", "");
    for (const char* suffix : {".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com"}) {
      if (!subdomain.empty()) account_by_host[lower(subdomain) + suffix] = account->id;
    }
  }
  std::map<std::string, json> out;
  for (const Resource* backend : ctx.children(apim, "Microsoft.ApiManagement/service/backends")) {
    const std::string url = backend->properties.value("url", "");
    const auto it = account_by_host.find(host_of(url));
    if (it == account_by_host.end()) {
      ctx.external(backend->address + ": backend " + url + " is not a model account in the export");
      continue;
    }
    const Resource* account = ctx.find(it->second);
    for (const std::string& d : ctx.deployments_by_account[lower(account->id)]) out[account->location].push_back(d);
  }
  return out;
}

std::vector<GatewayRegion> gateway_regions(const Resource& apim) {
  std::vector<GatewayRegion> out;
  out.push_back({apim.location, apim.sku.value("capacity", 1.0), apim.zones,
                 apim.properties.value("gatewayRegionalUrl", ""), "location"});
  const json extra = apim.properties.value("additionalLocations", json::array());
  for (std::size_t i = 0; i < extra.size(); ++i) {
    const json& a = extra[i];
    if (a.value("disableGateway", false)) continue;
    GatewayRegion g{normalize_location(a.value("location", "")),
                    a.value("/sku/capacity"_json_pointer, 1.0),
                    {},
                    a.value("gatewayRegionalUrl", ""),
                    "properties.additionalLocations[" + std::to_string(i) + "]"};
    for (const json& z : a.value("zones", json::array())) {
      if (z.is_string()) g.zones.push_back(z.get<std::string>());
    }
    out.push_back(std::move(g));
  }
  return out;
}

void map_service(MappingContext& ctx, const Resource& apim) {
  const std::map<std::string, json> backends = backends_by_region(ctx, apim);
  const std::string sku = apim.sku.value("name", "");
  for (const GatewayRegion& g : gateway_regions(apim)) {
    const std::string id = ctx.unique_id("apim-" + g.region);
    json node = {{"id", id},
                 {"product", "apim"},
                 {"units", g.units},
                 {"price_per_unit_hour_usd", unit_price(sku)},
                 {"zones", ctx.zone_ids(g.region, g.zones)},
                 {"zone_redundant_sla", g.zones.size() >= 2}};
    ctx.imported(id, "units", apim, g.property == "location" ? "sku.capacity" : g.property + ".sku.capacity");
    ctx.imported(id, "zones", apim, g.property == "location" ? "zones" : g.property + ".zones");
    ctx.defaulted(id, "price_per_unit_hour_usd",
                  "list price of the " + sku + " tier per unit hour (not in the export)");
    const auto it = backends.find(g.region);
    if (it != backends.end()) {
      node["backends"] = it->second;
      ctx.imported(id, "backends", apim, "backends[].properties.url");
    } else {
      node["backends"] = json::array();
      for (const json& d : ctx.region(g.region)["model_deployments"]) node["backends"].push_back(d["id"]);
      ctx.defaulted(id, "backends", "no APIM backend points at this region's accounts: every deployment of the region");
    }
    ctx.region(g.region)["gateways"].push_back(node);
    ctx.region_of_node[id] = g.region;
    if (!g.regional_url.empty()) ctx.gateway_by_host[host_of(g.regional_url)] = id;
    if (g.property == "location") {
      const std::string gateway_url = apim.properties.value("gatewayUrl", "");
      ctx.gateway_by_host[gateway_url.empty() ? lower(apim.name) + ".azure-api.net" : host_of(gateway_url)] = id;
    }
    ctx.gateway_by_apim[lower(apim.id) + "|" + g.region] = id;
  }
}

}  // namespace

void map_gateways(MappingContext& ctx) {
  for (const Resource* apim : ctx.of_type("Microsoft.ApiManagement/service")) map_service(ctx, *apim);
  for (const Resource* backend : ctx.of_type("Microsoft.ApiManagement/service/backends")) {
    if (ctx.find(parent_id(backend->id)) == nullptr) {
      ctx.error(*backend, "id",
                "the backend's API Management service \"" + parent_id(backend->id) + "\" is not in the export",
                "a Microsoft.ApiManagement/service resource in the export");
    }
  }
}

}  // namespace faultline::importer
