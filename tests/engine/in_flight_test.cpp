// Calls in flight when their region, gateway or deployment fails are dropped at
// that instant (domain-facts, APIM multi-region: "a failed region's in-flight
// requests are dropped"; issue 16 item 6). Setting (data_scenario.hpp): constant
// arrivals 2/s at 0.5, 1.0, ... s, 1 s of service, eastus2 fails at 1,234 s.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "data_scenario.hpp"

using namespace faultline::engine;
using nlohmann::json;

namespace {

// Failed requests recorded in the series bucket holding `t_s`.
std::uint64_t failed_at(const PatternResult& r, double t_s) {
  const SeriesResult& s = r.series;
  for (std::size_t b = 0; b < s.start_s.size(); ++b) {
    if (s.start_s[b] <= t_s && t_s < s.start_s[b] + s.bucket_s) return s.failed[b];
  }
  FAIL("no bucket holds " << t_s);
  return 0;
}

}  // namespace

TEST_CASE("in-flight calls fail when their region fails, not when they would have ended", "[engine][in-flight]") {
  json scenario = faultline::testing::data_scenario();
  scenario["workloads"][0]["writes_per_request"] = 0;
  SECTION("region outage: the two calls in flight fail at the fault's instant") {
    // Hot/Warm: everything goes to eastus2. At F = 1,234 s the arrivals of 1,233.0 and
    // 1,233.5 s are in flight (1 s of service + a round trip of at least 24 ms): both fail
    // at 1,234 s, in the 3 s bucket [1,233, 1,236) (a 1 h run has 1,200 buckets). Calls
    // sent at or after F time out 30 s later, from 1,264 s: none lands in that bucket.
    const PatternResult r = faultline::testing::run_data_pattern(scenario, {{"name", "hot-warm"}});
    REQUIRE(r.series.bucket_s == 3.0);
    CHECK(failed_at(r, 1235) == 2);
    CHECK(failed_at(r, 1231) == 0);
    CHECK(failed_at(r, 1255) == 0);
  }
  SECTION("gateway failure: the same two calls fail with it") {
    scenario["faults"][0] = {{"name", "gateway"},
                             {"type", "gateway_failure"},
                             {"target", "apim-eastus2"},
                             {"start", 1234},
                             {"duration", "10m"}};
    const PatternResult r = faultline::testing::run_data_pattern(scenario, {{"name", "hot-warm"}});
    // A failed gateway answers 503 after the round trip (at most 140 ms), so the calls
    // sent at 1,234.0 .. 1,235.5 s fail in the bucket [1,233, 1,236) too: 4 + the 2 dropped.
    CHECK(failed_at(r, 1235) == 6);
  }
}

TEST_CASE("requests in flight at the run's end are offered, their outcome taken at their deadline",
          "[engine][in-flight]") {
  // docs/metrics.md "Requests in flight at the run's end": a request still in flight when
  // the run ends counts as offered; it succeeds iff its current attempt answers 2xx by its
  // deadline (arrival + timeout, 30 s), else fails. Arrivals at 0.5, 1.0, ..., 3,599.5 s:
  // 7,199 requests in the 1 h run (the next, at 3,600 s, is past the end).
  json scenario = faultline::testing::data_scenario();
  scenario["workloads"][0]["writes_per_request"] = 0;
  SECTION("no fault: the last two calls, answered after the end, are offered and succeed") {
    // The arrivals of 3,599.0 and 3,599.5 s are answered 1 s + a round trip later, past
    // 3,600 s: before they were left out (7,197 offered); now 7,199 offered, 7,199 served.
    scenario["faults"] = json::array();
    const PatternResult r = faultline::testing::run_data_pattern(scenario, {{"name", "hot-warm"}});
    REQUIRE(r.workloads.size() == 1);
    CHECK(r.workloads[0].offered == 7199);
    CHECK(r.workloads[0].succeeded == 7199);
  }
  SECTION("an outage running past the end: calls waiting for their timeout are offered and fail") {
    // eastus2 fails at 3,590 s until after the end; Hot/Warm sends everything there and the
    // probes (30 s x 3 of 4) cannot move traffic within 10 s. The calls of 3,589.0 and
    // 3,589.5 s are dropped at 3,590 s (2 failed, counted before too). The 20 calls sent at
    // 3,590.0 .. 3,599.5 s get no answer; their deadline (arrival + 30 s) is past the end,
    // so each is offered and failed: 22 failed, 7,199 - 22 = 7,177 served (0.5 .. 3,588.5 s).
    scenario["faults"][0]["start"] = 3590;
    const PatternResult r = faultline::testing::run_data_pattern(scenario, {{"name", "hot-warm"}});
    REQUIRE(r.workloads.size() == 1);
    CHECK(r.workloads[0].offered == 7199);
    CHECK(r.workloads[0].succeeded == 7177);
  }
}
