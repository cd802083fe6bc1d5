// End to end: `faultline run` on every shipped scenario writes `rto_phases` that cover
// each incident's RTO exactly (issue 21), and the reference Hot/Hot's RTO is mostly
// the wait for the database's promotion.
//
// Exactness: the engine measures every instant in integer microseconds and writes
// seconds as us / 1e6, which the JSON writer prints in the shortest form that reads
// back to the same double. So each phase's end equals the next phase's start
// bit for bit, and rounding a value x 1e6 recovers its microseconds.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "command_runner.hpp"
#include "drill_support.hpp"

namespace {

using faultline::drills::run_drill;
using faultline::testing::source_path;
using nlohmann::json;

std::int64_t micros(const json& seconds) { return std::llround(seconds.get<double>() * 1e6); }

// The result of `faultline run scenarios/NAME`; the exit code is 0 or 1 (targets), never 2.
json run_result(const std::string& name) {
  const auto run = run_drill(name);
  INFO(name);
  REQUIRE((run.exit_code == 0 || run.exit_code == 1));
  return run.result;
}

std::vector<std::string> shipped_scenarios() {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("scenarios"))) {
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      paths.push_back(entry.path().filename().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace

TEST_CASE("rto_phases cover every incident's RTO on every shipped scenario", "[e2e][rto-phases]") {
  // Every shipped scenario runs without extra inputs (none needs a file beyond its topology).
  const std::vector<std::string> scenarios = shipped_scenarios();
  REQUIRE(scenarios.size() >= 25);
  std::size_t incidents = 0;
  for (const std::string& scenario : scenarios) {
    const json result = run_result(scenario);
    for (const json& pattern : result["patterns"]) {
      for (const json& incident : pattern["incidents"]) {
        INFO(scenario << " " << pattern["name"] << " " << incident["fault"]);
        ++incidents;
        REQUIRE(incident.contains("rto_phases"));
        const json& phases = incident["rto_phases"];
        const std::int64_t rto = micros(incident["rto_s"]);
        if (rto == 0) {
          CHECK(phases.empty());  // nothing to explain
          continue;
        }
        REQUIRE_FALSE(phases.empty());
        // Contiguous from 0 to rto_s, no empty phase, and the durations add up to rto_s exactly.
        CHECK(phases.front()["start_s"].get<double>() == 0.0);
        CHECK(phases.back()["end_s"].get<double>() == incident["rto_s"].get<double>());
        std::int64_t sum = 0;
        for (std::size_t k = 0; k < phases.size(); ++k) {
          const json& p = phases[k];
          CHECK(p["phase"].is_string());
          CHECK(p["cause"].is_string());
          CHECK(micros(p["end_s"]) > micros(p["start_s"]));
          if (k > 0) CHECK(p["start_s"].get<double>() == phases[k - 1]["end_s"].get<double>());
          sum += micros(p["end_s"]) - micros(p["start_s"]);
        }
        CHECK(sum == rto);
        // A recovery window closes every recovered incident whose RTO passed its fault's start.
        if (incident["recovered"].get<bool>()) CHECK(phases.back()["phase"] == "recovery_window");
      }
    }
  }
  CHECK(incidents > 25);
}

TEST_CASE("the reference Hot/Hot's longest RTO phase is the wait for the database promotion", "[e2e][rto-phases]") {
  // scenarios/reference.json: eastus2 fails at 1,800 s. Probes mark it unhealthy 40 s later and the
  // router moves traffic to centralus at once, but every chat request writes to Cosmos DB, whose
  // service-managed failover promotes centralus 300 s after the fault: writes fail until then, and
  // the window of W = 60 s must then stay good, so RTO = 300 + 60 = 360 s:
  // undetected [0, 40), waiting for database promotion [40, 300), recovery window [300, 360).
  const json result = run_result("reference.json");
  const json* hot_hot = &faultline::drills::pattern(result, "hot-hot");
  const json& incident = (*hot_hot)["incidents"].at(0);
  CHECK(incident["rto_s"].get<double>() == 360.0);
  const json& phases = incident["rto_phases"];
  const auto longest = std::max_element(phases.begin(), phases.end(), [](const json& a, const json& b) {
    return a["end_s"].get<double>() - a["start_s"].get<double>() <
           b["end_s"].get<double>() - b["start_s"].get<double>();
  });
  REQUIRE(longest != phases.end());
  CHECK((*longest)["phase"] == "database_promotion");
  CHECK((*longest)["start_s"].get<double>() == 40.0);
  CHECK((*longest)["end_s"].get<double>() == 300.0);
  REQUIRE(phases.size() == 3);
  CHECK(phases[0]["phase"] == "undetected");
  CHECK(phases[0]["end_s"].get<double>() == 40.0);
  CHECK(phases[2]["phase"] == "recovery_window");
  CHECK(phases[2]["start_s"].get<double>() == 300.0);
}
