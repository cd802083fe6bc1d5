// Cosmos DB's RPO by consistency level (domain-facts: strong 0; session, consistent
// prefix, eventual < 15 min; bounded staleness K writes and T seconds), issue 16 item 7.
// Setting (data_scenario.hpp): arrivals every 0.5 s, 1 s of service, one write each,
// acknowledged at a + 1 s + d (client round trip d < 0.14 s); eastus2 fails at F = 1,234 s.
// cosmos-eastus2 is a session-consistency database in the reference topology.

#include <catch2/catch.hpp>
#include <fstream>
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
    const PatternResult r = run_with(
        {{"consistency", "bounded_staleness"}, {"max_staleness", "60s"}, {"max_staleness_writes", 50}}, "5m");
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
