// The shipped fixture exports (tests/importer/fixtures, made by make_fixtures.py) of the
// seeds/003 two-region system: what the importer reads from them, figure by figure.
// Expected values are the fixture's (make_fixtures.py) and the hand-written reference
// scenarios/topologies/foundry-two-region.json.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <set>
#include <string>

#include "faultline/importer/importer.hpp"
#include "faultline/importer/provenance_report.hpp"
#include "importer_test_support.hpp"

namespace {

using faultline::importer::ExportFormat;
using faultline::importer::import_exports;
using faultline::importer::ImportOutcome;
using namespace faultline::importer::testing;
using nlohmann::json;

std::string fixture(const std::string& name) {
  const char* root = std::getenv("FAULTLINE_SOURCE_DIR");
  return std::string(root == nullptr ? "." : root) + "/tests/importer/fixtures/" + name;
}

ImportOutcome import_terraform(const std::string& stem) {
  return import_exports(ExportFormat::kTerraform, {fixture(stem + ".tfstate.json")}, "imported");
}

ImportOutcome import_azure(const std::string& stem) {
  return import_exports(ExportFormat::kAzure, {fixture(stem + ".graph.json"), fixture(stem + ".children.json")},
                        "imported");
}

std::set<std::string> rule_ids(const ImportOutcome& outcome) {
  std::set<std::string> ids;
  for (const auto& f : outcome.findings) ids.insert(f.rule_id);
  return ids;
}

}  // namespace

TEST_CASE("the seeds/003 fixture imports with the fixture's figures", "[importer][fixture]") {
  const ImportOutcome tf = import_terraform("foundry-two-region");
  INFO(error_text(tf.errors));
  REQUIRE(tf.errors.empty());
  const json& t = tf.result.topology;

  SECTION("Front Door: probe settings and origin priorities of origin group 'apim'") {
    const json& entry = t.at("global_entry");
    CHECK(entry.at("id") == "afd-foundry");
    CHECK(entry.at("product") == "front_door");
    CHECK(entry.at("routing") == "priority");  // priorities 1 and 2 differ
    CHECK(entry.at("health_probe") == json({{"path", "/status-0123456789abcdef"},
                                            {"protocol", "https"},
                                            {"interval", 30},
                                            {"sample_size", 4},
                                            {"successful_samples_required", 3}}));
    CHECK(entry.at("origins") == json::parse(R"([{"gateway": "apim-eastus2", "priority": 1, "weight": 1000},
                                                 {"gateway": "apim-centralus", "priority": 2, "weight": 1000}])"));
  }
  SECTION("regions in failover order, each paired with the other (origin priorities)") {
    REQUIRE(t.at("regions").size() == 2);
    CHECK(t.at("regions")[0].at("id") == "eastus2");
    CHECK(t.at("regions")[0].at("paired_region") == "centralus");
    CHECK(t.at("regions")[1].at("paired_region") == "eastus2");
    CHECK(t.at("regions")[0].at("private_endpoints").size() == 7);
    CHECK(t.at("regions")[1].at("private_dns_zones").size() == 8);
  }
  SECTION("deployments: model, version, type and quota = capacity x 1000") {
    const json chat = node(t, "chat-centralus");
    CHECK(chat.at("model") == "gpt-4.1-mini");
    CHECK(chat.at("version") == "2025-04-14");
    CHECK(chat.at("deployment_type") == "data_zone_standard");
    CHECK(chat.at("quota_tokens_per_minute") == 300000.0);  // 300 x 1000
    CHECK(node(t, "embeddings-eastus2").at("quota_tokens_per_minute") == 350000.0);
  }
  SECTION("gateways: APIM primary and additional location, backends from the APIM backends") {
    const json g = node(t, "apim-centralus");
    CHECK(g.at("units") == 1.0);
    CHECK(g.at("zones") == json({"centralus-az1", "centralus-az2"}));
    CHECK(g.at("backends") == json({"chat-centralus", "embeddings-centralus"}));
    CHECK(g.at("health_endpoint") == "/status-0123456789abcdef");
  }
  SECTION("replication modes and consistency") {
    CHECK(node(t, "cosmos-eastus2").at("consistency") == "session");
    CHECK(node(t, "cosmos-eastus2").at("automatic_failover") == true);
    CHECK(link(t, "cosmos-eastus2", "cosmos-centralus").at("mode") == "async");
    CHECK(node(t, "storage-eastus2").at("service") == "storage_gzrs");
    CHECK(link(t, "storage-eastus2", "storage-centralus").at("lag") == "15m");
    CHECK(link(t, "acr-eastus2", "acr-centralus").at("mode") == "async");
    CHECK(link(t, "search-eastus2", "search-centralus").at("mode") == "scheduled_rebuild");
    CHECK(node(t, "kv-centralus").at("secrets") ==
          json({"apim-subscription-key", "search-query-key", "tool-api-token"}));
  }
  SECTION("what is not mapped is listed by type, never dropped") {
    CHECK(skipped_count(tf.result, "azurerm_subnet") == 2);
    CHECK(skipped_count(tf.result, "azurerm_resource_group") == 1);
    CHECK(skipped_count(tf.result, "azurerm_log_analytics_workspace") == 1);
    CHECK(skipped_count(tf.result, "random_string") == 1);
    CHECK(skipped_count(tf.result, "azurerm_client_config") == 1);  // a data source
  }
  SECTION("secrets in the state never reach the topology or the provenance report") {
    const std::string everything = tf.topology_text + faultline::importer::provenance_json(tf.result).dump() +
                                   faultline::importer::provenance_text(tf.result, true);
    CHECK(everything.find("SECRET") == std::string::npos);
    CHECK(everything.find("AccountKey") == std::string::npos);
  }
  SECTION("lint finds no error on the faithful fixture") {
    for (const auto& f : tf.findings) CHECK(f.severity != faultline::topology::Severity::kError);
  }
}

TEST_CASE("the Resource Graph export and the Terraform state give the same topology", "[importer][fixture]") {
  const ImportOutcome tf = import_terraform("foundry-two-region");
  const ImportOutcome az = import_azure("foundry-two-region");
  INFO(error_text(az.errors));
  REQUIRE(az.errors.empty());
  json a = tf.result.topology;
  json b = az.result.topology;
  a.erase("description");
  b.erase("description");
  CHECK(a == b);
  // NICs of the private endpoints and the Log Analytics workspace are in the graph export only.
  CHECK(skipped_count(az.result, "microsoft.network/networkinterfaces") == 14);
  CHECK(skipped_count(az.result, "microsoft.operationalinsights/workspaces") == 1);
}

TEST_CASE("lint flags each mistake of the drifted fixture by rule id", "[importer][fixture][lint]") {
  for (const bool is_terraform : {true, false}) {
    INFO((is_terraform ? "terraform" : "azure"));
    const ImportOutcome o =
        is_terraform ? import_terraform("foundry-two-region-drifted") : import_azure("foundry-two-region-drifted");
    REQUIRE(o.errors.empty());
    const std::set<std::string> ids = rule_ids(o);
    CHECK(ids.count("FL001") == 1);  // chat: 2025-04-14 in eastus2, 2024-07-18 in centralus
    CHECK(ids.count("FL004") == 1);  // centralus chat quota 150 x 1000 < eastus2 capacity 300,000
    CHECK(ids.count("FL006") == 1);  // privatelink.openai.azure.com linked to vnet-eastus2 only
    CHECK(node(o.result.topology, "chat-centralus").at("quota_tokens_per_minute") == 150000.0);
  }
}
