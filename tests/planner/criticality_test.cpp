// Criticality per component (docs/planner.md, "Criticality"): the downing-event
// attribution of an incident, the shares it gives, and Birnbaum importance from
// the Markov chain against the closed forms of two-component systems.
#include <catch2/catch.hpp>

#include <cmath>

#include "faultline/planner/criticality.hpp"
#include "faultline/planner/markov_chain.hpp"

using namespace faultline::contract;
using namespace faultline::planner;
using faultline::engine::SimDuration;

namespace {

constexpr std::int64_t kMinuteUs = 60'000'000;

IncidentFault fault(std::size_t component, std::int64_t at_min, std::int64_t for_min) {
  return {component, SimDuration{at_min * kMinuteUs}, SimDuration{for_min * kMinuteUs}};
}

PatternReplication pattern_with(std::vector<ComponentTally> tallies) {
  PatternReplication p;
  p.by_component = std::move(tallies);
  return p;
}

}  // namespace

TEST_CASE("an incident counts against the component whose failure took the system down", "[planner][criticality]") {
  // A (0) fails at 0 min for 10 min; B (1) fails at 5 min for 10 min.
  const std::vector<IncidentFault> overlap{fault(0, 0, 10), fault(1, 5, 10)};
  SECTION("series: A's failure downs it") {
    CHECK(Criticality::attribute(StructureFunction::k_of_n(2, 2), overlap) == 0);
  }
  SECTION("parallel: B's failure downs it, A being already down") {
    CHECK(Criticality::attribute(StructureFunction::k_of_n(1, 2), overlap) == 1);
  }
  SECTION("parallel, never down: the first failure") {
    CHECK(Criticality::attribute(StructureFunction::k_of_n(1, 2), {fault(1, 0, 10)}) == 1);
  }
  SECTION("a repair at the instant of the next failure comes first") {
    // A is repaired at 5 min as B fails: the pair is never down together, so A (the first failure) is charged.
    CHECK(Criticality::attribute(StructureFunction::k_of_n(1, 2), {fault(0, 0, 5), fault(1, 5, 10)}) == 0);
  }
}

TEST_CASE("criticality shares match the hand-computed shares of two components and sum to 1",
          "[planner][criticality]") {
  // Replication 1: A has 1 incident (100 s down, 10 lost writes), B 2 incidents (300 s, 0 writes).
  // Replication 2: A has 1 incident (0 s, 30 lost writes).
  // Totals: incidents A 2, B 2 of 4 -> 0.5 / 0.5; downtime A 100, B 300 of 400 s -> 0.25 / 0.75;
  // lost writes A 40, B 0 of 40 -> 1 / 0.
  ReplicationRecord r1;
  r1.patterns.push_back(pattern_with({{0, 1, 100, 10}, {1, 2, 300, 0}}));
  ReplicationRecord r2;
  r2.patterns.push_back(pattern_with({{0, 1, 0, 30}}));
  const auto c = Criticality::summarize({r1, r2}, 0, {"A", "B"});
  REQUIRE(c.size() == 2);
  CHECK(c[0].component == "A");
  CHECK(c[0].incidents == 2);
  CHECK(c[0].downtime_s == 100);
  CHECK(c[0].lost_writes == 40);
  CHECK(*c[0].incident_share == 0.5);
  CHECK(*c[1].incident_share == 0.5);
  CHECK(*c[0].downtime_share == 0.25);
  CHECK(*c[1].downtime_share == 0.75);
  CHECK(*c[0].lost_write_share == 1.0);
  CHECK(*c[1].lost_write_share == 0.0);
  CHECK(*c[0].incident_share + *c[1].incident_share == 1.0);
  CHECK(*c[0].downtime_share + *c[1].downtime_share == 1.0);

  SECTION("add keeps tallies ascending and sums an incident into its component") {
    std::vector<ComponentTally> t;
    Criticality::add(t, 1, 60, 0);
    Criticality::add(t, 0, 30, 5);
    Criticality::add(t, 1, 40, 2);
    REQUIRE(t.size() == 2);
    CHECK(t[0] == ComponentTally{0, 1, 30, 5});
    CHECK(t[1] == ComponentTally{1, 2, 100, 2});
  }
  SECTION("no incidents: no shares") {
    ReplicationRecord quiet;
    quiet.patterns.emplace_back();
    const auto q = Criticality::summarize({quiet}, 0, {"A", "B"});
    CHECK_FALSE(q[0].incident_share.has_value());
    CHECK_FALSE(q[1].downtime_share.has_value());
  }
}

TEST_CASE("Birnbaum importance from the Markov chain matches the two-component closed forms",
          "[planner][criticality]") {
  // Independent repair: a_i = m_i / (l_i + m_i); l = (1, 1), m = (3, 9) per s gives a_1 = 0.75, a_2 = 0.9.
  const MarkovChain chain({1, 1}, {3, 9}, RepairCrews::kIndependent);
  const auto pi = chain.steady_state();
  SECTION("series: I_B(1) = a_2 = 0.9, I_B(2) = a_1 = 0.75") {
    const auto b = Criticality::birnbaum(pi, StructureFunction::k_of_n(2, 2));
    CHECK(std::abs(b[0] - 0.9) < 1e-12);
    CHECK(std::abs(b[1] - 0.75) < 1e-12);
  }
  SECTION("parallel: I_B(1) = 1 - a_2 = 0.1, I_B(2) = 1 - a_1 = 0.25") {
    const auto b = Criticality::birnbaum(pi, StructureFunction::k_of_n(1, 2));
    CHECK(std::abs(b[0] - 0.1) < 1e-12);
    CHECK(std::abs(b[1] - 0.25) < 1e-12);
  }
  SECTION("solve_markov reports it next to the availability") {
    ReliabilityModel model;
    for (int i = 0; i < 2; ++i) {
      ReliabilityComponent c;
      c.name = "u" + std::to_string(i);
      c.time_between_failures = faultline::engine::Distribution::exponential(1.0);
      c.time_to_repair = faultline::engine::Distribution::exponential(i == 0 ? 1.0 / 3 : 1.0 / 9);
      model.components.push_back(c);
    }
    const MarkovAnswer answer = solve_markov(model, StructureFunction::k_of_n(2, 2));
    REQUIRE(answer.birnbaum.size() == 2);
    // Series availability a_1 a_2 = 0.675.
    CHECK(std::abs(*answer.availability - 0.675) < 1e-12);
    CHECK(std::abs(answer.birnbaum[0] - 0.9) < 1e-12);
  }
}
