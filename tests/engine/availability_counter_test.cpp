#include <catch2/catch.hpp>

#include <cstdint>
#include <stdexcept>

#include "faultline/engine/model/availability_counter.hpp"

using namespace faultline::engine;

namespace {

// Records n requests spread over [from_s, from_s + 50 s): `fail` of them fail, `slow` more succeed in 250 ms,
// the rest succeed in `latency_ms`.
void feed(AvailabilityCounter& counter, std::int64_t from_s, int n, int fail, int slow, std::int64_t latency_ms) {
  for (int i = 0; i < n; ++i) {
    const SimTime t = kSimStart + seconds(from_s) + millis(i * 50000 / n);
    if (i < fail) {
      counter.record(t, false, millis(30));
    } else if (i < fail + slow) {
      counter.record(t, true, millis(250));
    } else {
      counter.record(t, true, millis(latency_ms));
    }
  }
}

// Five 1-minute windows over a 300 s run:
// [0, 60): 100 ok at 100 ms -> good 100/100, met
// [60, 120): 100 with 1 failure -> good 99/100 = 0.99, met
// [120, 180): 100 ok, 2 of them at 250 ms > 200 ms SLO -> good 98/100, not met (met without a latency SLO)
// [180, 240): no traffic -> met (no evidence)
// [240, 300): 10 ok at exactly 200 ms (<= SLO is good) -> met
void feed_five_windows(AvailabilityCounter& counter) {
  feed(counter, 0, 100, 0, 0, 100);
  feed(counter, 60, 100, 1, 0, 100);
  feed(counter, 120, 100, 0, 2, 100);
  feed(counter, 240, 10, 0, 0, 200);
}

}  // namespace

TEST_CASE("availability and SLO windows of a workload class", "[engine][metrics][availability]") {
  SECTION("with a latency SLO of 200 ms") {
    AvailabilityCounter counter(SloConfig{0.99, millis(200), seconds(60)});
    feed_five_windows(counter);
    counter.finish(kSimStart + seconds(300));
    CHECK(counter.offered() == 310);
    CHECK(counter.succeeded() == 309);
    CHECK(counter.good() == 307);  // 100 + 99 + 98 + 10
    CHECK(counter.availability() == 309.0 / 310.0);
    CHECK(counter.windows() == 5);
    CHECK(counter.windows_with_traffic() == 4);
    CHECK(counter.windows_met() == 4);
    CHECK(counter.slo_window_share() == 0.8);
  }
  SECTION("without a latency SLO the slow window meets it") {
    AvailabilityCounter counter(SloConfig{0.99, std::nullopt, seconds(60)});
    feed_five_windows(counter);
    counter.finish(kSimStart + seconds(300));
    CHECK(counter.good() == 309);
    CHECK(counter.windows_met() == 5);
    CHECK(counter.slo_window_share() == 1.0);
  }
  SECTION("a run end inside a window counts the partial window: ceil(250 / 60) = 5") {
    AvailabilityCounter counter(SloConfig{0.99, millis(200), seconds(60)});
    feed(counter, 0, 100, 0, 0, 100);
    counter.finish(kSimStart + seconds(250));
    CHECK(counter.windows() == 5);
    CHECK(counter.windows_met() == 5);
  }
  SECTION("a request exactly at the run end opens one more window") {
    AvailabilityCounter counter(SloConfig{0.99, std::nullopt, seconds(60)});
    counter.record(kSimStart + seconds(120), false, millis(1));
    counter.finish(kSimStart + seconds(120));
    CHECK(counter.windows() == 3);
    CHECK(counter.windows_met() == 2);
  }
  SECTION("no traffic") {
    AvailabilityCounter counter;
    counter.finish(kSimStart + seconds(90));
    CHECK_FALSE(counter.availability().has_value());
    CHECK(counter.windows() == 2);
    CHECK(counter.slo_window_share() == 1.0);
  }
}

TEST_CASE("availability counter refuses misuse", "[engine][metrics][availability]") {
  AvailabilityCounter counter;
  counter.record(kSimStart + seconds(130), true, millis(1));
  CHECK_THROWS_AS(counter.windows(), std::logic_error);
  CHECK_THROWS_AS(counter.record(kSimStart + seconds(119), true, millis(1)), std::logic_error);
  CHECK_THROWS_AS(counter.finish(kSimStart + seconds(100)), std::logic_error);
  CHECK_THROWS_AS(AvailabilityCounter(SloConfig{1.5, std::nullopt, seconds(60)}), std::invalid_argument);
  CHECK_THROWS_AS(AvailabilityCounter(SloConfig{0.9, std::nullopt, millis(100)}), std::invalid_argument);
  counter.finish(kSimStart + seconds(180));
  CHECK_THROWS_AS(counter.record(kSimStart + seconds(170), true, millis(1)), std::logic_error);
}
