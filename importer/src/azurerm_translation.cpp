// azurerm attribute names -> ARM property names (docs/import.md, "Mapping").
#include <functional>
#include <map>

#include "faultline/importer/terraform_reader.hpp"

namespace faultline::importer {
namespace {

using nlohmann::json;

const json& block(const json& values, const std::string& key) {
  static const json kNull;
  if (values.contains(key) && values[key].is_array() && !values[key].empty()) return values[key][0];
  if (values.contains(key) && values[key].is_object()) return values[key];
  return kNull;
}

// Copies values[attribute] (when set) to the ARM property path `arm` ("a.b.c") and records the source.
void put(Resource& r, const std::string& arm, const json& values, const std::string& attribute,
         const std::string& source_prefix = "") {
  if (!values.is_object() || !values.contains(attribute) || values[attribute].is_null()) return;
  r.properties[json::json_pointer("/" + [&] {
    std::string p = arm;
    for (char& c : p) c = c == '.' ? '/' : c;
    return p;
  }())] = values[attribute];
  r.source_keys[arm] = source_prefix + attribute;
}

std::string str(const json& values, const std::string& key) {
  return values.is_object() && values.contains(key) && values[key].is_string() ? values[key].get<std::string>() : "";
}

void front_door_profile(Resource& r, const json& v, std::vector<Resource>&) {
  r.type = "Microsoft.Cdn/profiles";
  r.sku = {{"name", str(v, "sku_name")}};
  r.source_keys["sku.name"] = "sku_name";
}

void origin_group(Resource& r, const json& v, std::vector<Resource>&) {
  r.type = "Microsoft.Cdn/profiles/originGroups";
  const json& probe = block(v, "health_probe");
  put(r, "healthProbeSettings.probePath", probe, "path", "health_probe[0].");
  put(r, "healthProbeSettings.probeProtocol", probe, "protocol", "health_probe[0].");
  put(r, "healthProbeSettings.probeIntervalInSeconds", probe, "interval_in_seconds", "health_probe[0].");
  put(r, "healthProbeSettings.probeRequestType", probe, "request_type", "health_probe[0].");
  const json& lb = block(v, "load_balancing");
  put(r, "loadBalancingSettings.sampleSize", lb, "sample_size", "load_balancing[0].");
  put(r, "loadBalancingSettings.successfulSamplesRequired", lb, "successful_samples_required", "load_balancing[0].");
  put(r, "loadBalancingSettings.additionalLatencyInMilliseconds", lb, "additional_latency_in_milliseconds",
      "load_balancing[0].");
}

void origin(Resource& r, const json& v, std::vector<Resource>&) {
  r.type = "Microsoft.Cdn/profiles/originGroups/origins";
  put(r, "hostName", v, "host_name");
  put(r, "priority", v, "priority");
  put(r, "weight", v, "weight");
  if (v.contains("enabled") && v["enabled"].is_boolean()) {
    r.properties["enabledState"] = v["enabled"].get<bool>() ? "Enabled" : "Disabled";
    r.source_keys["enabledState"] = "enabled";
  }
}

void traffic_manager(Resource& r, const json& v, std::vector<Resource>&) {
  r.type = "Microsoft.Network/trafficManagerProfiles";
  put(r, "trafficRoutingMethod", v, "traffic_routing_method");
  put(r, "dnsConfig.ttl", block(v, "dns_config"), "ttl", "dns_config[0].");
  const json& monitor = block(v, "monitor_config");
  put(r, "monitorConfig.protocol", monitor, "protocol", "monitor_config[0].");
  put(r, "monitorConfig.path", monitor, "path", "monitor_config[0].");
  put(r, "monitorConfig.intervalInSeconds", monitor, "interval_in_seconds", "monitor_config[0].");
  put(r, "monitorConfig.timeoutInSeconds", monitor, "timeout_in_seconds", "monitor_config[0].");
  put(r, "monitorConfig.toleratedNumberOfFailures", monitor, "tolerated_number_of_failures", "monitor_config[0].");
}

void tm_endpoint(Resource& r, const json& v, const std::string& type) {
  r.type = "Microsoft.Network/trafficManagerProfiles/" + type;
  put(r, "targetResourceId", v, "target_resource_id");
  put(r, "target", v, "target");
  put(r, "priority", v, "priority");
  put(r, "weight", v, "weight");
  put(r, "endpointLocation", v, "endpoint_location");
  if (v.contains("enabled") && v["enabled"].is_boolean()) {
    r.properties["endpointStatus"] = v["enabled"].get<bool>() ? "Enabled" : "Disabled";
    r.source_keys["endpointStatus"] = "enabled";
  }
}

void api_management(Resource& r, const json& v, std::vector<Resource>&) {
  r.type = "Microsoft.ApiManagement/service";
  const std::string sku = str(v, "sku_name");  // "Premium_2"
  const std::size_t underscore = sku.find('_');
  r.sku = {{"name", sku.substr(0, underscore)}};
  if (underscore != std::string::npos) r.sku["capacity"] = std::stoi("0" + sku.substr(underscore + 1));
  r.source_keys["sku.name"] = r.source_keys["sku.capacity"] = "sku_name";
  put(r, "gatewayUrl", v, "gateway_url");
  put(r, "gatewayRegionalUrl", v, "gateway_regional_url");
  r.properties["additionalLocations"] = json::array();
  if (!v.contains("additional_location") || !v["additional_location"].is_array()) return;
  for (const json& a : v["additional_location"]) {
    json location = {{"location", str(a, "location")},
                     {"gatewayRegionalUrl", str(a, "gateway_regional_url")},
                     {"sku", {{"name", r.sku["name"]}, {"capacity", a.value("capacity", 1)}}},
                     {"zones", a.contains("zones") ? a["zones"] : json::array()}};
    r.properties["additionalLocations"].push_back(location);
  }
  r.source_keys["additionalLocations"] = "additional_location";
}

void apim_backend(Resource& r, const json& v, std::vector<Resource>&) {
  r.type = "Microsoft.ApiManagement/service/backends";
  put(r, "url", v, "url");
  put(r, "protocol", v, "protocol");
}

void cognitive_account(Resource& r, const json& v, std::vector<Resource>&) {
  r.type = "Microsoft.CognitiveServices/accounts";
  r.kind = str(v, "kind");
  r.sku = {{"name", str(v, "sku_name")}};
  put(r, "endpoint", v, "endpoint");
  put(r, "customSubDomainName", v, "custom_subdomain_name");
}

void cognitive_deployment(Resource& r, const json& v, std::vector<Resource>&) {
  r.type = "Microsoft.CognitiveServices/accounts/deployments";
  const json& model = block(v, "model");
  put(r, "model.format", model, "format", "model[0].");
  put(r, "model.name", model, "name", "model[0].");
  put(r, "model.version", model, "version", "model[0].");
  const json& sku = block(v, "sku");
  const json& scale = sku.is_null() ? block(v, "scale") : sku;  // azurerm 3.x: scale { type, capacity }
  const std::string prefix = sku.is_null() ? "scale[0]." : "sku[0].";
  r.sku = {{"name", scale.is_object() && scale.contains("name") ? str(scale, "name") : str(scale, "type")},
           {"capacity", scale.is_object() ? scale.value("capacity", 1) : 1}};
  r.source_keys["sku.name"] = prefix + (sku.is_null() ? "type" : "name");
  r.source_keys["sku.capacity"] = prefix + "capacity";
  put(r, "versionUpgradeOption", v, "version_upgrade_option");
}

void cosmos_account(Resource& r, const json& v, std::vector<Resource>&) {
  r.type = "Microsoft.DocumentDB/databaseAccounts";
  r.properties["locations"] = json::array();
  if (v.contains("geo_location") && v["geo_location"].is_array()) {
    for (const json& g : v["geo_location"]) {
      r.properties["locations"].push_back({{"locationName", str(g, "location")},
                                           {"failoverPriority", g.value("failover_priority", 0)},
                                           {"isZoneRedundant", g.value("zone_redundant", false)}});
    }
  }
  r.source_keys["locations"] = "geo_location";
  put(r, "consistencyPolicy.defaultConsistencyLevel", block(v, "consistency_policy"), "consistency_level",
      "consistency_policy[0].");
  put(r, "enableAutomaticFailover", v, "enable_automatic_failover");   // azurerm 3.x
  put(r, "enableAutomaticFailover", v, "automatic_failover_enabled");  // azurerm 4.x
  put(r, "enableMultipleWriteLocations", v, "enable_multiple_write_locations");
  put(r, "enableMultipleWriteLocations", v, "multiple_write_locations_enabled");
  put(r, "backupPolicy.type", block(v, "backup"), "type", "backup[0].");
}

void storage_account(Resource& r, const json& v, std::vector<Resource>&) {
  r.type = "Microsoft.Storage/storageAccounts";
  r.sku = {{"name", str(v, "account_tier") + "_" + str(v, "account_replication_type")}};
  r.source_keys["sku.name"] = "account_tier + account_replication_type";
  put(r, "secondaryLocation", v, "secondary_location");
}

void search_service(Resource& r, const json& v, std::vector<Resource>&) {
  r.type = "Microsoft.Search/searchServices";
  r.sku = {{"name", str(v, "sku")}};
  r.source_keys["sku.name"] = "sku";
  put(r, "replicaCount", v, "replica_count");
  put(r, "partitionCount", v, "partition_count");
}

void key_vault(Resource& r, const json& v, std::vector<Resource>&) {
  r.type = "Microsoft.KeyVault/vaults";
  r.sku = {{"name", str(v, "sku_name")}};
}

void key_vault_secret(Resource& r, const json& v, std::vector<Resource>&) {
  // The secret's `value` is in clear text in the state: only the name is taken.
  r.type = "Microsoft.KeyVault/vaults/secrets";
  r.name = str(v, "name");
  r.id = str(v, "key_vault_id") + "/secrets/" + r.name;
}

void container_registry(Resource& r, const json& v, std::vector<Resource>& out) {
  r.type = "Microsoft.ContainerRegistry/registries";
  r.sku = {{"name", str(v, "sku")}};
  put(r, "zoneRedundancy", v, "zone_redundancy_enabled");
  if (!v.contains("georeplications") || !v["georeplications"].is_array()) return;
  for (std::size_t i = 0; i < v["georeplications"].size(); ++i) {
    const json& g = v["georeplications"][i];
    Resource child = r;
    child.type = "Microsoft.ContainerRegistry/registries/replications";
    child.location = normalize_location(str(g, "location"));
    child.name = child.location;
    child.id = r.id + "/replications/" + child.location;
    child.address = r.address + ".georeplications[" + std::to_string(i) + "]";
    child.properties = {{"zoneRedundancy", g.value("zone_redundancy_enabled", false) ? "Enabled" : "Disabled"}};
    child.source_keys = {{"zoneRedundancy", "georeplications[" + std::to_string(i) + "].zone_redundancy_enabled"}};
    out.push_back(child);
  }
}

void private_endpoint(Resource& r, const json& v, std::vector<Resource>&) {
  r.type = "Microsoft.Network/privateEndpoints";
  r.properties["privateLinkServiceConnections"] = json::array();
  if (!v.contains("private_service_connection") || !v["private_service_connection"].is_array()) return;
  for (const json& c : v["private_service_connection"]) {
    r.properties["privateLinkServiceConnections"].push_back(
        {{"properties",
          {{"privateLinkServiceId", str(c, "private_connection_resource_id")},
           {"groupIds", c.contains("subresource_names") ? c["subresource_names"] : json::array()}}}});
  }
  r.source_keys["privateLinkServiceConnections"] = "private_service_connection";
}

void dns_zone(Resource& r, const json&, std::vector<Resource>&) { r.type = "Microsoft.Network/privateDnsZones"; }

void dns_link(Resource& r, const json& v, std::vector<Resource>&) {
  r.type = "Microsoft.Network/privateDnsZones/virtualNetworkLinks";
  r.properties["virtualNetwork"] = {{"id", str(v, "virtual_network_id")}};
  r.source_keys["virtualNetwork.id"] = "virtual_network_id";
}

void virtual_network(Resource& r, const json&, std::vector<Resource>&) { r.type = "Microsoft.Network/virtualNetworks"; }

json agent_pool(const json& pool) {
  return {{"name", str(pool, "name")},
          {"vmSize", str(pool, "vm_size")},
          {"count", pool.value("node_count", 0)},
          {"availabilityZones", pool.contains("zones") && pool["zones"].is_array() ? pool["zones"] : json::array()}};
}

void aks_cluster(Resource& r, const json& v, std::vector<Resource>&) {
  r.type = "Microsoft.ContainerService/managedClusters";
  r.properties["agentPools"] = json::array();
  const json& pool = block(v, "default_node_pool");
  if (pool.is_object()) r.properties["agentPools"].push_back(agent_pool(pool));
  r.source_keys["agentPools"] = "default_node_pool";
}

void aks_node_pool(Resource& r, const json& v, std::vector<Resource>&) {
  r.type = "Microsoft.ContainerService/managedClusters/agentPools";
  r.properties = agent_pool(v);
  r.properties.erase("name");
  r.source_keys = {{"vmSize", "vm_size"}, {"count", "node_count"}, {"availabilityZones", "zones"}};
}

using Translator = std::function<void(Resource&, const json&, std::vector<Resource>&)>;

const std::map<std::string, Translator>& translators() {
  static const std::map<std::string, Translator> kTable = {
      {"azurerm_cdn_frontdoor_profile", front_door_profile},
      {"azurerm_cdn_frontdoor_origin_group", origin_group},
      {"azurerm_cdn_frontdoor_origin", origin},
      {"azurerm_traffic_manager_profile", traffic_manager},
      {"azurerm_traffic_manager_azure_endpoint",
       [](Resource& r, const json& v, std::vector<Resource>&) { tm_endpoint(r, v, "azureEndpoints"); }},
      {"azurerm_traffic_manager_external_endpoint",
       [](Resource& r, const json& v, std::vector<Resource>&) { tm_endpoint(r, v, "externalEndpoints"); }},
      {"azurerm_api_management", api_management},
      {"azurerm_api_management_backend", apim_backend},
      {"azurerm_cognitive_account", cognitive_account},
      {"azurerm_ai_services", cognitive_account},
      {"azurerm_cognitive_deployment", cognitive_deployment},
      {"azurerm_cosmosdb_account", cosmos_account},
      {"azurerm_storage_account", storage_account},
      {"azurerm_search_service", search_service},
      {"azurerm_key_vault", key_vault},
      {"azurerm_key_vault_secret", key_vault_secret},
      {"azurerm_container_registry", container_registry},
      {"azurerm_private_endpoint", private_endpoint},
      {"azurerm_private_dns_zone", dns_zone},
      {"azurerm_private_dns_zone_virtual_network_link", dns_link},
      {"azurerm_virtual_network", virtual_network},
      {"azurerm_kubernetes_cluster", aks_cluster},
      {"azurerm_kubernetes_cluster_node_pool", aks_node_pool},
  };
  return kTable;
}

}  // namespace

bool translate_azurerm(const std::string& tf_type, const json& values, const Resource& base,
                       std::vector<Resource>& out) {
  const auto it = translators().find(tf_type);
  if (it == translators().end()) return false;
  Resource r = base;
  if (tf_type == "azurerm_ai_services") r.kind = "AIServices";
  std::vector<Resource> children;
  it->second(r, values, children);
  out.push_back(std::move(r));
  for (Resource& c : children) out.push_back(std::move(c));
  return true;
}

}  // namespace faultline::importer
