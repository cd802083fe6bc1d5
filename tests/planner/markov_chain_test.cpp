// The Markov solver against the closed forms of domain-facts "Repairable systems".
#include <catch2/catch.hpp>

#include <cmath>

#include "faultline/planner/markov_chain.hpp"

using faultline::planner::MarkovChain;
using faultline::planner::RepairCrews;
using faultline::planner::StructureFunction;

namespace {
// MTBF 1000 h, MTTR 10 h, in seconds: l = 1 / 3.6e6 s, m = 1 / 3.6e4 s.
constexpr double kL = 1.0 / 3.6e6;
constexpr double kM = 1.0 / 3.6e4;
constexpr double kTolerance = 1e-9;
}  // namespace

TEST_CASE("Markov chain equals the closed forms of repairable systems", "[planner][markov]") {
  const double a = kM / (kL + kM);  // one unit: A = m / (l + m)
  SECTION("one unit") {
    const MarkovChain chain({kL}, {kM}, RepairCrews::kIndependent);
    CHECK(std::abs(chain.availability(StructureFunction::k_of_n(1, 1)) - a) < kTolerance);
  }
  SECTION("two redundant units, independent repair: U = (l / (l + m))^2") {
    const MarkovChain chain({kL, kL}, {kM, kM}, RepairCrews::kIndependent);
    const double u = std::pow(kL / (kL + kM), 2);
    CHECK(std::abs(chain.availability(StructureFunction::k_of_n(1, 2)) - (1 - u)) < kTolerance);
  }
  SECTION("two redundant units, one shared crew: U = 2 l^2 / (m^2 + 2 l m + 2 l^2)") {
    const MarkovChain chain({kL, kL}, {kM, kM}, RepairCrews::kShared);
    const double u = 2 * kL * kL / (kM * kM + 2 * kL * kM + 2 * kL * kL);
    CHECK(std::abs(chain.availability(StructureFunction::k_of_n(1, 2)) - (1 - u)) < kTolerance);
  }
  SECTION("2-of-3, independent repair: A^3 + 3 A^2 (1 - A)") {
    const MarkovChain chain({kL, kL, kL}, {kM, kM, kM}, RepairCrews::kIndependent);
    const double expected = a * a * a + 3 * a * a * (1 - a);
    CHECK(std::abs(chain.availability(StructureFunction::k_of_n(2, 3)) - expected) < kTolerance);
  }
  SECTION("the sparse solver (9 units, 512 states) equals 1-of-9 with independent repair") {
    const std::vector<double> l(9, 0.1);  // unreliable units so that the answer is far from 1
    const std::vector<double> m(9, 0.2);
    const MarkovChain chain(l, m, RepairCrews::kIndependent);
    REQUIRE(chain.state_count() > MarkovChain::kMaxDenseStates);
    const double u = std::pow(0.1 / 0.3, 9);
    CHECK(std::abs(chain.availability(StructureFunction::k_of_n(1, 9)) - (1 - u)) < kTolerance);
  }
}

TEST_CASE("Markov chain generator rows sum to zero and the steady state sums to one", "[planner][markov]") {
  const MarkovChain chain({kL, 2 * kL}, {kM, 3 * kM}, RepairCrews::kShared);
  const Eigen::MatrixXd q = chain.generator();
  for (Eigen::Index r = 0; r < q.rows(); ++r) CHECK(std::abs(q.row(r).sum()) < 1e-18);
  // Shared crew: in state {0,1} only component 0 (lowest index) is repaired.
  CHECK(q(3, 2) == kM);
  CHECK(q(3, 1) == 0.0);
  CHECK(std::abs(chain.steady_state().sum() - 1.0) < 1e-12);
}

TEST_CASE("Markov chain refuses what it cannot solve", "[planner][markov]") {
  CHECK_THROWS_WITH(MarkovChain(std::vector<double>(17, 1.0), std::vector<double>(17, 1.0), RepairCrews::kIndependent),
                    Catch::Contains("at most 16 components"));
  CHECK_THROWS_WITH(MarkovChain({0.0}, {1.0}, RepairCrews::kIndependent), Catch::Contains("> 0"));
  CHECK_THROWS_WITH(MarkovChain({1.0}, {1.0, 2.0}, RepairCrews::kIndependent), Catch::Contains("the same number"));
}
