#include <catch2/catch.hpp>

#include "faultline/topology/cost_model.hpp"
#include "topology_test_support.hpp"

using namespace faultline::topology;
using faultline::testing::load_ok;
using faultline::testing::read_source_json;
using nlohmann::json;

namespace {

// r1 full, r2 standby at 25 %, r3 none; each has the same deployment, r1/r2 a gateway and agent, all a database.
json priced() {
  const json deployment = json::parse(R"({"model": "m", "version": "1", "deployment_name": "chat",
      "deployment_type": "provisioned", "capacity": {"tokens_per_minute": 1000}, "quota_tokens_per_minute": 1000,
      "price": {"per_hour_usd": 10, "per_1k_tokens_usd": 0.002}, "tokens_per_month": 1e9,
      "health_check": {"interval": "60s", "tokens_per_call": 20}})");
  json doc = {{"name", "priced"}, {"regions", json::array()}};
  for (const std::string r : {"r1", "r2", "r3"}) {
    json d = deployment;
    d["id"] = "d-" + r;
    json region = {{"id", r},
                   {"geography", "us"},
                   {"model_deployments", {d}},
                   {"data_stores", {{{"id", "db-" + r}, {"kind", "database"}, {"price_per_month_usd", 1000}}}}};
    if (r != "r3") {
      region["gateways"] = {
          {{"id", "g-" + r}, {"units", 2}, {"price_per_unit_hour_usd", 3.5}, {"backends", {"d-" + r}}}};
      region["agent_services"] = {{{"id", "a-" + r}, {"threads_persisted", false}, {"price_per_month_usd", 200}}};
    }
    doc["regions"].push_back(region);
  }
  doc["global_entry"] = {{"id", "fd"}, {"price_per_month_usd", 330}, {"origins", {{{"gateway", "g-r1"}}}}};
  doc["network_links"] = {{{"from", "r1"}, {"to", "r2"}, {"latency", "20ms"}, {"egress_usd_per_gb", 0.05}}};
  doc["replication_links"] = {
      {{"from", "db-r1"}, {"to", "db-r2"}, {"mode", "async"}, {"gb_per_month", 100}},
      {{"from", "db-r1"}, {"to", "db-r3"}, {"mode", "backup_restore"}, {"gb_per_month", 100}},
      {{"from", "db-r2"}, {"to", "db-r1"}, {"mode", "async"}, {"gb_per_month", 10}, {"egress_usd_per_gb", 0.1}}};
  return doc;
}

ProvisioningPlan full_standby_none() {
  ProvisioningPlan plan;
  plan.regions["r2"] = RegionProvisioning{ProvisioningMode::kStandby, 0.25};
  plan.regions["r3"] = RegionProvisioning{ProvisioningMode::kNone, 0};
  return plan;  // r1 is not listed: full
}

}  // namespace

TEST_CASE("monthly cost equals the hand-computed figures (730 h per month)", "[topology][cost]") {
  const Topology t = load_ok(priced());
  const CostReport report = monthly_cost(t, full_standby_none());
  SECTION("per component") {
    // d-r1 (full): reserved 10 $/h x 730 h = 7300; tokens 1e9 / 1000 x 0.002 = 2000;
    // probes: 730 x 3600 s / 60 s = 43800 calls x 20 tokens = 876000 tokens / 1000 x 0.002 = 1.752.
    CHECK(report.per_node.at("d-r1") == Approx(7300 + 2000 + 1.752).epsilon(1e-12));
    // d-r2 (standby 25 %): reserved 7300 x 0.25 = 1825; no traffic tokens; probes still run: 1.752.
    CHECK(report.per_node.at("d-r2") == Approx(1825 + 1.752).epsilon(1e-12));
    // d-r3 (none): nothing deployed, nothing paid.
    CHECK(report.per_node.count("d-r3") == 0);
    // g-r1: 2 units x 3.5 $/h x 730 h = 5110; g-r2 at 25 %: 1277.5.
    CHECK(report.per_node.at("g-r1") == Approx(5110).epsilon(1e-12));
    CHECK(report.per_node.at("g-r2") == Approx(1277.5).epsilon(1e-12));
    // Agent services: 200 and 200 x 0.25 = 50.
    CHECK(report.per_node.at("a-r1") == Approx(200).epsilon(1e-12));
    CHECK(report.per_node.at("a-r2") == Approx(50).epsilon(1e-12));
    // db-r1: 1000 + egress to r2 100 GB x 0.05 (link price) = 5; the copy to r3 is not running: 0.
    CHECK(report.per_node.at("db-r1") == Approx(1005).epsilon(1e-12));
    // db-r2: stores are kept whole in standby: 1000 + 10 GB x 0.1 (the link's own price) = 1.
    CHECK(report.per_node.at("db-r2") == Approx(1001).epsilon(1e-12));
    CHECK(report.per_node.at("fd") == Approx(330).epsilon(1e-12));
  }
  SECTION("per region and in total") {
    // r1 = 7300 + 2000 + 1.752 + 5110 + 200 + 1000 + 5 = 15616.752
    CHECK(report.per_region.at("r1") == Approx(15616.752).epsilon(1e-12));
    // r2 = 1825 + 1.752 + 1277.5 + 50 + 1000 + 1 = 4155.252
    CHECK(report.per_region.at("r2") == Approx(4155.252).epsilon(1e-12));
    CHECK(report.per_region.at("r3") == 0);
    CHECK(report.per_region.at("global") == Approx(330).epsilon(1e-12));
    // 15616.752 + 4155.252 + 330 = 20102.004
    CHECK(report.total_usd == Approx(20102.004).epsilon(1e-12));
  }
  SECTION("lines name the item") {
    // d-r1: 3 lines, g-r1, a-r1, db-r1; d-r2: 2 lines, g-r2, a-r2, db-r2; fd; 2 egress lines = 14.
    REQUIRE(report.lines.size() == 14);
    CHECK(report.lines[0].node == "d-r1");
    CHECK(report.lines[0].item == "reserved capacity");
    CHECK(report.lines[0].monthly_usd == Approx(7300).epsilon(1e-12));
    CHECK(report.lines[2].item == "probe tokens");
    CHECK(report.lines.back().item == "replication egress to db-r1");
    CHECK(report.lines.back().region == "r2");
  }
  SECTION("a bad plan is refused") {
    ProvisioningPlan plan;
    plan.regions["r2"] = RegionProvisioning{ProvisioningMode::kStandby, 1.5};
    CHECK_THROWS_WITH(monthly_cost(t, plan), "standby fraction of r2 must be within 0..1");
    ProvisioningPlan unknown;
    unknown.regions["db-r1"] = RegionProvisioning{};
    CHECK_THROWS_WITH(monthly_cost(t, unknown), "provisioning plan names \"db-r1\", which is not a region of priced");
  }
}

TEST_CASE("the reference topology as Hot/Warm: eastus2 full, centralus standby with no reserved compute",
          "[topology][cost]") {
  const Topology t = load_ok(read_source_json("scenarios/topologies/foundry-two-region.json"));
  ProvisioningPlan plan;
  plan.regions["centralus"] = RegionProvisioning{ProvisioningMode::kStandby, 0};
  const CostReport report = monthly_cost(t, plan);
  // eastus2: chat tokens 2e9 / 1000 x 0.0008 = 1600; chat probes 43800 calls x 20 = 876000 tokens x 0.0008 / 1000
  // = 0.7008; embeddings 5e8 / 1000 x 0.00013 = 65; APIM 1 x 3.83 x 730 = 2795.9; Cosmos 1168; Search 245.28;
  // Storage 120; Key Vault 5; ACR 50; egress (200 + 500 + 20 + 0 + 50) GB x 0.02 = 15.4.  Sum 6065.2808.
  CHECK(report.per_region.at("eastus2") == Approx(6065.2808).epsilon(1e-12));
  // centralus: probes 0.7008; APIM x 0 = 0; stores 1168 + 245.28 + 120 + 5 + 50 = 1588.28.  Sum 1588.9808.
  CHECK(report.per_region.at("centralus") == Approx(1588.9808).epsilon(1e-12));
  // Front Door 330.  Total 6065.2808 + 1588.9808 + 330 = 7984.2616.
  CHECK(report.total_usd == Approx(7984.2616).epsilon(1e-12));
}

namespace {

// The value of cost line `item` of `node`, 0 when the report has none.
double line(const CostReport& report, const std::string& node, const std::string& item) {
  for (const CostLine& l : report.lines) {
    if (l.node == node && l.item == item) return l.monthly_usd;
  }
  return 0;
}

}  // namespace

TEST_CASE("replication links are priced in the mode the plan runs them", "[topology][cost]") {
  json doc = priced();
  // db-r1 -> db-r2: sync would add 300 USD/month, a copy costs 0.2 USD; db-r1 -> db-r3: hourly copies at 0.1 USD.
  doc["replication_links"][0]["sync_usd_per_month"] = 300;
  doc["replication_links"][0]["usd_per_copy"] = 0.2;
  doc["replication_links"][1]["lag"] = "1h";
  doc["replication_links"][1]["usd_per_copy"] = 0.1;
  const Topology topology = load_ok(doc);
  ProvisioningPlan plan;
  SECTION("as the topology says: async to r2 (egress only), hourly copies to r3 (730 x 0.1 = 73)") {
    const CostReport r = monthly_cost(topology, plan);
    CHECK(line(r, "db-r1", "replication egress to db-r2") == Approx(5.0).epsilon(1e-12));  // 100 GB x 0.05
    CHECK(line(r, "db-r1", "synchronous replication to db-r2") == 0);
    CHECK(line(r, "db-r1", "restorable copies to db-r3") == Approx(73.0).epsilon(1e-12));
  }
  SECTION("sync: +300 on the link that prices it; the r3 link stops taking copies") {
    plan.links["db-r1"] = LinkProvisioning{ReplicationMode::kSync, std::chrono::microseconds{0}};
    const CostReport r = monthly_cost(topology, plan);
    CHECK(line(r, "db-r1", "synchronous replication to db-r2") == Approx(300.0).epsilon(1e-12));
    CHECK(line(r, "db-r1", "restorable copies to db-r3") == 0);
    CHECK(r.total_usd - monthly_cost(topology, ProvisioningPlan{}).total_usd == Approx(300.0 - 73.0).epsilon(1e-12));
  }
  SECTION("copies every 15 min: 730 h x 4 = 2,920 a month, 584 USD to r2 and 292 USD to r3") {
    plan.links["db-r1"] = LinkProvisioning{ReplicationMode::kBackupRestore, std::chrono::minutes{15}};
    const CostReport r = monthly_cost(topology, plan);
    CHECK(line(r, "db-r1", "restorable copies to db-r2") == Approx(584.0).epsilon(1e-12));
    CHECK(line(r, "db-r1", "restorable copies to db-r3") == Approx(292.0).epsilon(1e-12));
    SECTION("copies are kept while nothing runs in r2; its egress is not paid") {
      plan.regions["r2"] = RegionProvisioning{ProvisioningMode::kNone, 0};
      const CostReport none = monthly_cost(topology, plan);
      CHECK(line(none, "db-r1", "restorable copies to db-r2") == Approx(584.0).epsilon(1e-12));
      CHECK(line(none, "db-r1", "replication egress to db-r2") == 0);
    }
  }
  SECTION("bad plans are refused with the store named") {
    plan.links["nope"] = LinkProvisioning{};
    CHECK_THROWS_WITH(monthly_cost(topology, plan), Catch::Contains("\"nope\", which is not a data store"));
    plan.links.clear();
    plan.links["db-r1"] = LinkProvisioning{ReplicationMode::kScheduledRebuild, std::chrono::microseconds{0}};
    CHECK_THROWS_WITH(monthly_cost(topology, plan), Catch::Contains("copy interval of db-r1 must be > 0"));
  }
}

TEST_CASE("pay-per-token spend follows the traffic; the single-region baseline", "[topology][cost]") {
  const Topology t = load_ok(priced());
  SECTION("two full regions sharing the traffic pay the tokens of one") {
    // d-r1 and d-r2 full at 50 % each: 1e9 x 0.5 / 1000 x 0.002 = 1000 each, 2000 together,
    // exactly what r1 alone pays at 100 %.
    ProvisioningPlan shared;
    shared.regions["r1"] = RegionProvisioning{ProvisioningMode::kFull, 0, 0.5};
    shared.regions["r2"] = RegionProvisioning{ProvisioningMode::kFull, 0, 0.5};
    shared.regions["r3"] = RegionProvisioning{ProvisioningMode::kNone, 0, 0};
    const auto tokens = [](const CostReport& r) {
      double usd = 0;
      for (const CostLine& l : r.lines) usd += l.item == "tokens" ? l.monthly_usd : 0;
      return usd;
    };
    CHECK(tokens(monthly_cost(t, shared)) == Approx(2000).epsilon(1e-12));
    CHECK(tokens(monthly_cost(t, full_standby_none())) == Approx(2000).epsilon(1e-12));
    // Reserved capacity is paid in full in both full regions: 7300 each.
    CHECK(monthly_cost(t, shared).per_node.at("d-r2") == Approx(7300 + 1000 + 1.752).epsilon(1e-12));
  }
  SECTION("a traffic share outside 0..1 is refused") {
    ProvisioningPlan bad;
    bad.regions["r1"] = RegionProvisioning{ProvisioningMode::kFull, 0, 1.5};
    CHECK_THROWS_WITH(monthly_cost(t, bad), "traffic share of r1 must be within 0..1");
  }
  SECTION("baseline: the region alone, without entry, other regions or replication") {
    // r1: d-r1 7300 + 2000 + 1.752, g-r1 5110, a-r1 200, db-r1 1000 = 15611.752.
    CHECK(single_region_baseline_cost(t, "r1") == Approx(15611.752).epsilon(1e-12));
    // r3: d-r3 7300 + 2000 + 1.752, db-r3 1000 (no gateway, no agent service) = 10301.752.
    CHECK(single_region_baseline_cost(t, "r3") == Approx(10301.752).epsilon(1e-12));
    CHECK_THROWS_WITH(single_region_baseline_cost(t, "nowhere"),
                      "single-region baseline names \"nowhere\", which is not a region of priced");
  }
}
