// Virtual networks, private endpoints and private DNS zones -> network parity per region.
#include <map>

#include "mappers.hpp"

namespace faultline::importer {
namespace {

using nlohmann::json;

// What a private endpoint reaches, named as topology files name it ("foundry", "cosmos_db", ...).
std::string service_of(const std::string& target_type) {
  static const std::map<std::string, std::string> kServices = {
      {"microsoft.cognitiveservices/accounts", "foundry"},    {"microsoft.apimanagement/service", "apim"},
      {"microsoft.documentdb/databaseaccounts", "cosmos_db"}, {"microsoft.search/searchservices", "ai_search"},
      {"microsoft.storage/storageaccounts", "storage"},       {"microsoft.keyvault/vaults", "key_vault"},
      {"microsoft.containerregistry/registries", "acr"},
  };
  const auto it = kServices.find(lower(target_type));
  return it == kServices.end() ? "" : it->second;
}

// "/subscriptions/s/resourceGroups/g/providers/Microsoft.X/y/name" -> "Microsoft.X/y".
std::string type_of_id(const std::string& id) {
  const std::size_t providers = lower(id).rfind("/providers/");
  if (providers == std::string::npos) return "";
  std::string rest = id.substr(providers + 11);
  std::string type;
  std::size_t start = 0;
  for (int part = 0; start <= rest.size(); ++part) {
    const std::size_t slash = rest.find('/', start);
    const std::string token = rest.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part == 0 || part % 2 == 1) type += (type.empty() ? "" : "/") + token;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return type;
}

void add_unique(json& list, const std::string& value) {
  for (const json& v : list) {
    if (v == value) return;
  }
  list.push_back(value);
}

void map_private_endpoints(MappingContext& ctx) {
  for (const Resource* pe : ctx.of_type("Microsoft.Network/privateEndpoints")) {
    const json connections = pe->properties.value("privateLinkServiceConnections", json::array());
    for (std::size_t i = 0; i < connections.size(); ++i) {
      const std::string target = connections[i].value("/properties/privateLinkServiceId"_json_pointer, "");
      const std::string service = service_of(type_of_id(target));
      if (service.empty()) {
        ctx.external(pe->address + ": private endpoint to " + target + " (a service the topology does not model)");
        continue;
      }
      if (ctx.find(target) == nullptr) {
        ctx.external(pe->address + ": private endpoint to " + target + " (not in the export; counted by its type)");
      }
      add_unique(ctx.region(pe->location)["private_endpoints"], service);
      ctx.imported(
          pe->location, "private_endpoints." + service, *pe,
          "properties.privateLinkServiceConnections[" + std::to_string(i) + "].properties.privateLinkServiceId");
    }
  }
}

void map_dns_zones(MappingContext& ctx) {
  for (const Resource* zone : ctx.of_type("Microsoft.Network/privateDnsZones")) {
    const std::vector<const Resource*> links =
        ctx.children(*zone, "Microsoft.Network/privateDnsZones/virtualNetworkLinks");
    if (links.empty()) {
      ctx.skip(*zone, "private DNS zone linked to no virtual network: it resolves in no region");
    }
    for (const Resource* link : links) {
      const std::string vnet_id = link->properties.value("/virtualNetwork/id"_json_pointer, "");
      const Resource* vnet = ctx.find(vnet_id);
      if (vnet == nullptr) {
        ctx.error(*link, "properties.virtualNetwork.id", "virtual network \"" + vnet_id + "\" is not in the export",
                  "the id of a Microsoft.Network/virtualNetworks resource in the export (its region is the zone's)");
        continue;
      }
      add_unique(ctx.region(vnet->location)["private_dns_zones"], zone->name);
      ctx.imported(vnet->location, "private_dns_zones." + zone->name, *link, "properties.virtualNetwork.id");
    }
  }
}

}  // namespace

void map_network(MappingContext& ctx) {
  for (const Resource* vnet : ctx.of_type("Microsoft.Network/virtualNetworks")) ctx.region(vnet->location);
  map_private_endpoints(ctx);
  map_dns_zones(ctx);
  ctx.of_type("Microsoft.Network/privateDnsZones/virtualNetworkLinks");  // read through their zones
}

}  // namespace faultline::importer
