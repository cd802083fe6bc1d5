#include <catch2/catch.hpp>

#include "faultline/engine/kernel/sim_time.hpp"

using namespace faultline::engine;

TEST_CASE("simulated time is an integer count of microseconds", "[engine][time]") {
  SECTION("unit constructors") {
    CHECK(micros(7).count() == 7);
    CHECK(millis(3).count() == 3000);
    CHECK(seconds(2).count() == 2000000);
  }
  SECTION("fractional seconds round to the nearest microsecond") {
    CHECK(from_seconds(1.5).count() == 1500000);
    CHECK(from_seconds(0.0000004).count() == 0);
    CHECK(from_seconds(0.0000006).count() == 1);
    CHECK(from_seconds(-0.25).count() == -250000);
  }
  SECTION("conversion to seconds for reports") {
    CHECK(to_seconds(seconds(90)) == 90.0);
    CHECK(to_seconds(at_micros(2500000)) == 2.5);
    CHECK(to_seconds(kSimStart) == 0.0);
  }
  SECTION("time points and durations combine as std::chrono does") {
    SimTime t = kSimStart + seconds(30);
    t += millis(500);
    CHECK(t.time_since_epoch().count() == 30500000);
    CHECK((t - kSimStart) == micros(30500000));
  }
}
