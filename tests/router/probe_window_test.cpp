#include <catch2/catch.hpp>

#include <deque>
#include <string>
#include <vector>

#include "faultline/engine/kernel/random_stream.hpp"
#include "faultline/router/probe_window.hpp"

using namespace faultline::router;

namespace {

ProbeConfig probe_config(std::int64_t n, std::int64_t x) {
  ProbeConfig c;
  c.sample_size = n;
  c.successful_samples_required = x;
  c.timeout = std::chrono::milliseconds(10000);
  return c;
}

// Health after each probe of `results` ('S' = 200 within timeout, 'F' = 503), as a string of 'H'/'U'.
std::string run(std::int64_t n, std::int64_t x, const std::string& results) {
  ProbeWindow w(probe_config(n, x));
  std::string health;
  for (char c : results) {
    w.record(c == 'S' ? 200 : 503, std::chrono::milliseconds(10));
    health += w.is_healthy() ? 'H' : 'U';
  }
  return health;
}

}  // namespace

TEST_CASE("probe window: healthy iff >= x of the last n probes succeeded (Front Door)", "[router][probe]") {
  // Expected strings derived by hand: the window starts as n successes (optimistic
  // start), so from the start an endpoint turns unhealthy after n - x + 1 failures.
  struct Row {
    std::int64_t n, x;
    std::string results, health;
  };
  const std::vector<Row> rows = {
      {4, 2, "FFFSS", "HHUUH"},        // n-x+1 = 3 failures; recovers once 2 of the last 4 succeed
      {4, 3, "FFSSS", "HUUUH"},        // 2 failures; needs 3 successes back in the window
      {5, 5, "FSSSSS", "UUUUUH"},      // any failure; healthy again only after 5 successes
      {1, 1, "FSFS", "UHUH"},          // last probe decides
      {3, 1, "FFFSF", "HHUHH"},        // 3 failures; one success in the last 3 is enough
      {4, 2, "SFSFSFSF", "HHHHHHHH"},  // alternating never drops below 2 of 4
      {2, 2, "SSFS", "HHUU"},          // the failure stays in the window for 2 probes
  };
  for (const Row& row : rows) {
    INFO("n=" << row.n << " x=" << row.x << " results=" << row.results);
    CHECK(run(row.n, row.x, row.results) == row.health);
  }
}

TEST_CASE("probe window: only a 200 within the timeout counts", "[router][probe]") {
  ProbeWindow w(probe_config(1, 1));
  SECTION("latency equal to the timeout succeeds, one microsecond more fails") {
    w.record(200, std::chrono::milliseconds(10000));
    CHECK(w.is_healthy());
    w.record(200, std::chrono::milliseconds(10000) + Micros{1});
    CHECK_FALSE(w.is_healthy());
  }
  SECTION("other statuses fail, including 2xx other than 200 and 0 (no response)") {
    for (int status : {201, 204, 301, 404, 429, 500, 0}) {
      w.record(200, Micros{0});
      w.record(status, Micros{0});
      CHECK_FALSE(w.is_healthy());
    }
  }
  SECTION("record reports exactly the changes of health") {
    CHECK_FALSE(w.record(200, Micros{0}));
    CHECK(w.record(503, Micros{0}));
    CHECK_FALSE(w.record(503, Micros{0}));
    CHECK(w.record(200, Micros{0}));
  }
}

TEST_CASE("probe window: measured latency is the mean of the successful probes in the window", "[router][probe]") {
  ProbeWindow w(probe_config(2, 1));
  CHECK_FALSE(w.has_latency());
  w.record(503, std::chrono::milliseconds(5));
  CHECK_FALSE(w.has_latency());  // a failed probe measures nothing
  w.record(200, std::chrono::milliseconds(40));
  CHECK(w.latency() == std::chrono::milliseconds(40));
  w.record(200, std::chrono::milliseconds(60));
  CHECK(w.latency() == std::chrono::milliseconds(50));
  w.record(503, std::chrono::milliseconds(900));
  CHECK(w.latency() == std::chrono::milliseconds(60));  // window: 60 ms, failure
  w.record(503, std::chrono::milliseconds(900));
  CHECK(w.latency() == std::chrono::milliseconds(60));  // no success left: last known value stays
}

TEST_CASE("probe window agrees with a brute-force model on random streams", "[router][probe][property]") {
  // Reference: a deque of the last n results, pre-filled with n successes.
  faultline::engine::RandomStream rng(42, 0, "probe-window");
  for (std::int64_t n = 1; n <= 8; ++n) {
    for (std::int64_t x = 1; x <= n; ++x) {
      ProbeWindow w(probe_config(n, x));
      std::deque<bool> last(static_cast<std::size_t>(n), true);
      for (int i = 0; i < 500; ++i) {
        const bool ok = rng.bernoulli(0.6);
        w.record(ok ? 200 : 500, Micros{0});
        last.pop_front();
        last.push_back(ok);
        std::int64_t successes = 0;
        for (bool b : last) successes += b ? 1 : 0;
        REQUIRE(w.is_healthy() == (successes >= x));
      }
    }
  }
}
