#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "command_runner.hpp"
#include "data_scenario.hpp"
#include "faultline/engine/model/pattern_simulation.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"

using namespace faultline::engine;
using nlohmann::json;

namespace {

PatternResult run_pattern(const json& scenario, const json& pattern) {
  return faultline::testing::run_data_pattern(scenario, pattern);
}

json base_scenario() { return faultline::testing::data_scenario(); }

json stores(const std::string& mode, const std::string& extra_key = "", const std::string& extra_value = "") {
  json cosmos{{"mode", mode}};
  json storage{{"mode", mode}};
  if (!extra_key.empty()) {
    cosmos[extra_key] = extra_value;
    storage[extra_key] = extra_value;
  }
  return json{{"stores", {{"cosmos-eastus2", cosmos}, {"storage-eastus2", storage}}}};
}

}  // namespace

TEST_CASE("lost writes are those acknowledged after F - RPO up to F, whatever F's sub-second phase", "[engine][data]") {
  // The fault starts at F = 1,234.3 s. Writes are acknowledged at k/2 + d s (arrival every
  // 0.5 s, 1 s of service, client round trip d < 0.14 s).
  json scenario = base_scenario();
  scenario["faults"][0]["start"] = 1234.3;
  SECTION("async, lag 5 s: (1,229.3, 1,234.3] holds k/2 = 1,229.5 .. 1,234.0, 10 writes (not 11)") {
    json data = stores("async");
    data["stores"]["cosmos-eastus2"]["lag"] = "5s";
    const PatternResult r = run_pattern(scenario, {{"name", "hot-hot"}, {"data", data}});
    REQUIRE(r.incidents.size() == 1);
    CHECK(r.incidents[0].stores[0].rpo_s == 5.0);
    CHECK(r.incidents[0].stores[0].lost_writes == 10);
  }
  SECTION("sync: RPO 0 and no write lost, even with writes earlier in the same second") {
    const PatternResult r = run_pattern(scenario, {{"name", "hot-hot"}, {"data", stores("sync")}});
    CHECK(r.incidents[0].rpo_s == 0.0);
    CHECK(r.incidents[0].lost_writes == 0);
  }
}

TEST_CASE("RPO per replication mode, with the writes lost", "[engine][data][e2e]") {
  SECTION("async: RPO = replication lag; lost = writes to the store acknowledged in the last lag seconds") {
    // Lags 7 s (cosmos) and 20 s (storage): worst RPO 20 s. Without `writes_to` the chat
    // writes go to the database only (docs/runbooks-and-data.md): cosmos loses seconds
    // 1227..1233 x 2 writes = 14, storage nothing; the incident's lost writes are the sum, 14.
    json data = stores("async");
    data["stores"]["cosmos-eastus2"]["lag"] = "7s";
    data["stores"]["storage-eastus2"]["lag"] = "20s";
    const PatternResult r = run_pattern(base_scenario(), {{"name", "hot-hot"}, {"data", data}});
    REQUIRE(r.incidents.size() == 1);
    CHECK(r.incidents[0].rpo_s == 20.0);
    REQUIRE(r.incidents[0].stores.size() == 2);
    CHECK(r.incidents[0].stores[0].store == "cosmos-eastus2");
    CHECK(r.incidents[0].stores[0].lost_writes == 14);
    CHECK(r.incidents[0].stores[1].store == "storage-eastus2");
    CHECK(r.incidents[0].stores[1].lost_writes == 0);
    CHECK(r.incidents[0].lost_writes == 14);
    CHECK(r.rpo_s == 20.0);
  }
  SECTION("sync: RPO 0 and nothing lost") {
    const PatternResult r = run_pattern(base_scenario(), {{"name", "hot-hot"}, {"data", stores("sync")}});
    CHECK(r.incidents[0].rpo_s == 0.0);
    CHECK(r.incidents[0].lost_writes == 0);
  }
  SECTION("backup-restore: RPO = time since the last backup (every 300 s from t = 0)") {
    // 1234 mod 300 = 34 s; seconds 1200..1233 hold 2 writes each = 68.
    const PatternResult r = run_pattern(
        base_scenario(), {{"name", "hot-hot"}, {"data", stores("backup_restore", "backup_interval", "5m")}});
    CHECK(r.incidents[0].rpo_s == 34.0);
    CHECK(r.incidents[0].lost_writes == 68);
  }
  SECTION("the Hot/Cold preset restores from backups: storage hourly -> 1234 s, cosmos every 100 s -> 34 s") {
    const PatternResult r = run_pattern(base_scenario(), {{"name", "hot-cold"}});
    CHECK(r.incidents[0].rpo_s == 1234.0);
  }
}

TEST_CASE("lost writes count only the writes to each store (writes_to)", "[engine][data][e2e]") {
  // The same async lags as above: cosmos 7 s, storage 20 s; the fault at 1,234 s, two
  // acknowledged writes in every whole second before it and none in second 1234.
  json data = stores("async");
  data["stores"]["cosmos-eastus2"]["lag"] = "7s";
  data["stores"]["storage-eastus2"]["lag"] = "20s";
  json scenario = base_scenario();
  SECTION("writes to storage only: storage loses seconds 1214..1233 x 2 = 40, cosmos nothing") {
    scenario["workloads"][0]["writes_to"] = {"storage-eastus2"};
    const PatternResult r = run_pattern(scenario, {{"name", "hot-hot"}, {"data", data}});
    REQUIRE(r.incidents[0].stores.size() == 2);
    CHECK(r.incidents[0].stores[0].lost_writes == 0);
    CHECK(r.incidents[0].stores[1].lost_writes == 40);
    CHECK(r.incidents[0].lost_writes == 40);
    CHECK(r.incidents[0].rpo_s == 20.0);
  }
  SECTION("writes to both: each store loses its own window, the incident the sum 14 + 40 = 54") {
    scenario["workloads"][0]["writes_to"] = {"cosmos-eastus2", "storage-eastus2"};
    const PatternResult r = run_pattern(scenario, {{"name", "hot-hot"}, {"data", data}});
    CHECK(r.incidents[0].stores[0].lost_writes == 14);
    CHECK(r.incidents[0].stores[1].lost_writes == 40);
    CHECK(r.incidents[0].lost_writes == 54);
  }
  SECTION("writes to a store the fault does not take down: nothing lost") {
    // cosmos-centralus is in the surviving region and is no store at risk.
    scenario["workloads"][0]["writes_to"] = {"cosmos-centralus"};
    const PatternResult r = run_pattern(scenario, {{"name", "hot-hot"}, {"data", data}});
    CHECK(r.incidents[0].stores[0].lost_writes == 0);
    CHECK(r.incidents[0].stores[1].lost_writes == 0);
    CHECK(r.incidents[0].lost_writes == 0);
    CHECK(r.incidents[0].rpo_s == 20.0);  // the RPO is still the stores' loss window
  }
}

TEST_CASE("writes wait only for the stores they go to", "[engine][data]") {
  // Per-store write availability (docs/runbooks-and-data.md): cosmos-eastus2 and
  // storage-eastus2 are down and wait for a promotion; a workload whose writes go to
  // cosmos-centralus is not refused, so it fails exactly the requests a workload that
  // writes nothing fails (those sent to eastus2 before detection, and the call in flight).
  const auto failed = [](const PatternResult& r) { return r.workloads[0].offered - r.workloads[0].succeeded; };
  json elsewhere = base_scenario();
  elsewhere["workloads"][0]["writes_to"] = {"cosmos-centralus"};
  json no_writes = base_scenario();
  no_writes["workloads"][0]["writes_per_request"] = 0;
  const json pattern{{"name", "hot-hot"}, {"data", stores("async")}};
  const PatternResult a = run_pattern(elsewhere, pattern);
  const PatternResult b = run_pattern(no_writes, pattern);
  CHECK(failed(a) == failed(b));
  SECTION("writes to the storage account wait for its failover: until eastus2 returns without a runbook") {
    // Storage GRS has no service-managed failover: with no runbook the account takes writes
    // again only when the fault ends (1,834 s), so every request sent from F on fails:
    // arrivals 1,234.0 .. 1,833.5 s = 1,200, and the call in flight in eastus2 at F.
    json to_storage = base_scenario();
    to_storage["workloads"][0]["writes_to"] = {"storage-eastus2"};
    const PatternResult r = run_pattern(to_storage, pattern);
    CHECK(failed(r) == 1201);
    REQUIRE(r.incidents[0].stores.size() == 2);
    CHECK(r.incidents[0].stores[1].store == "storage-eastus2");
    CHECK_FALSE(r.incidents[0].stores[1].promoted_s);
  }
  SECTION("after its failover the account is locally redundant: a fault on its new home loses every write since") {
    // domain-facts: a GRS account fails over to its secondary and is locally redundant there.
    // Hot/Warm with a one-step runbook: detection at 1,300 s, promote_database ends 60.25 s
    // later, at 1,360.25 s (a quarter second off the arrivals, so no tie). Writes go to
    // storage-eastus2, now living in centralus. centralus fails at 1,500 s: the writes
    // acknowledged since the failover are those of arrivals 1,360.5 .. 1,498.5 s (acknowledged
    // 1 s + at most 140 ms later, before 1,500 s; 1,499.0 s is still in flight) = 277, and
    // the RPO is 1,500 - 1,360.25 = 139.75 s. (The arrival at 1,360.0 s met the block: 503.)
    json to_storage = base_scenario();
    to_storage["workloads"][0]["writes_to"] = {"storage-eastus2"};
    to_storage["faults"].push_back(
        {{"name", "second"}, {"type", "region_outage"}, {"target", "centralus"}, {"start", 1500}, {"duration", "5m"}});
    const json runbook = json::array({{{"id", "failover"}, {"kind", "promote_database"}, {"duration", 60.25}}});
    const PatternResult r =
        run_pattern(to_storage, {{"name", "hot-warm"}, {"data", stores("async")}, {"runbook", runbook}});
    REQUIRE(r.incidents.size() == 2);
    REQUIRE(r.incidents[0].stores.size() == 2);
    CHECK(r.incidents[0].stores[1].promoted_s == Approx(126.25).margin(1e-9));  // 1,360.25 - 1,234
    REQUIRE(r.incidents[1].stores.size() == 1);
    CHECK(r.incidents[1].stores[0].store == "storage-eastus2");
    CHECK(r.incidents[1].stores[0].lost_writes == 277);
    CHECK(r.incidents[1].stores[0].rpo_s == Approx(139.75).margin(1e-9));
  }
}

TEST_CASE("writes wait for the database's promotion", "[engine][data][e2e]") {
  // Hot/Hot: both regions serve; the Cosmos write region (eastus2) is down. With
  // service-managed failover after 120 s, requests that write fail until then.
  json data = stores("async");
  data["automatic_failover_delay"] = "2m";
  const PatternResult quick = run_pattern(base_scenario(), {{"name", "hot-hot"}, {"data", data}});
  data["automatic_failover_delay"] = "6m";
  const PatternResult slow = run_pattern(base_scenario(), {{"name", "hot-hot"}, {"data", data}});
  // Every request writes, so roughly 2 requests/s x the extra 240 s fail more.
  const auto failed = [](const PatternResult& r) { return r.workloads[0].offered - r.workloads[0].succeeded; };
  CHECK(failed(slow) >= failed(quick) + 470);
  CHECK(failed(slow) <= failed(quick) + 490);
  CHECK(slow.incidents[0].rto_s > quick.incidents[0].rto_s + 230);
}

TEST_CASE("incident cost adds failed requests, downtime, lost writes and runbook attempts", "[engine][cost][e2e]") {
  json scenario = base_scenario();
  scenario["costs"] = {{"per_failed_request_usd", 0.5}, {"per_downtime_minute_usd", 60}, {"per_lost_write_usd", 0.25}};
  json runbook = json::array({{{"id", "page"}, {"kind", "alert"}, {"duration", "1m"}, {"cost_usd", 12.5}}});
  const PatternResult r = run_pattern(scenario, {{"name", "hot-warm"}, {"runbook", runbook}});
  const double failed = static_cast<double>(r.workloads[0].offered - r.workloads[0].succeeded);
  REQUIRE(r.incidents.size() == 1);
  CHECK(r.incidents[0].runbook_s == 60.0);
  // 0.5 x failed + 60 USD x minutes of failed-request-weighted downtime (issue 22: not the RTO, which
  // includes the 60 s window of successes) + 0.25 x lost writes + 12.5 for the one runbook attempt.
  CHECK(r.incidents[0].downtime_weighted_s > 0);
  CHECK(r.incidents[0].downtime_weighted_s < r.incidents[0].rto_s);
  const double expected = 0.5 * failed + 60.0 * r.incidents[0].downtime_weighted_s / 60.0 +
                          0.25 * static_cast<double>(r.incidents[0].lost_writes) + 12.5;
  CHECK(r.incident_cost_usd == Approx(expected).epsilon(1e-12));
  CHECK(failed > 0);
}

TEST_CASE("a pattern's data lives in the regions it writes to", "[engine][data]") {
  // scenarios/plan-three-region.json: three regions replicating in a ring (eastus2 -> centralus -> westus3
  // -> eastus2). Hot/Warm writes in eastus2 (priority 1); centralus's stores are eastus2's replicas that
  // replicate on, not a write copy, so losing centralus loses no data and blocks no write.
  std::ifstream in(faultline::testing::source_path("scenarios/plan-three-region.json"));
  std::stringstream text;
  text << in.rdbuf();
  json doc = json::parse(text.str());
  doc["patterns"] = json::array({doc["patterns"][1]});
  doc["duration"] = "3h";
  const auto run = [&](const std::string& region) {
    doc["faults"] = json::array(
        {{{"name", "outage"}, {"type", "region_outage"}, {"target", region}, {"start", "30m"}, {"duration", "1h"}}});
    const ScenarioLoadResult loaded =
        ScenarioLoader::load_text(doc.dump(), "three.json", faultline::testing::source_path("scenarios"));
    INFO(loaded.error_report());
    REQUIRE(loaded.scenario);
    PatternSimulation sim(*loaded.scenario, 0);
    return sim.run();
  };
  SECTION("centralus (a standby) goes dark: no RPO, nothing lost, every request served") {
    const PatternResult r = run("centralus");
    REQUIRE(r.incidents.size() == 1);
    CHECK_FALSE(r.incidents[0].rpo_s.has_value());
    CHECK(r.incidents[0].stores.empty());
    CHECK(r.availability == 1.0);
  }
  SECTION("eastus2 (the write region) goes dark: its two stores, RPO = Storage's 15 min lag") {
    const PatternResult r = run("eastus2");
    REQUIRE(r.incidents.size() == 1);
    CHECK(r.incidents[0].rpo_s == 900.0);
    REQUIRE(r.incidents[0].stores.size() == 2);
    CHECK(r.incidents[0].stores[0].store == "cosmos-eastus2");
    CHECK(r.incidents[0].stores[1].store == "storage-eastus2");
  }
}
