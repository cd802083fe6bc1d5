#include <catch2/catch.hpp>
#include <cmath>

#include "faultline/engine/model/arrival_process.hpp"

using namespace faultline::engine;

namespace {

// Arrivals in [from_s, to_s) of a process started at t = 0.
int count_arrivals(const ArrivalProcess& p, double from_s, double to_s, std::uint64_t seed = 3) {
  RandomStream rng(seed, 0, "arrivals");
  int n = 0;
  for (SimTime t = p.next_after(kSimStart, rng); to_seconds(t) < to_s; t = p.next_after(t, rng)) {
    if (to_seconds(t) >= from_s) ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("arrival processes", "[engine][arrivals]") {
  SECTION("constant: exactly 1 / rate apart") {
    auto p = ArrivalProcess::constant(4);
    RandomStream rng(1, 0, "a");
    SimTime t = p.next_after(kSimStart, rng);
    CHECK(t == at_micros(250000));
    CHECK(p.next_after(t, rng) == at_micros(500000));
    CHECK(count_arrivals(p, 0, 10) == 39);  // 0.25, 0.5, ..., 9.75
  }
  SECTION("poisson: the count over 10000 s is within 1 % of rate x time") {
    CHECK(count_arrivals(ArrivalProcess::poisson(20), 0, 10000) == Approx(200000).epsilon(0.01));
  }
  SECTION("diurnal: rate peaks at the peak time and the daily count matches the mean") {
    auto p = ArrivalProcess::diurnal(10, 0.5, 43200);
    CHECK(p.rate_at(at_micros(43200LL * 1000000)) == Approx(15));
    CHECK(p.rate_at(kSimStart) == Approx(5));
    CHECK(count_arrivals(p, 0, 86400) == Approx(864000).epsilon(0.01));
    // Expected per hour: integral of 10 (1 + 0.5 cos(...)) -> about 15 x 3600 at the peak, 5 x 3600 at night.
    const int peak_hour = count_arrivals(p, 41400, 45000);
    const int night_hour = count_arrivals(p, 0, 1800) + count_arrivals(p, 84600, 86400);
    CHECK(peak_hour == Approx(53950).epsilon(0.02));   // 10 x (3600 + 0.5 x 86400/(2 pi) x 2 sin(pi/24)) = 53949
    CHECK(night_hour == Approx(18050).epsilon(0.02));  // 10 x (3600 - 0.5 x 86400/(2 pi) x 2 sin(pi/24)) = 18051
  }
  SECTION("bad parameters are rejected with the rule") {
    CHECK_THROWS_WITH(ArrivalProcess::poisson(0), "poisson arrivals: rate must be > 0 per second");
    CHECK_THROWS_WITH(ArrivalProcess::diurnal(5, 1.5, 0), "diurnal arrivals: amplitude must be in [0, 1]");
  }
}
