// The global entry as the simulator runs it: Traffic Manager's DNS failover and
// the probes' vantage (issue 16 items 2 and 3), with figures derived by hand.

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "command_runner.hpp"
#include "data_scenario.hpp"
#include "faultline/engine/model/pattern_simulation.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"

using namespace faultline::engine;
using faultline::testing::source_path;
using nlohmann::json;

namespace {

// Loads `scenario` (paths relative to scenarios/) as the file `name` and runs its first pattern.
PatternResult run_json(const json& scenario, const std::string& name) {
  const auto loaded = ScenarioLoader::load_text(scenario.dump(), name, source_path("scenarios"));
  INFO(loaded.error_report());
  REQUIRE(loaded.scenario);
  PatternSimulation simulation(*loaded.scenario, 0);
  return simulation.run();
}

PatternResult run_file(const std::string& relative, const std::function<void(json&)>& edit_topology = {}) {
  std::ifstream in(source_path(relative));
  json scenario = json::parse(in);
  if (edit_topology) {
    std::ifstream topo_in(source_path("scenarios/" + scenario["topology"].get<std::string>()));
    json topology = json::parse(topo_in);
    edit_topology(topology);
    const std::string path = faultline::testing::temp_path("edited-topology.json");
    std::ofstream(path) << topology.dump();
    scenario["topology"] = path;
  }
  return run_json(scenario, relative);
}

// The share of the traffic recorded in `region` in the series bucket holding `t_s`.
double share_at(const PatternResult& r, const std::string& region, double t_s) {
  const SeriesResult& s = r.series;
  const auto g = static_cast<std::size_t>(std::find(s.regions.begin(), s.regions.end(), region) - s.regions.begin());
  REQUIRE(g < s.regions.size());
  for (std::size_t b = 0; b < s.start_s.size(); ++b) {
    if (s.start_s[b] <= t_s && t_s < s.start_s[b] + s.bucket_s) return s.traffic_share[g][b].value_or(-1);
  }
  FAIL("no bucket holds " << t_s);
  return -1;
}

}  // namespace

TEST_CASE("traffic manager: failover = detection + the rest of the resolver's TTL", "[engine][traffic-manager]") {
  // scenarios/traffic-manager-failover.json: probes every 30 s from 0 to each region,
  // 3 tolerated failures (the 4th consecutive failure marks eastus2 unhealthy), 10 s
  // timeout; TTL 30 s over 4 resolvers refreshing at 0, 7.5, 15, 22.5 s (mod 30).
  const PatternResult r = run_file("scenarios/traffic-manager-failover.json");
  REQUIRE(r.incidents.size() == 2);
  SECTION("fault just before a probe: the best case") {
    // F = 599.5; failed probes sent at 600, 630, 660, 690 time out at 610 ... 700 s.
    CHECK(*r.incidents[0].detect_s == Approx(100.5).margin(1e-9));
    // First resolver refresh after 700 s: 705 s (phase 15 s).
    CHECK(*r.incidents[0].switch_s == Approx(105.5).margin(1e-9));
  }
  SECTION("fault just after a probe: the worst case") {
    // F = 2,400.5; failed probes at 2,430 ... 2,520 s, the last times out at 2,530 s.
    CHECK(*r.incidents[1].detect_s == Approx(129.5).margin(1e-9));
    CHECK(*r.incidents[1].switch_s == Approx(134.5).margin(1e-9));
  }
  SECTION("clients follow their resolvers: all of them within a TTL of detection") {
    // Before the fault every resolver names eastus2 (priority 1); the last resolver moves
    // at 727.5 s, and its last call to eastus2 times out 30 s later, by 757.5 s.
    CHECK(share_at(r, "eastus2", 500) == 1.0);
    CHECK(share_at(r, "centralus", 780) == 1.0);
    // Second fault: the last resolver moves at 2,557.5 s, its last call to eastus2 ends by 2,587.5 s.
    CHECK(share_at(r, "eastus2", 2300) == 1.0);
    CHECK(share_at(r, "centralus", 2600) == 1.0);
  }
}

TEST_CASE("traffic manager with a TTL of 0: every call asks, traffic moves at detection", "[engine][traffic-manager]") {
  const PatternResult r = run_file("scenarios/traffic-manager-failover.json",
                                   [](json& topology) { topology["global_entry"]["dns_ttl"] = 0; });
  REQUIRE(r.incidents.size() == 2);
  CHECK(*r.incidents[0].switch_s == Approx(100.5).margin(1e-9));
  CHECK(*r.incidents[1].switch_s == Approx(129.5).margin(1e-9));
}

TEST_CASE("probe vantage: Front Door's latency band excludes the origin far from the prober", "[engine][probe]") {
  // foundry-two-region, Hot/Hot (both origins priority 1) with a 20 ms latency band.
  // Probed from us-east-users (the largest group, 0.6): round trips eastus2 2 x 12 = 24 ms,
  // centralus 2 x 32 = 64 ms > 24 + 20, so after the first probes only eastus2 serves.
  // From us-west-users: eastus2 140 ms, centralus 90 ms: only centralus serves.
  // (With one round trip for every origin, both would serve.)
  json scenario = faultline::testing::data_scenario();
  scenario["faults"] = json::array();
  scenario["patterns"] = {{{"name", "hot-hot"}, {"router", {{"selection", {{"latency_band_ms", 20}}}}}}};
  const std::string scenario_path = faultline::testing::temp_path("vantage.json");
  const auto run_from = [&](const std::string& source) {
    std::ifstream topo_in(source_path("scenarios/topologies/foundry-two-region.json"));
    json topology = json::parse(topo_in);
    if (!source.empty()) topology["global_entry"]["health_probe"]["source"] = source;
    const std::string path = faultline::testing::temp_path("vantage-topology.json");
    std::ofstream(path) << topology.dump();
    scenario["topology"] = path;
    return run_json(scenario, scenario_path);
  };
  SECTION("default vantage: the largest client group") {
    const PatternResult r = run_from("");
    CHECK(share_at(r, "eastus2", 1800) == 1.0);
  }
  SECTION("vantage us-west-users") {
    const PatternResult r = run_from("us-west-users");
    CHECK(share_at(r, "centralus", 1800) == 1.0);
  }
}
