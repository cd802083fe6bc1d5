// Cosmos DB's RPO by consistency level (domain-facts: strong 0; session, consistent
// prefix, eventual < 15 min; bounded staleness K writes and T seconds), issue 16 item 7.
// Setting (data_scenario.hpp): arrivals every 0.5 s, 1 s of service, one write each,
// acknowledged at a + 1 s + d (client round trip d < 0.14 s); eastus2 fails at F = 1,234 s.
// cosmos-eastus2 is a session-consistency database in the reference topology.

#include <catch2/catch.hpp>
#include <fstream>
#include <stdexcept>
#include <nlohmann/json.hpp>

#include "command_runner.hpp"
#include "data_scenario.hpp"

using namespace faultline::engine;
using nlohmann::json;

namespace {

// The reference topology with cosmos-eastus2's database options replaced by `options`.
std::string topology_with_cosmos(const json& options) {
  std::ifstream in(faultline::testing::source_path("scenarios/topologies/foundry-two-region.json"));
  json topology = json::parse(in);
  for (json& region : topology["regions"]) {
    for (json& store : region["data_stores"]) {
      if (store["id"] != "cosmos-eastus2") continue;
      for (const auto& [key, value] : options.items()) store[key] = value;
    }
  }
  const std::string path = faultline::testing::temp_path("consistency-topology.json");
  std::ofstream(path) << topology.dump();
  return path;
}

// Incident `r`'s loss on store `id`; fails the test when the fault did not take it down.
const StoreLossResult& loss_of(const IncidentResult& r, const std::string& id) {
  for (const StoreLossResult& s : r.stores) {
    if (s.store == id) return s;
  }
  FAIL("no store " << id);
  throw std::logic_error("unreachable");
}

PatternResult run_with(const json& cosmos_options, const std::string& lag) {
  json scenario = faultline::testing::data_scenario();
  if (!cosmos_options.empty()) scenario["topology"] = topology_with_cosmos(cosmos_options);
  json data{{"stores", {{"cosmos-eastus2", {{"mode", "async"}, {"lag", lag}}}}}};
  return faultline::testing::run_data_pattern(scenario, {{"name", "hot-warm"}, {"data", data}});
}

}  // namespace

TEST_CASE("cosmos db: RPO capped by the consistency level", "[engine][data][consistency]") {
  SECTION("session: a 20 min lag is capped at 15 min") {
    // (F - 900, F] = (334, 1,234]: acknowledged writes of arrivals 333.0 .. 1,232.5 s:
    // (1,232.5 - 333.0) / 0.5 + 1 = 1,800.
    const PatternResult r = run_with(json::object(), "20m");
    REQUIRE(r.incidents.size() == 1);
    CHECK(r.incidents[0].stores[0].rpo_s == 900.0);
    CHECK(r.incidents[0].stores[0].lost_writes == 1800);
  }
  SECTION("session: a lag under the cap is the RPO") {
    const PatternResult r = run_with(json::object(), "7s");
    CHECK(r.incidents[0].stores[0].rpo_s == 7.0);
    CHECK(r.incidents[0].stores[0].lost_writes == 14);  // arrivals 1,226.0 .. 1,232.5 s
  }
  SECTION("bounded staleness: T binds") {
    // T = 60 s under a 5 min lag, K = 1,000 far above the 120 writes of (1,174, 1,234].
    const PatternResult r = run_with(
        {{"consistency", "bounded_staleness"}, {"max_staleness", "60s"}, {"max_staleness_writes", 1000}}, "5m");
    CHECK(r.incidents[0].stores[0].rpo_s == 60.0);
    CHECK(r.incidents[0].stores[0].lost_writes == 120);
  }
  SECTION("bounded staleness: K binds") {
    // K = 50: the replica lacks only the last 50 writes, arrivals 1,208.0 .. 1,232.5 s,
    // the oldest acknowledged at 1,209 s + d: RPO = 25 s - d, d in [24 ms, 140 ms].
    const PatternResult r =
        run_with({{"consistency", "bounded_staleness"}, {"max_staleness", "60s"}, {"max_staleness_writes", 50}}, "5m");
    CHECK(r.incidents[0].stores[0].lost_writes == 50);
    CHECK(r.incidents[0].stores[0].rpo_s <= 25.0 - 0.024 + 1e-9);
    CHECK(r.incidents[0].stores[0].rpo_s >= 25.0 - 0.140 - 1e-9);
  }
  SECTION("strong: replicated synchronously whatever the link says, RPO 0") {
    const PatternResult r = run_with({{"consistency", "strong"}}, "5m");
    CHECK(r.incidents[0].stores[0].rpo_s == 0.0);
    CHECK(r.incidents[0].stores[0].lost_writes == 0);
  }
}

TEST_CASE("cosmos db: a single-region account loses up to 240 min when its region is lost",
          "[engine][data][consistency]") {
  // domain-facts, Cosmos DB RPO: "1 region < 240 min". In foundry-two-region-single-region-db
  // neither Cosmos DB account has a replication link: each is its only copy. The simulator
  // takes the bound: a region outage loses the writes acknowledged in (F - 14,400 s, F],
  // RPO 14,400 s; writes to the account fail until its region returns (nothing to promote).
  json scenario = faultline::testing::data_scenario();
  scenario["topology"] = "topologies/foundry-two-region-single-region-db.json";
  scenario["workloads"][0]["writes_to"] = json::array({"cosmos-eastus2"});
  const json hot_warm{{"name", "hot-warm"}};
  SECTION("region outage before 240 min: every write of the run is lost") {
    // F = 1,234 s < 14,400 s: every acknowledged write, arrivals 0.5 .. 1,232.5 s (the
    // arrival of 1,233.0 s would be acknowledged at 1,234 s + d and is dropped): 2,465.
    // Hot/Warm's runbook promotes 7 min after detection (the storage account, 486 s after F),
    // but the account has no copy: writes fail until eastus2 returns at 1,834 s, RTO = 600 s
    // of outage + the 60 s window = 660 s.
    const PatternResult r = faultline::testing::run_data_pattern(scenario, hot_warm);
    REQUIRE(r.incidents.size() == 1);
    const StoreLossResult& s = loss_of(r.incidents[0], "cosmos-eastus2");
    CHECK(s.mode == "single_region");
    CHECK(s.rpo_s == 14400.0);
    CHECK(s.lost_writes == 2465);
    CHECK_FALSE(s.promoted_s.has_value());
    CHECK(s.rpo_worst_s == 14400.0);
    CHECK(r.incidents[0].rto_s == 660.0);
  }
  SECTION("region outage after 240 min: the writes of the last 240 min, whatever F's phase") {
    // F = 16,000.3 s in a 5 h run: (1,600.3, 16,000.3]. Acknowledged at a + 1 s + d
    // (d <= 0.14 s): from the arrival of 1,599.5 s (acknowledged at 1,600.5 s + d; the one
    // of 1,599.0 s is acknowledged by 1,600.14 s, before 1,600.3) to the arrival of
    // 15,999.0 s (by 16,000.14 s): (15,999.0 - 1,599.5) / 0.5 + 1 = 28,800 writes.
    scenario["duration"] = "5h";
    scenario["faults"][0]["start"] = 16000.3;
    const PatternResult r = faultline::testing::run_data_pattern(scenario, hot_warm);
    REQUIRE(r.incidents.size() == 1);
    CHECK(loss_of(r.incidents[0], "cosmos-eastus2").rpo_s == 14400.0);
    CHECK(loss_of(r.incidents[0], "cosmos-eastus2").lost_writes == 28800);
  }
  SECTION("an outage of the account alone loses nothing: the data is still in its region") {
    scenario["faults"][0] = {{"name", "cosmos-down"},
                             {"type", "data_store_outage"},
                             {"target", "cosmos-eastus2"},
                             {"start", 1234},
                             {"duration", "10m"}};
    const PatternResult r = faultline::testing::run_data_pattern(scenario, hot_warm);
    REQUIRE(r.incidents.size() == 1);
    const StoreLossResult& s = loss_of(r.incidents[0], "cosmos-eastus2");
    CHECK(s.rpo_s == 0.0);
    CHECK(s.lost_writes == 0);
    CHECK_FALSE(s.promoted_s.has_value());
  }
}
