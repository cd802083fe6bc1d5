#include <catch2/catch.hpp>
#include <cstdint>
#include <set>

#include "faultline/engine/kernel/random_stream.hpp"
#include "faultline/engine/kernel/simulation.hpp"

using namespace faultline::engine;

// Expected values come from tests/engine/reference/random_reference.py, an
// independent Python implementation of splitmix64 and xoshiro256++.

TEST_CASE("generators reproduce the published algorithms", "[engine][random]") {
  SECTION("splitmix64 from state 0") {
    std::uint64_t state = 0;
    CHECK(splitmix64(state) == 0xE220A8397B1DCDAFULL);
    CHECK(splitmix64(state) == 0x6E789E6AA1B965F4ULL);
  }
  SECTION("xoshiro256++ from state {1, 2, 3, 4}: first value is rotl(1 + 4, 23) + 1") {
    auto g = RandomStream::from_state({1, 2, 3, 4});
    CHECK(g.next_u64() == 41943041ULL);
    CHECK(g.next_u64() == 58720359ULL);
    CHECK(g.next_u64() == 3588806011781223ULL);
  }
}

TEST_CASE("streams are keyed by (master seed, replication, name, index)", "[engine][random]") {
  SECTION("a key gives fixed values") {
    RandomStream g(2026, 7, "arrivals");
    CHECK(g.next_u64() == 0x3C7639F4BDF34B0BULL);
    CHECK(g.next_u64() == 0x5A205E5E4B56F8A0ULL);
    RandomStream h(2026, 7, "arrivals", 1);
    CHECK(h.next_u64() == 0xCA52C23911AB0ADEULL);
  }
  SECTION("identical keys give identical streams") {
    RandomStream a(5, 1, "outages");
    RandomStream b(5, 1, "outages");
    for (int i = 0; i < 1000; ++i) REQUIRE(a.next_u64() == b.next_u64());
  }
  SECTION("changing any part of the key changes the stream") {
    std::set<std::uint64_t> firsts;
    firsts.insert(RandomStream(5, 1, "outages").next_u64());
    firsts.insert(RandomStream(6, 1, "outages").next_u64());
    firsts.insert(RandomStream(5, 2, "outages").next_u64());
    firsts.insert(RandomStream(5, 1, "arrivals").next_u64());
    firsts.insert(RandomStream(5, 1, "outages", 1).next_u64());
    CHECK(firsts.size() == 5);
  }
  SECTION("a simulation hands out the stream of its own seed and replication") {
    Simulation sim(2026, 7);
    auto g = sim.stream("arrivals");
    CHECK(g.next_u64() == 0x3C7639F4BDF34B0BULL);
  }
}

TEST_CASE("samplers give fixed values for a fixed seed", "[engine][random]") {
  RandomStream g(2026, 7, "arrivals");
  SECTION("uniform01 takes the top 53 bits") { CHECK(g.uniform01() == 0.23617899155756306); }
  SECTION("exponential by inverse transform") { CHECK(g.exponential(30) == Approx(43.29495967867979).epsilon(1e-14)); }
  SECTION("normal by the polar method") { CHECK(g.normal(10, 2) == Approx(7.526533248832358).epsilon(1e-14)); }
  SECTION("weibull by inverse transform") { CHECK(g.weibull(1.5, 100) == Approx(127.70582975263056).epsilon(1e-14)); }
  SECTION("uniform_index stays in range and hits every value") {
    std::set<std::uint64_t> seen;
    for (int i = 0; i < 2000; ++i) {
      const auto v = g.uniform_index(7);
      REQUIRE(v < 7);
      seen.insert(v);
    }
    CHECK(seen.size() == 7);
  }
}
