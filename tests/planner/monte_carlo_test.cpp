// Monte Carlo against the exact answers of domain-facts "Repairable systems",
// and its determinism across thread counts and shard splits.
#include <catch2/catch.hpp>

#include <cmath>

#include "faultline/planner/markov_chain.hpp"
#include "faultline/planner/mc_summary.hpp"
#include "faultline/contract/mc_json.hpp"
#include "faultline/planner/monte_carlo.hpp"

using namespace faultline::contract;
using namespace faultline::planner;
using faultline::engine::Distribution;

namespace {

// n alike components, MTBF 10 h and MTTR 1 h, exponential: A = m / (l + m) = 10 / 11 per unit.
ReliabilityModel alike(std::size_t n, RepairCrews crews) {
  ReliabilityModel model;
  model.repair_crews = crews;
  for (std::size_t i = 0; i < n; ++i) {
    ReliabilityComponent c;
    c.name = "unit" + std::to_string(i);
    c.target = c.name;
    c.time_between_failures = Distribution::exponential(36000);
    c.time_to_repair = Distribution::exponential(3600);
    model.components.push_back(c);
  }
  return model;
}

McResult run_structure_only(const ReliabilityModel& model, const StructureFunction& structure, unsigned threads,
                            std::uint64_t shard_index = 1, std::uint64_t shard_count = 1) {
  const faultline::engine::Scenario scenario;  // no patterns: only the structure function is measured
  McOptions options;
  options.years = 1;
  options.replications = 400;
  options.threads = threads;
  options.is_measuring_incidents = false;
  options.shard_index = shard_index;
  options.shard_count = shard_count;
  MonteCarlo mc(scenario, model, structure, options);
  return mc.run();
}

void check_within_ci(const ReliabilityModel& model, const StructureFunction& structure, double exact) {
  const McResult r = run_structure_only(model, structure, 2);
  const Estimate& e = r.summary.structure_availability;
  REQUIRE(e.half_width.has_value());
  INFO("MC " << e.mean << " +- " << *e.half_width << ", exact " << exact);
  CHECK(std::abs(e.mean - exact) <= *e.half_width);
  // The interval must be informative: narrower than the unavailability itself.
  CHECK(*e.half_width < (1 - exact) / 2);
  // And the Markov chain of the same model gives the same exact answer.
  CHECK(std::abs(MarkovChain::from_model(model).availability(structure) - exact) < 1e-9);
}

}  // namespace

TEST_CASE("Monte Carlo availability is within its 99 % interval of the exact answer", "[planner][mc]") {
  const double l = 1.0 / 36000;
  const double m = 1.0 / 3600;
  const double a = m / (l + m);
  SECTION("one unit: A = m / (l + m)") {
    check_within_ci(alike(1, RepairCrews::kIndependent), StructureFunction::k_of_n(1, 1), a);
  }
  SECTION("two redundant units, independent repair: 1 - (l / (l + m))^2") {
    check_within_ci(alike(2, RepairCrews::kIndependent), StructureFunction::k_of_n(1, 2), 1 - std::pow(l / (l + m), 2));
  }
  SECTION("two redundant units, shared crew: 1 - 2 l^2 / (m^2 + 2 l m + 2 l^2)") {
    check_within_ci(alike(2, RepairCrews::kShared), StructureFunction::k_of_n(1, 2),
                    1 - 2 * l * l / (m * m + 2 * l * m + 2 * l * l));
  }
  SECTION("2-of-3, independent repair: A^3 + 3 A^2 (1 - A)") {
    check_within_ci(alike(3, RepairCrews::kIndependent), StructureFunction::k_of_n(2, 3),
                    a * a * a + 3 * a * a * (1 - a));
  }
}

TEST_CASE("Monte Carlo results do not depend on threads or shards", "[planner][mc]") {
  const ReliabilityModel model = alike(2, RepairCrews::kShared);
  const StructureFunction structure = StructureFunction::k_of_n(1, 2);
  const McResult one = run_structure_only(model, structure, 1);
  SECTION("1 thread and 3 threads give equal documents") {
    const McResult three = run_structure_only(model, structure, 3);
    CHECK(to_mc_json_text(one) == to_mc_json_text(three));
  }
  SECTION("shards 1/3, 2/3 and 3/3 merged give the whole run") {
    std::vector<McResult> shards;
    for (std::uint64_t k = 3; k >= 1; --k) {
      shards.push_back(read_mc_json_text(to_mc_json_text(run_structure_only(model, structure, 2, k, 3)), "shard"));
    }
    CHECK(shards[0].records.size() == 133);  // shard 3/3: replications 2, 5, ..., 398
    CHECK(to_mc_json_text(merge_shards(shards)) == to_mc_json_text(one));
  }
  SECTION("a missing shard is refused") {
    std::vector<McResult> shards{run_structure_only(model, structure, 1, 1, 2)};
    CHECK_THROWS_WITH(merge_shards(shards), Catch::Contains("every shard"));
  }
}

TEST_CASE("Monte Carlo stops at the requested precision at a thread-independent point", "[planner][mc]") {
  const faultline::engine::Scenario scenario;
  McOptions options;
  options.years = 1;
  options.replications = 10000;
  options.batch_size = 16;
  options.precision = 0.004;
  options.is_measuring_incidents = false;
  const ReliabilityModel model = alike(1, RepairCrews::kIndependent);
  options.threads = 1;
  const McResult a = MonteCarlo(scenario, model, StructureFunction::k_of_n(1, 1), options).run();
  options.threads = 2;
  const McResult b = MonteCarlo(scenario, model, StructureFunction::k_of_n(1, 1), options).run();
  CHECK(a.records.size() < 10000);
  CHECK(a.records.size() % 16 == 0);
  CHECK(*a.summary.structure_availability.half_width <= 0.004);
  CHECK(to_mc_json_text(a) == to_mc_json_text(b));
}
