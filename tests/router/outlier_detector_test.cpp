// Envoy outlier detection (the `outlier` section). Expected values derived by hand from the Envoy
// docs: consecutive_5xx 5 ejects, ejection = base_ejection_time (30 s) x times ejected capped at
// max_ejection_time (300 s), max_ejection_percent 10 % with at least one host ejectable.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "faultline/router/router.hpp"
#include "recording_observer.hpp"

using namespace faultline::router;
using faultline::router::testing::endpoints_config;
using faultline::router::testing::ms;
using faultline::router::testing::RecordingObserver;

namespace {

// `count` calls to `endpoint` with `status`, one per second from `from_s`.
void calls(Router& router, std::size_t endpoint, int status, int count, std::int64_t from_s) {
  for (int i = 0; i < count; ++i) router.report_call(endpoint, status, ms(10), ms((from_s + i) * 1000));
}

RouterConfig outlier_config(std::size_t endpoints) {
  RouterConfig c = endpoints_config(endpoints);
  c.outlier = OutlierConfig{};
  return c;
}

}  // namespace

TEST_CASE("outlier: 5 consecutive 5xx eject for base_ejection_time x times ejected", "[router][outlier]") {
  RecordingObserver seen;
  Router router(outlier_config(2), &seen);
  SECTION("first ejection: 503s at 1..5 s eject at 5 s until 35 s; picks avoid e0 meanwhile") {
    calls(router, 0, 503, 4, 1);
    CHECK_FALSE(router.is_ejected(0));  // 4 in a row: not yet
    calls(router, 0, 503, 1, 5);
    CHECK(router.is_ejected(0));
    CHECK(router.outlier_detector()->ejection_end(0) == ms(35000));
    Request r;
    CHECK(router.pick(r, ms(34999)).endpoint == 1);
    CHECK(router.next_wakeup() == ms(35000));
    router.tick(ms(35000));
    CHECK_FALSE(router.is_ejected(0));
    CHECK(seen.lines == std::vector<std::string>{"5000 0 ejected outlier", "35000 0 ejection_end outlier"});
  }
  SECTION("second ejection 60 s: 5 more at 36..40 s (multiplier 1 + 1, no whole interval in service)") {
    calls(router, 0, 503, 5, 1);
    router.tick(ms(35000));
    calls(router, 0, 503, 5, 36);
    CHECK(router.outlier_detector()->multiplier(0) == 2);
    CHECK(router.outlier_detector()->ejection_end(0) == ms(100000));  // 40 s + 2 x 30 s
  }
  SECTION("the multiplier drops by one per 10 s interval in service: back to 30 s after 100 s") {
    calls(router, 0, 503, 5, 1);
    router.tick(ms(35000));
    calls(router, 0, 503, 5, 36);
    router.tick(ms(100000));
    calls(router, 0, 503, 5, 200);  // ejected at 204 s: 2 - floor(104 / 10) -> 0, then 1
    CHECK(router.outlier_detector()->ejection_end(0) == ms(234000));
  }
  SECTION("timeouts (status 0) count as 5xx; a 200, 408, 429 or 404 breaks the run") {
    struct Row {
      int breaker_status;
      bool is_ejected;
    };
    for (const Row row :
         {Row{0, true}, Row{502, true}, Row{200, false}, Row{408, false}, Row{429, false}, Row{404, false}}) {
      Router fresh(outlier_config(2));
      calls(fresh, 0, 503, 4, 1);
      calls(fresh, 0, row.breaker_status, 1, 5);
      calls(fresh, 0, 503, 4, 6);
      INFO("status " << row.breaker_status);
      CHECK(fresh.is_ejected(0) == row.is_ejected);
    }
  }
  SECTION("results reported while ejected are ignored") {
    calls(router, 0, 503, 5, 1);
    calls(router, 0, 503, 10, 6);
    CHECK(router.outlier_detector()->ejection_end(0) == ms(35000));
  }
}

TEST_CASE("outlier: max_ejection_time caps one ejection", "[router][outlier]") {
  RouterConfig c = outlier_config(2);
  c.outlier->max_ejection_time = std::chrono::seconds(60);
  Router router(c);
  // multiplier grows while multiplier x 30 s < 60 s + 30 s: 1, 2, 3, then stays; durations 30, 60, 60 s.
  std::vector<std::int64_t> durations_s;
  std::int64_t t = 1;
  for (int i = 0; i < 3; ++i) {
    calls(router, 0, 503, 5, t);
    const std::int64_t ejected_at = t + 4;
    durations_s.push_back(router.outlier_detector()->ejection_end(0).count() / 1000000 - ejected_at);
    t = router.outlier_detector()->ejection_end(0).count() / 1000000;
    router.tick(ms(t * 1000));
  }
  CHECK(durations_s == std::vector<std::int64_t>{30, 60, 60});
}

TEST_CASE("outlier: max_ejection_percent caps how many endpoints are ejected at once", "[router][outlier]") {
  struct Row {
    std::size_t endpoints;
    std::int64_t percent;
    int expected;  // Envoy: eject while ejected x 100 < percent x endpoints, and always the first
  };
  const Row rows[] = {
      {2, 10, 1},   // 0 < 20 -> 1; 100 < 20 no
      {10, 10, 1},  // 100 < 100 no
      {20, 10, 2},  // 100 < 200 yes, 200 < 200 no
      {10, 0, 1},   // "at least one host regardless of the value"
      {10, 50, 5},  // 400 < 500 yes, 500 < 500 no
      {4, 100, 4},  // every endpoint
  };
  for (const Row& row : rows) {
    RouterConfig c = outlier_config(row.endpoints);
    c.outlier->max_ejection_percent = row.percent;
    Router router(c);
    for (std::size_t e = 0; e < row.endpoints; ++e) calls(router, e, 503, 5, 1);
    int ejected = 0;
    for (std::size_t e = 0; e < row.endpoints; ++e) ejected += router.is_ejected(e) ? 1 : 0;
    INFO(row.endpoints << " endpoints, " << row.percent << " %");
    CHECK(ejected == row.expected);
  }
}

TEST_CASE("outlier: configuration errors name the key", "[router][outlier]") {
  struct Row {
    void (*edit)(OutlierConfig&);
    const char* message;
  };
  const Row rows[] = {
      {[](OutlierConfig& o) { o.consecutive_5xx = 0; },
       "outlier.consecutive_5xx: consecutive_5xx must be an integer from 1 to 1000000, got 0"},
      {[](OutlierConfig& o) { o.max_ejection_percent = 101; },
       "outlier.max_ejection_percent: max_ejection_percent (percent) must be an integer from 0 to 100, got 101"},
      {[](OutlierConfig& o) { o.base_ejection_time = Micros{0}; },
       "outlier.base_ejection_time_s: base_ejection_time_s must be greater than 0 and at most 604800 s, got 0"},
      {[](OutlierConfig& o) { o.max_ejection_time = std::chrono::seconds(10); },
       "outlier.max_ejection_time_s: max_ejection_time_s must be at least base_ejection_time_s (30), got 10"},
  };
  for (const Row& row : rows) {
    RouterConfig c = outlier_config(2);
    row.edit(*c.outlier);
    const auto err = find_config_error(c);
    REQUIRE(err);
    CHECK(err->path + ": " + err->message == row.message);
  }
}
