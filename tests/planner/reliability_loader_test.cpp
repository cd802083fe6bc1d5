// The `reliability` section: the shipped example loads, and every mistake is
// reported with the file, the JSON path and what is allowed.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "command_runner.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/planner/reliability_loader.hpp"

using namespace faultline::planner;
using faultline::testing::source_path;

namespace {

const char* kScenario = "scenarios/reliability-two-region.json";

faultline::engine::Scenario load_scenario() {
  auto loaded = faultline::engine::ScenarioLoader::load_file(source_path(kScenario));
  INFO(loaded.error_report());
  REQUIRE(loaded.scenario);
  return *loaded.scenario;
}

nlohmann::json scenario_json() { return nlohmann::json::parse(faultline::testing::read_text(source_path(kScenario))); }

std::string errors_of(const nlohmann::json& doc) {
  const auto scenario = load_scenario();
  const ReliabilityLoadResult r = ReliabilityLoader::load_json(doc, "s.json", scenario);
  CHECK_FALSE(r.model.has_value());
  return r.error_report();
}

}  // namespace

TEST_CASE("the shipped reliability scenario loads", "[planner][reliability]") {
  const auto scenario = load_scenario();
  const ReliabilityLoadResult r = ReliabilityLoader::load_file(scenario);
  INFO(r.error_report());
  REQUIRE(r.model);
  const ReliabilityModel& m = *r.model;
  CHECK(m.repair_crews == RepairCrews::kIndependent);
  REQUIRE(m.components.size() == 4);
  // The "kind": "region" entry expands to both regions in file order.
  CHECK(m.components[0].name == "eastus2/region_outage");
  CHECK(m.components[1].name == "centralus/region_outage");
  CHECK(m.components[1].json_path == "reliability.components[0]");
  CHECK(m.components[2].target == "chat-eastus2");
  CHECK(m.components[2].fault == faultline::engine::FaultType::kGpuCapacityLoss);
  // "2y" = 2 x 365 x 86400 s; exponential(2 h) has mean 7200 s.
  CHECK(m.components[0].time_between_failures.mean() == 63072000.0);
  CHECK(m.components[3].time_to_repair.mean() == 7200.0);
  // Weibull(shape 1.5, scale 1 y): mean = scale x Gamma(1 + 1 / 1.5).
  CHECK(std::abs(m.components[2].time_between_failures.mean() - 31536000.0 * std::tgamma(1.0 + 1.0 / 1.5)) < 1e-3);
}

TEST_CASE("long durations take units up to years", "[planner][reliability]") {
  CHECK(parse_long_duration_s("2y") == 63072000.0);
  CHECK(parse_long_duration_s("1.5d") == 129600.0);
  CHECK(parse_long_duration_s("2w") == 1209600.0);
  CHECK(parse_long_duration_s("90") == 90.0);
  CHECK_FALSE(parse_long_duration_s("2yr"));
  CHECK_FALSE(parse_long_duration_s("-1h"));
  CHECK_FALSE(parse_long_duration_s("h"));
  // "mo" is the cost model's 730 h month; minutes are "min"; "m" alone is refused as ambiguous.
  CHECK(parse_long_duration_s("6mo") == 6 * 730 * 3600.0);
  CHECK(parse_long_duration_s("6min") == 360.0);
  CHECK_FALSE(parse_long_duration_s("6m"));
  CHECK(long_duration_problem("6m") == "\"6m\" is ambiguous here: write \"6min\" for minutes or \"6mo\" for months");
}

TEST_CASE("reliability times: \"6m\" refused, MTBF shorter than MTTR and decade-long repairs refused",
          "[planner][reliability]") {
  nlohmann::json doc = scenario_json();
  auto& c0 = doc["reliability"]["components"][0];
  SECTION("\"6m\" names the path and both readings") {
    c0["time_between_failures"] = "6m";
    const std::string errors = errors_of(doc);
    CHECK(errors.find("reliability.components[0].time_between_failures") != std::string::npos);
    CHECK(errors.find("write \"6min\" for minutes or \"6mo\" for months") != std::string::npos);
  }
  SECTION("failures every 6 minutes with 2 h repairs") {
    c0["time_between_failures"] = "6min";
    c0["time_to_repair"] = "2h";
    const std::string errors = errors_of(doc);
    CHECK(errors.find("mean time between failures 360 s is shorter than the mean time to repair 7200 s") !=
          std::string::npos);
  }
  SECTION("a repair over 10 years") {
    c0["time_to_repair"] = "11y";
    const std::string errors = errors_of(doc);
    CHECK(errors.find("mean repair time 346896000 s is over 10 years") != std::string::npos);
  }
}

TEST_CASE("reliability mistakes name the file, the path and what is allowed", "[planner][reliability]") {
  nlohmann::json doc = scenario_json();
  auto& c0 = doc["reliability"]["components"][0];
  SECTION("an unknown target") {
    c0.erase("kind");
    c0["target"] = "westus";
    const std::string e = errors_of(doc);
    CHECK_THAT(e, Catch::Contains("s.json: reliability.components[0].target: unknown node \"westus\""));
    CHECK_THAT(e, Catch::Contains("allowed: a node id"));
  }
  SECTION("a fault that cannot hit the target's kind") {
    c0.erase("kind");
    c0["target"] = "apim-eastus2";
    CHECK_THAT(errors_of(doc),
               Catch::Contains("reliability.components[0].target: \"apim-eastus2\" is a gateway, which a "
                               "region_outage cannot hit (allowed: a region)"));
  }
  SECTION("both target and kind") {
    c0["target"] = "eastus2";
    CHECK_THAT(errors_of(doc), Catch::Contains("both \"target\" and \"kind\""));
  }
  SECTION("a malformed duration") {
    c0["time_to_repair"]["median"] = "4hours";
    CHECK_THAT(errors_of(doc), Catch::Contains("reliability.components[0].time_to_repair.median: not a duration"));
  }
  SECTION("an unknown distribution") {
    c0["time_between_failures"] = {{"distribution", "gamma"}, {"mean", "2y"}};
    CHECK_THAT(errors_of(doc), Catch::Contains("reliability.components[0].time_between_failures.distribution"));
  }
  SECTION("a fault type that is not a repairable failure") {
    c0["fault"] = "throttling";
    CHECK_THAT(errors_of(doc), Catch::Contains("reliability.components[0].fault"));
  }
  SECTION("an unknown crew policy") {
    doc["reliability"]["repair_crews"] = "two";
    CHECK_THAT(errors_of(doc), Catch::Contains("reliability.repair_crews"));
  }
  SECTION("a duplicate component") {
    doc["reliability"]["components"].push_back(c0);
    CHECK_THAT(errors_of(doc), Catch::Contains("duplicate component \"eastus2/region_outage\""));
  }
}

TEST_CASE("the scenario loader accepts the reliability key", "[planner][reliability]") {
  const auto scenario = load_scenario();
  CHECK(scenario.patterns.size() == 2);
  CHECK(scenario.faults.empty());
}
