// One test per mapping of issue 15 item 3, each on a small inline export with the exact
// node or edge it must give (values chosen here; derivations in the comments).

#include <catch2/catch.hpp>

#include "importer_test_support.hpp"

namespace {

using namespace faultline::importer::testing;
using nlohmann::json;

const std::string kApim = rid("Microsoft.ApiManagement/service/apim");

// APIM Premium in eastus2 (2 units, zones 1-3) with an additional location westus3 (1 unit, zone 1).
json apim_row() {
  return arm(kApim, "Microsoft.ApiManagement/service", "eastus2",
             {{"gatewayUrl", "https://apim.azure-api.net"},
              {"gatewayRegionalUrl", "https://apim-eastus2-01.regional.azure-api.net"},
              {"additionalLocations",
               {{{"location", "West US 3"},
                 {"sku", {{"name", "Premium"}, {"capacity", 1}}},
                 {"zones", {"1"}},
                 {"gatewayRegionalUrl", "https://apim-westus3-01.regional.azure-api.net"}}}}},
             {{"name", "Premium"}, {"capacity", 2}}, {"1", "2", "3"});
}

json origin(const std::string& name, const std::string& host, int priority, int weight, const std::string& state) {
  return arm(rid("Microsoft.Cdn/profiles/fd/originGroups/og/origins/" + name),
             "Microsoft.Cdn/profiles/originGroups/origins", "",
             {{"hostName", host}, {"priority", priority}, {"weight", weight}, {"enabledState", state}});
}

}  // namespace

TEST_CASE("Front Door origin group and origins -> global entry", "[importer][mapping]") {
  const json rows = {
      apim_row(),
      arm(rid("Microsoft.Cdn/profiles/fd"), "Microsoft.Cdn/profiles", "global", json::object(),
          {{"name", "Standard_AzureFrontDoor"}}),
      arm(rid("Microsoft.Cdn/profiles/fd/originGroups/og"), "Microsoft.Cdn/profiles/originGroups", "",
          {{"healthProbeSettings",
            {{"probePath", "/health"}, {"probeProtocol", "Http"}, {"probeIntervalInSeconds", 10}}},
           {"loadBalancingSettings",
            {{"sampleSize", 5}, {"successfulSamplesRequired", 2}, {"additionalLatencyInMilliseconds", 0}}}}),
      origin("a", "apim-eastus2-01.regional.azure-api.net", 1, 600, "Enabled"),
      origin("b", "APIM-westus3-01.regional.azure-api.net", 1, 400, "Enabled"),
      origin("c", "apim.azure-api.net", 1, 1000, "Disabled")};
  const Mapped m = map_arm({{"data", rows}});
  INFO(error_text(m.errors));
  REQUIRE(m.is_ok);
  // Equal priorities, weights 600 and 400 differ -> weighted; the disabled origin is left out (and listed).
  CHECK(m.result.topology.at("global_entry") ==
        json::parse(R"({"id": "fd", "product": "front_door", "routing": "weighted", "price_per_month_usd": 35,
          "health_probe": {"path": "/health", "protocol": "http", "interval": 10, "sample_size": 5,
                           "successful_samples_required": 2},
          "origins": [{"gateway": "apim-eastus2", "priority": 1, "weight": 600},
                      {"gateway": "apim-westus3", "priority": 1, "weight": 400}]})"));
  CHECK(skipped_count(m.result, "Microsoft.Cdn/profiles/originGroups/origins") == 1);
}

TEST_CASE("Traffic Manager profile and endpoints -> global entry", "[importer][mapping]") {
  const json profile = arm(
      rid("Microsoft.Network/trafficManagerProfiles/tm"), "Microsoft.Network/trafficManagerProfiles", "global",
      {{"trafficRoutingMethod", "Performance"},
       {"dnsConfig", {{"relativeName", "tm"}, {"ttl", 60}}},
       {"monitorConfig",
        {{"protocol", "HTTPS"},
         {"port", 443},
         {"path", "/status"},
         {"intervalInSeconds", 10},
         {"timeoutInSeconds", 5},
         {"toleratedNumberOfFailures", 2}}},
       {"endpoints",
        {{{"name", "e"},
          {"properties",
           {{"targetResourceId", kApim},
            {"endpointLocation", "East US 2"},
            {"priority", 1},
            {"weight", 1},
            {"endpointStatus", "Enabled"}}}},
         {{"name", "w"},
          {"properties", {{"target", "apim-westus3-01.regional.azure-api.net"}, {"priority", 2}, {"weight", 1}}}}}}});
  const Mapped m = map_arm(json::array({apim_row(), profile}));
  REQUIRE(m.is_ok);
  // Performance -> latency; degraded after tolerated + 1 = 3 failures in a row -> sample 3, 1 success required.
  CHECK(m.result.topology.at("global_entry") ==
        json::parse(R"({"id": "tm", "product": "traffic_manager", "routing": "latency", "price_per_month_usd": 0,
          "health_probe": {"path": "/status", "protocol": "https", "interval": 10, "sample_size": 3,
                           "successful_samples_required": 1},
          "origins": [{"gateway": "apim-eastus2", "priority": 1, "weight": 1},
                      {"gateway": "apim-westus3", "priority": 2, "weight": 1}]})"));
}

TEST_CASE("API Management regions -> one gateway per region", "[importer][mapping]") {
  const Mapped m = map_arm(json::array({apim_row()}));
  REQUIRE(m.is_ok);
  const json& t = m.result.topology;
  CHECK(node(t, "apim-eastus2") ==
        json::parse(R"({"id": "apim-eastus2", "product": "apim", "units": 2.0, "price_per_unit_hour_usd": 3.83,
          "zones": ["eastus2-az1", "eastus2-az2", "eastus2-az3"], "zone_redundant_sla": true, "backends": [],
          "health_endpoint": "/status-0123456789abcdef"})"));
  CHECK(node(t, "apim-westus3").at("zones") == json({"westus3-az1"}));
  CHECK(node(t, "apim-westus3").at("zone_redundant_sla") == false);  // one zone
}

TEST_CASE("Cognitive Services deployments -> model deployments with quota", "[importer][mapping]") {
  const std::string account = rid("Microsoft.CognitiveServices/accounts/aoai");
  const json rows = {
      arm(account, "Microsoft.CognitiveServices/accounts", "swedencentral", json::object(), {{"name", "S0"}}),
      {{"id", account + "/deployments/gpt"},
       {"type", "Microsoft.CognitiveServices/accounts/deployments"},
       {"sku", {{"name", "GlobalStandard"}, {"capacity", 50}}},
       {"properties", {{"model", {{"format", "OpenAI"}, {"name", "gpt-4o"}, {"version", "2024-11-20"}}}}}},
      {{"id", account + "/deployments/ptu"},
       {"type", "Microsoft.CognitiveServices/accounts/deployments"},
       {"sku", {{"name", "ProvisionedManaged"}, {"capacity", 100}}},
       {"properties", {{"model", {{"name", "gpt-4o"}}}}}}};
  const Mapped m = map_arm({{"value", rows}});
  REQUIRE(m.is_ok);
  const json gpt = node(m.result.topology, "gpt-swedencentral");
  CHECK(gpt.at("deployment_type") == "global_standard");
  CHECK(gpt.at("quota_tokens_per_minute") == 50000.0);  // 50 x 1000
  CHECK(gpt.at("version") == "2024-11-20");
  const json ptu = node(m.result.topology, "ptu-swedencentral");
  CHECK(ptu.at("deployment_type") == "provisioned");
  CHECK(ptu.at("quota_tokens_per_minute") == 250000.0);  // 100 PTU x 2,500
  CHECK(ptu.at("version") == "default");                 // unpinned: lint FL015 flags it
  CHECK(region(m.result.topology, "swedencentral").at("data_boundary") == "EU");
}

TEST_CASE("Cosmos DB locations -> one store per region and replication by failover priority", "[importer][mapping]") {
  const json account =
      arm(rid("Microsoft.DocumentDB/databaseAccounts/db"), "Microsoft.DocumentDB/databaseAccounts", "westus3",
          {{"consistencyPolicy", {{"defaultConsistencyLevel", "Strong"}}},
           {"enableAutomaticFailover", false},
           {"enableMultipleWriteLocations", true},
           {"locations",
            {{{"locationName", "West US 3"}, {"failoverPriority", 1}},
             {{"locationName", "East US 2"}, {"failoverPriority", 0}, {"isZoneRedundant", true}}}}});
  const Mapped m = map_arm(json::array({account}));
  REQUIRE(m.is_ok);
  const json& t = m.result.topology;
  CHECK(t.at("regions")[0].at("id") == "eastus2");  // failover priority 0 first
  CHECK(node(t, "cosmos-eastus2") ==
        json::parse(R"({"id": "cosmos-eastus2", "kind": "database", "service": "cosmos_db", "consistency": "strong",
          "automatic_failover": false, "multi_region_writes": true, "zone_redundant_sla": true,
          "price_per_month_usd": 0, "zones": ["eastus2-az1", "eastus2-az2", "eastus2-az3"]})"));
  // Strong consistency replicates synchronously.
  CHECK(link(t, "cosmos-eastus2", "cosmos-westus3") == json({{"from", "cosmos-eastus2"},
                                                             {"to", "cosmos-westus3"},
                                                             {"mode", "sync"},
                                                             {"lag", "0s"},
                                                             {"gb_per_month", 0}}));
}

TEST_CASE("Storage replication SKUs -> stores and replication mode", "[importer][mapping]") {
  const auto account = [](const std::string& name, const std::string& sku) {
    return arm(rid("Microsoft.Storage/storageAccounts/" + name), "Microsoft.Storage/storageAccounts", "eastus",
               {{"secondaryLocation", "westus"}}, {{"name", sku}});
  };
  SECTION("LRS: one store, no zones, no copy") {
    const Mapped m = map_arm(json::array({account("a", "Standard_LRS")}));
    CHECK(node(m.result.topology, "storage-eastus") == json({{"id", "storage-eastus"},
                                                             {"kind", "object_storage"},
                                                             {"service", "storage_lrs"},
                                                             {"zone_redundant_sla", false},
                                                             {"price_per_month_usd", 0}}));
    CHECK(m.result.topology.at("replication_links").empty());
  }
  SECTION("ZRS: zone-redundant, no copy") {
    const Mapped m = map_arm(json::array({account("a", "Standard_ZRS")}));
    CHECK(node(m.result.topology, "storage-eastus").at("zone_redundant_sla") == true);
    CHECK(m.result.topology.at("replication_links").empty());
  }
  SECTION("RA-GZRS: zone-redundant primary, async copy in the secondary location") {
    const Mapped m = map_arm(json::array({account("a", "Standard_RAGZRS")}));
    CHECK(node(m.result.topology, "storage-eastus").at("service") == "storage_ragzrs");
    CHECK(link(m.result.topology, "storage-eastus", "storage-westus").at("mode") == "async");
  }
}

TEST_CASE("AI Search, Key Vault and Container Registry -> stores", "[importer][mapping]") {
  const std::string vault = rid("Microsoft.KeyVault/vaults/kv");
  const std::string acr = rid("Microsoft.ContainerRegistry/registries/acr");
  const json rows = {
      arm(rid("Microsoft.Search/searchServices/s"), "microsoft.search/searchservices", "eastus", json::object(),
          {{"name", "standard"}}),
      arm(vault, "Microsoft.KeyVault/vaults", "eastus"),
      {{"id", vault + "/secrets/db-password"}, {"type", "Microsoft.KeyVault/vaults/secrets"}},
      arm(acr, "Microsoft.ContainerRegistry/registries", "eastus", json::object(), {{"name", "Premium"}}),
      arm(acr + "/replications/eastus", "Microsoft.ContainerRegistry/registries/replications", "eastus"),
      arm(acr + "/replications/westus", "Microsoft.ContainerRegistry/registries/replications", "westus")};
  const Mapped m = map_arm(rows);
  REQUIRE(m.is_ok);
  const json& t = m.result.topology;
  CHECK(node(t, "search-eastus").at("kind") == "search_index");
  CHECK(node(t, "kv-eastus").at("secrets") == json({"db-password"}));
  CHECK(node(t, "acr-westus").at("service") == "acr_premium");
  // The home replica is the registry itself; only westus is a copy.
  CHECK(t.at("replication_links") ==
        json::array(
            {{{"from", "acr-eastus"}, {"to", "acr-westus"}, {"mode", "async"}, {"lag", "10m"}, {"gb_per_month", 0}}}));
}

TEST_CASE("private endpoints, DNS zones and virtual networks -> network parity per region", "[importer][mapping]") {
  const std::string vnet_a = rid("Microsoft.Network/virtualNetworks/a");
  const std::string vnet_b = rid("Microsoft.Network/virtualNetworks/b");
  const std::string zone = rid("Microsoft.Network/privateDnsZones/privatelink.openai.azure.com");
  const json rows = {arm(vnet_a, "Microsoft.Network/virtualNetworks", "eastus"),
                     arm(vnet_b, "Microsoft.Network/virtualNetworks", "westus"),
                     arm(zone, "Microsoft.Network/privateDnsZones", "global"),
                     arm(zone + "/virtualNetworkLinks/a", "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
                         "global", {{"virtualNetwork", {{"id", vnet_a}}}}),
                     arm(rid("Microsoft.Network/privateEndpoints/pe"), "Microsoft.Network/privateEndpoints", "westus",
                         {{"privateLinkServiceConnections",
                           {{{"properties",
                              {{"privateLinkServiceId", rid("Microsoft.CognitiveServices/accounts/x")},
                               {"groupIds", {"account"}}}}}}}})};
  const Mapped m = map_arm(rows);
  REQUIRE(m.is_ok);
  CHECK(region(m.result.topology, "eastus").at("private_dns_zones") == json({"privatelink.openai.azure.com"}));
  CHECK(region(m.result.topology, "westus").at("private_dns_zones") == json::array());
  CHECK(region(m.result.topology, "westus").at("private_endpoints") == json({"foundry"}));
  CHECK(m.result.external_references.size() == 1);  // the endpoint's account is not in the export
}

TEST_CASE("AKS GPU node pools -> zone-pinned or zone-redundant GPU pools", "[importer][mapping]") {
  const json values = {
      {"id", rid("Microsoft.ContainerService/managedClusters/aks")},
      {"name", "aks"},
      {"location", "eastus2"},
      {"default_node_pool", {{{"name", "system"}, {"vm_size", "Standard_D4s_v5"}, {"node_count", 3}}}}};
  const json pinned = {{"id", rid("Microsoft.ContainerService/managedClusters/aks/agentPools/gpu1")},
                       {"name", "gpu1"},
                       {"vm_size", "Standard_NC24ads_A100_v4"},
                       {"node_count", 2},
                       {"zones", {"1"}}};
  json spread = pinned;
  spread["id"] = rid("Microsoft.ContainerService/managedClusters/aks/agentPools/gpu3");
  spread["name"] = "gpu3";
  spread["zones"] = {"1", "2", "3"};
  const Mapped m = map_terraform(tf_state({tf_resource("azurerm_kubernetes_cluster", "aks", values),
                                           tf_resource("azurerm_kubernetes_cluster_node_pool", "gpu1", pinned),
                                           tf_resource("azurerm_kubernetes_cluster_node_pool", "gpu3", spread)}));
  INFO(error_text(m.errors));
  REQUIRE(m.is_ok);
  const json& t = m.result.topology;
  CHECK(node(t, "aks-system-eastus2").is_null());  // a D-series pool is no GPU pool
  CHECK(node(t, "aks-gpu1-eastus2").at("zones") == json({"eastus2-az1"}));
  CHECK(node(t, "aks-gpu1-eastus2").at("zone_redundant_sla") == false);
  CHECK(node(t, "aks-gpu1-eastus2").at("capacity").at("tokens_per_minute") == 20000.0);  // 2 nodes x 10,000
  CHECK(node(t, "aks-gpu3-eastus2").at("zone_redundant_sla") == true);
}

TEST_CASE("Terraform azurerm attributes are read under their ARM names", "[importer][mapping][terraform]") {
  const json cosmos = {
      {"id", rid("Microsoft.DocumentDB/databaseAccounts/db")},
      {"name", "db"},
      {"location", "eastus"},
      {"enable_automatic_failover", true},  // azurerm 3.x spelling
      {"consistency_policy", {{{"consistency_level", "BoundedStaleness"}}}},
      {"geo_location",
       {{{"location", "eastus"}, {"failover_priority", 0}}, {{"location", "westus"}, {"failover_priority", 1}}}},
      {"primary_key", "KEY-IN-CLEAR"}};
  const Mapped m = map_terraform(tf_state(
      {tf_resource("azurerm_cosmosdb_account", "db", cosmos), tf_resource("azurerm_subnet", "s", {{"id", "x"}})}));
  REQUIRE(m.is_ok);
  CHECK(node(m.result.topology, "cosmos-westus").at("consistency") == "bounded_staleness");
  CHECK(node(m.result.topology, "cosmos-westus").at("automatic_failover") == true);
  CHECK(m.result.topology.dump().find("KEY-IN-CLEAR") == std::string::npos);
  bool is_named = false;
  for (const auto& p : m.result.provenance) {
    is_named |= p.node == "cosmos-westus" && p.key == "consistency" &&
                p.source == "azurerm_cosmosdb_account.db.consistency_policy[0].consistency_level";
  }
  CHECK(is_named);
  CHECK(skipped_count(m.result, "azurerm_subnet") == 1);
}

TEST_CASE("resource types the importer does not know are listed by type", "[importer][mapping]") {
  const Mapped m = map_arm(json::array({arm(rid("Microsoft.Web/sites/app"), "Microsoft.Web/sites", "eastus"),
                                        arm(rid("Microsoft.Web/sites/app2"), "Microsoft.Web/sites", "eastus")}));
  REQUIRE(m.is_ok);
  CHECK(skipped_count(m.result, "Microsoft.Web/sites") == 2);
}
