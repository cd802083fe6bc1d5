#include <catch2/catch.hpp>

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "faultline/engine/kernel/random_stream.hpp"
#include "faultline/engine/model/sliding_window_ratio.hpp"

using namespace faultline::engine;

namespace {
SimTime at_ms(std::int64_t ms) { return kSimStart + millis(ms); }
}  // namespace

TEST_CASE("sliding window ratio over whole seconds", "[engine][metrics][window]") {
  SlidingWindowRatio window(seconds(3));
  window.record(at_ms(500), 1, 1);   // second 0
  window.record(at_ms(1200), 0, 2);  // second 1
  window.record(at_ms(2900), 1, 1);  // second 2

  SECTION("the window at t holds seconds floor(t) - 2 .. floor(t)") {
    CHECK(window.window_at(at_ms(2900)) == WindowCounts{2, 4});  // seconds 0..2
    CHECK(window.ratio_at(at_ms(2999)) == 0.5);
  }
  SECTION("moving on expires whole seconds") {
    CHECK(window.window_at(at_ms(3000)) == WindowCounts{1, 3});  // seconds 1..3
    CHECK(window.window_at(at_ms(4500)) == WindowCounts{1, 1});  // seconds 2..4
    CHECK(window.window_at(at_ms(5000)) == WindowCounts{0, 0});  // seconds 3..5
    CHECK_FALSE(window.ratio_at(at_ms(5000)).has_value());       // no traffic: no evidence
  }
  SECTION("a jump longer than the window clears it") {
    window.record(at_ms(100000), 3, 4);
    CHECK(window.window_at(at_ms(100999)) == WindowCounts{3, 4});
    CHECK(window.window_at(at_ms(102999)) == WindowCounts{3, 4});
    CHECK(window.window_at(at_ms(103000)) == WindowCounts{0, 0});
  }
  SECTION("going back before the newest second is refused") {
    window.window_at(at_ms(4000));
    CHECK_THROWS_AS(window.record(at_ms(3999), 1, 1), std::logic_error);
    CHECK_THROWS_AS(window.window_at(at_ms(2000)), std::logic_error);
    window.record(at_ms(4001), 1, 1);                            // same second as the query: fine
    CHECK(window.window_at(at_ms(4001)) == WindowCounts{2, 2});  // seconds 2..4
  }
  SECTION("bad arguments") {
    CHECK_THROWS_AS(window.record(at_ms(3000), 2, 1), std::invalid_argument);
    CHECK_THROWS_AS(SlidingWindowRatio(millis(1500)), std::invalid_argument);
    CHECK_THROWS_AS(SlidingWindowRatio(seconds(0)), std::invalid_argument);
    CHECK(SlidingWindowRatio().window() == seconds(60));
  }
}

TEST_CASE("sliding window ratio matches a brute-force recount", "[engine][metrics][window]") {
  // Records at random times with random gaps (some longer than W); after each,
  // the window is recounted from the full list of records.
  struct Rec {
    std::int64_t us;
    std::uint64_t ok;
    std::uint64_t n;
  };
  constexpr std::int64_t kWindowS = 7;
  SlidingWindowRatio window(seconds(kWindowS));
  std::vector<Rec> all;
  RandomStream rng(3, 0, "window");
  std::int64_t t = 0;
  for (int i = 0; i < 3000; ++i) {
    t += static_cast<std::int64_t>(rng.exponential(rng.bernoulli(0.02) ? 12e6 : 0.4e6));
    const std::uint64_t n = 1 + rng.uniform_index(3);
    const std::uint64_t ok = rng.uniform_index(n + 1);
    window.record(at_micros(t), ok, n);
    all.push_back({t, ok, n});
    const std::int64_t query = t + static_cast<std::int64_t>(rng.uniform_index(3'000'000));
    const std::int64_t last_second = query / 1'000'000;
    WindowCounts expected;
    for (const Rec& r : all) {
      const std::int64_t s = r.us / 1'000'000;
      if (s > last_second - kWindowS && s <= last_second) {
        expected.succeeded += r.ok;
        expected.offered += r.n;
      }
    }
    REQUIRE(window.window_at(at_micros(query)) == expected);
    t = std::max(t, query);
  }
}
