// The rare-event estimator (balanced failure biasing, regenerative) against exact unavailabilities
// derived by hand and against the Markov chain on the shipped reliability scenarios.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "command_runner.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/planner/markov_chain.hpp"
#include "faultline/planner/rare_event_estimator.hpp"
#include "faultline/planner/reliability_loader.hpp"

namespace {

using faultline::engine::Distribution;
using faultline::planner::RareEventEstimate;
using faultline::planner::RareEventEstimator;
using faultline::planner::RareEventOptions;
using faultline::planner::ReliabilityComponent;
using faultline::planner::ReliabilityModel;
using faultline::planner::RepairCrews;
using faultline::planner::StructureFunction;

constexpr double kHour = 3600.0;

// Two alike components, MTBF and MTTR in hours.
ReliabilityModel two_units(double mtbf_h, double mttr_h, RepairCrews crews) {
  ReliabilityModel model;
  model.repair_crews = crews;
  for (const char* name : {"a", "b"}) {
    ReliabilityComponent c;
    c.name = name;
    c.target = name;
    c.time_between_failures = Distribution::exponential(mtbf_h * kHour);
    c.time_to_repair = Distribution::exponential(mttr_h * kHour);
    model.components.push_back(c);
  }
  return model;
}

RareEventEstimate estimate(const ReliabilityModel& model, const StructureFunction& structure, unsigned threads = 1) {
  RareEventOptions options;
  options.threads = threads;
  return RareEventEstimator(model, structure, options).run(20261204);
}

// The estimate is within 3 standard errors of `exact` and reached the default 10 % relative error.
void check_against(const RareEventEstimate& e, double exact) {
  INFO("estimate " << e.unavailability << " +- " << e.std_error << " over " << e.cycles << " cycles, exact " << exact);
  REQUIRE(e.relative_error);
  CHECK(e.is_converged);
  CHECK(*e.relative_error <= 0.1);
  CHECK(std::abs(e.unavailability - exact) <= 3 * e.std_error);
}

faultline::engine::Scenario load_scenario(const std::string& file) {
  auto loaded = faultline::engine::ScenarioLoader::load_file(faultline::testing::source_path(file));
  REQUIRE(loaded.scenario);
  return *loaded.scenario;
}

}  // namespace

TEST_CASE("Rare-event estimate of two parallel units equals the exact unavailability", "[planner][rare]") {
  const StructureFunction parallel = StructureFunction::k_of_n(1, 2);
  SECTION("U = 1e-4: MTBF 99 h, MTTR 1 h, independent repair") {
    // Each unit is down with probability q = MTTR / (MTBF + MTTR) = 1 / 100; independent repair keeps the
    // units independent, so the pair is down with q1 q2 = 1e-4.
    check_against(estimate(two_units(99, 1, RepairCrews::kIndependent), parallel), 1e-4);
  }
  SECTION("U = 1e-6: MTBF 999 h, MTTR 1 h, independent repair") {
    // q = 1 / 1000 per unit, U = q^2 = 1e-6.
    check_against(estimate(two_units(999, 1, RepairCrews::kIndependent), parallel), 1e-6);
  }
  SECTION("U ~ 2e-6: MTBF 1000 h, MTTR 1 h, one shared crew") {
    // Birth-death chain on the number down, r = l / m = 1e-3: pi1 = 2 r pi0, pi2 = r pi1 = 2 r^2 pi0, so
    // U = pi2 = 2 r^2 / (1 + 2 r + 2 r^2) = 2e-6 / 1.002002 = 1.996004e-6.
    check_against(estimate(two_units(1000, 1, RepairCrews::kShared), parallel), 2e-6 / 1.002002);
  }
  SECTION("U = 1e-9: three units of q = 1e-3 in parallel") {
    ReliabilityModel model = two_units(999, 1, RepairCrews::kIndependent);
    model.components.push_back(model.components.front());
    model.components.back().name = "c";
    check_against(estimate(model, StructureFunction::k_of_n(1, 3)), 1e-9);  // q^3
  }
}

TEST_CASE("Rare-event estimate equals the Markov chain on the shipped reliability scenarios", "[planner][rare]") {
  for (const std::string file : {"scenarios/reliability-two-region.json", "scenarios/reliability-k-of-n.json"}) {
    SECTION(file) {
      const auto scenario = load_scenario(file);
      const auto reliability = faultline::planner::ReliabilityLoader::load_file(scenario);
      REQUIRE(reliability.model);
      const auto structure = StructureFunction::serving(scenario, *reliability.model);
      RareEventEstimate e = estimate(*reliability.model, structure);
      faultline::planner::compare_with_markov(e, *reliability.model, structure);
      REQUIRE(e.markov_unavailability);
      check_against(e, *e.markov_unavailability);
      REQUIRE(e.ratio);
      CHECK(*e.ratio == e.unavailability / *e.markov_unavailability);
    }
  }
}

TEST_CASE("Rare-event estimate is the same for any thread count", "[planner][rare]") {
  const auto model = two_units(999, 1, RepairCrews::kIndependent);
  const auto parallel = StructureFunction::k_of_n(1, 2);
  const RareEventEstimate one = estimate(model, parallel, 1);
  CHECK(estimate(model, parallel, 2) == one);
  CHECK(estimate(model, parallel, 3) == one);
}

TEST_CASE("Rare-event biasing beats plain simulation of the same chain at 1e-6", "[planner][rare]") {
  // Same cycles, same chain: plain simulation sees a double failure in about 1 cycle in 1000 (the second unit
  // must fail within the first's repair, l / (l + m) = 1e-3 per unit), so its relative error is far larger.
  const auto model = two_units(999, 1, RepairCrews::kIndependent);
  RareEventOptions options;
  options.relative_error = 1e-6;  // out of reach: both run to the cap
  options.max_cycles = 32768;     // 8 rounds of 16 batches of 256
  const RareEventEstimate biased = RareEventEstimator(model, StructureFunction::k_of_n(1, 2), options).run(7);
  options.is_biased = false;
  const RareEventEstimate plain = RareEventEstimator(model, StructureFunction::k_of_n(1, 2), options).run(7);
  CHECK(biased.cycles == 32768);
  CHECK(plain.cycles == 32768);
  REQUIRE(biased.relative_error);
  REQUIRE(plain.relative_error);
  CHECK(*biased.relative_error * 3 < *plain.relative_error);
}

TEST_CASE("Rare-event estimator refuses bad options", "[planner][rare]") {
  const auto model = two_units(99, 1, RepairCrews::kIndependent);
  RareEventOptions options;
  options.relative_error = 0;
  CHECK_THROWS_AS(RareEventEstimator(model, StructureFunction::k_of_n(1, 2), options), std::invalid_argument);
  options = {};
  options.failure_bias = 1;
  CHECK_THROWS_AS(RareEventEstimator(model, StructureFunction::k_of_n(1, 2), options), std::invalid_argument);
  CHECK_THROWS_AS(RareEventEstimator(model, StructureFunction::k_of_n(1, 3), {}), std::invalid_argument);
}
