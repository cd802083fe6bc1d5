// The `plan` section (the search space of `faultline plan`) and the phase of
// an incident window in the backup schedule.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "command_runner.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/planner/monte_carlo.hpp"
#include "faultline/planner/plan_evaluator.hpp"
#include "faultline/planner/plan_space_loader.hpp"
#include "faultline/planner/reliability_loader.hpp"
#include "faultline/planner/structure_function.hpp"

using faultline::contract::BreakerSettings;
using faultline::contract::ProbeSamples;
using namespace faultline::planner;
using faultline::testing::source_path;
using nlohmann::json;

namespace {

faultline::engine::Scenario load_scenario(const char* file) {
  auto loaded = faultline::engine::ScenarioLoader::load_file(source_path(file));
  INFO(loaded.error_report());
  REQUIRE(loaded.scenario);
  return *loaded.scenario;
}

json scenario_json(const char* file) {
  std::ifstream in(source_path(file));
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

// Every error of `plan` placed in the reliability scenario, one per line.
std::string errors_of(const json& plan) {
  const auto scenario = load_scenario("scenarios/reliability-two-region.json");
  json doc = scenario_json("scenarios/reliability-two-region.json");
  doc["plan"] = plan;
  const PlanSpaceLoadResult r = PlanSpaceLoader::load_json(doc, "s.json", scenario);
  CHECK_FALSE(r.space.has_value());
  return r.error_report();
}

}  // namespace

TEST_CASE("the plan section: defaults, the shipped example and every mistake", "[planner][plan]") {
  SECTION("absent: the documented defaults") {
    const auto scenario = load_scenario("scenarios/reliability-two-region.json");
    const PlanSpaceLoadResult r = PlanSpaceLoader::load_file(scenario);
    REQUIRE(r.space);
    CHECK(r.space->region_pairs.empty());
    CHECK(r.space->standby_fractions == std::vector<double>{0.25, 0.5, 1.0});
    CHECK(r.space->probe_samples == std::vector<ProbeSamples>{{1, 2}, {2, 4}, {3, 4}});
    CHECK(r.space->backup_intervals_s == std::vector<double>{900, 3600, 14400});
    CHECK(r.space->max_candidates == 120);
  }
  SECTION("scenarios/plan-three-region.json") {
    const auto scenario = load_scenario("scenarios/plan-three-region.json");
    const PlanSpaceLoadResult r = PlanSpaceLoader::load_file(scenario);
    INFO(r.error_report());
    REQUIRE(r.space);
    CHECK(r.space->standby_fractions == std::vector<double>{0.5});
    CHECK(r.space->probe_intervals_s == std::vector<double>{10});
    CHECK(r.space->probe_samples.empty());
    CHECK(r.space->breakers.empty());
    CHECK(r.space->replication_modes.at("database") ==
          std::vector{faultline::topology::ReplicationMode::kSync, faultline::topology::ReplicationMode::kAsync});
    CHECK(r.space->backup_intervals_s == std::vector<double>{3600});
    CHECK(r.space->max_candidates == 40);
  }
  SECTION("a breaker list and explicit region pairs") {
    const auto scenario = load_scenario("scenarios/reliability-two-region.json");
    json doc = scenario_json("scenarios/reliability-two-region.json");
    doc["plan"] = {{"region_pairs", json::array({json::array({"centralus", "eastus2"})})},
                   {"breakers", {{{"failure_rate_threshold", 30}, {"minimum_calls", 10}, {"open_wait", "2m"}}}}};
    const PlanSpaceLoadResult r = PlanSpaceLoader::load_json(doc, "s.json", scenario);
    INFO(r.error_report());
    REQUIRE(r.space);
    CHECK(r.space->region_pairs == std::vector<std::vector<std::string>>{{"centralus", "eastus2"}});
    CHECK(r.space->breakers == std::vector<BreakerSettings>{{30, 10, 120}});
  }
  SECTION("mistakes name the file, the path, the problem and what is allowed") {
    CHECK(errors_of({{"region_pairs", json::array({json::array({"eastus2", "mars"})})}}) ==
          "s.json: plan.region_pairs[0][1]: \"mars\" is not a region of the topology (allowed: one of eastus2, "
          "centralus)\n");
    CHECK(errors_of({{"replication_modes", {{"object_storage", {"sync"}}}}}) ==
          "s.json: plan.replication_modes.object_storage[0]: sync replication of object_storage (allowed: sync only "
          "for a database (domain-facts: storage geo-replication is asynchronous))\n");
    CHECK(errors_of({{"probe_samples", {{{"required", 5}, {"of", 4}}}}}) ==
          "s.json: plan.probe_samples[0].required: requires 5 of 4 samples (allowed: required <= of)\n");
    CHECK(errors_of({{"standby_fractions", {0}}}) ==
          "s.json: plan.standby_fractions[0]: standby fraction 0 (allowed: a number in (0, 1]: 0 would turn "
          "Hot/Warm into Hot/Cold)\n");
    CHECK(errors_of({{"backup_intervals", {"soon"}}}) ==
          "s.json: plan.backup_intervals[0]: not a duration: \"soon\" (allowed: a number of seconds or a string like "
          "\"10s\", \"15m\", \"4h\")\n");
    CHECK_THAT(errors_of({{"max_candidate", 3}}), Catch::Contains("plan.max_candidate"));
  }
}

TEST_CASE("an incident window keeps its phase in the backup schedule", "[planner][mc]") {
  // Hot/Warm with every store copied hourly. An incident starting at `start` is measured in a window
  // from start - 600 s; the store's RPO is the time since the last whole hour at the fault.
  faultline::engine::Scenario scenario = load_scenario("scenarios/reliability-two-region.json");
  scenario.patterns = {scenario.patterns.at(1)};
  for (auto& [store, r] : scenario.patterns[0].stores) {
    r.mode = faultline::topology::ReplicationMode::kBackupRestore;
    r.backup_interval = faultline::engine::seconds(3600);
  }
  const ReliabilityLoadResult reliability = ReliabilityLoader::load_file(scenario);
  REQUIRE(reliability.model);
  const StructureFunction structure = StructureFunction::serving(scenario, *reliability.model);
  McOptions options;
  options.is_measuring_incidents = true;
  MonteCarlo mc(scenario, *reliability.model, structure, options);
  // Component 0: eastus2's region outage, 30 minutes.
  const std::vector<IncidentFault> outage{{0, faultline::engine::SimDuration{0}, faultline::engine::seconds(1800)}};
  const auto at = [](std::int64_t s) { return faultline::engine::SimTime{faultline::engine::seconds(s)}; };
  SECTION("10 h 25 min: 25 min since the 10 h copy") {
    CHECK(mc.measure(0, outage, at(10 * 3600 + 25 * 60)).rpo_s == 1500.0);
  }
  SECTION("3 days 0 h 50 min: 50 min since the last copy") {
    CHECK(mc.measure(0, outage, at(72 * 3600 + 50 * 60)).rpo_s == 3000.0);
  }
  SECTION("5 min after t = 0 (the window starts before it): 5 min") {
    CHECK(mc.measure(0, outage, at(300)).rpo_s == 300.0);
  }
}

TEST_CASE("the plan search varies breakers and probe x/n one at a time, then combines", "[planner][plan]") {
  // Hot/Warm of the reliability scenario with a resilience4j breaker at its defaults (50 %, 100 calls, 60 s).
  faultline::engine::Scenario scenario = load_scenario("scenarios/reliability-two-region.json");
  scenario.patterns = {scenario.patterns.at(1)};
  scenario.patterns[0].router.breaker = faultline::router::BreakerConfig{};
  const ReliabilityLoadResult reliability = ReliabilityLoader::load_file(scenario);
  REQUIRE(reliability.model);
  PlanSpace space;
  space.standby_fractions.clear();
  space.probe_intervals_s.clear();
  space.replication_modes.clear();
  space.probe_samples = {{2, 4}};
  space.breakers = {{25, 20, 30}};
  McOptions options;
  options.years = 0.5;
  options.replications = 2;
  options.threads = 1;
  PlanEvaluator evaluator(scenario, *reliability.model, space, options);
  std::vector<std::pair<std::size_t, std::size_t>> progress;
  const PlanSearchResult r =
      evaluator.evaluate([&](std::size_t done, std::size_t bound) { progress.emplace_back(done, bound); });
  // Screen: own, x/n 2/4, breaker 25 %: 3. Combine: at most the 2 x 2 product minus the 3 already run.
  CHECK(r.screened == 3);
  REQUIRE(r.candidates.size() >= 3);
  REQUIRE(r.candidates.size() <= 4);
  CHECK(r.candidates[0].label == "hot-warm standby 0.25 probe 30s");
  CHECK(r.candidates[0].breaker == BreakerSettings{50, 100, 60});
  CHECK(r.candidates[0].probe_samples == ProbeSamples{3, 4});
  CHECK(r.candidates[1].label == "hot-warm standby 0.25 probe 30s x/n 2/4");
  CHECK(r.candidates[1].probe_samples == ProbeSamples{2, 4});
  CHECK(r.candidates[1].changes == 1);
  CHECK(r.candidates[2].label == "hot-warm standby 0.25 probe 30s breaker 25%/20/30s");
  CHECK(r.candidates[2].breaker == BreakerSettings{25, 20, 30});
  if (r.candidates.size() == 4) {
    CHECK(r.candidates[3].label == "hot-warm standby 0.25 probe 30s x/n 2/4 breaker 25%/20/30s");
    CHECK(r.candidates[3].stage == "combine");
    CHECK(r.candidates[3].changes == 2);
  }
  // The progress bound never falls below the candidates run (the bar only moves forward).
  REQUIRE(progress.size() == r.candidates.size());
  for (const auto& [done, bound] : progress) CHECK(done <= bound);
  CHECK(progress.back().first == r.candidates.size());
  // Breakers and probes are not priced: every candidate costs the same.
  for (const auto& c : r.candidates) CHECK(c.monthly_cost_usd == r.candidates[0].monthly_cost_usd);
}
