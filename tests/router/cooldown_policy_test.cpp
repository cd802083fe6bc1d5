// LiteLLM deployment cooldown (the `cooldown` section). Expected values derived by hand from LiteLLM's
// router (router_utils/cooldown_handlers.py, constants.py): cooldown_time 5 s; with allowed_fails
// unset, a deployment cools down on a 429 when the group has others, on failures > 50 % of >= 5 calls
// in the current minute when the group has others, or on a non-retryable status (401, 404); with
// allowed_fails set, when the failures of the minute exceed it; a Retry-After sets the cooldown.

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

RouterConfig cooldown_config(std::size_t endpoints) {
  RouterConfig c = endpoints_config(endpoints);
  c.cooldown = CooldownConfig{};
  return c;
}

// Reports `statuses` to endpoint 0, one per second from `from_s`; returns the second of the first
// cooldown (-1 if none).
std::int64_t first_cooldown_s(Router& router, const std::vector<int>& statuses, std::int64_t from_s = 1) {
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    const std::int64_t t = from_s + static_cast<std::int64_t>(i);
    router.report_call(0, statuses[i], ms(10), ms(t * 1000));
    if (router.is_cooling_down(0)) return t;
  }
  return -1;
}

}  // namespace

TEST_CASE("cooldown: LiteLLM rules, call by call in one minute", "[router][cooldown]") {
  struct Row {
    const char* what;
    std::vector<int> statuses;  // to e0, one per second from 1 s
    std::int64_t cooled_at_s;   // -1: never
  };
  const Row rows[] = {
      {"3 failures of 5 calls = 60 % > 50 % with >= 5 calls", {200, 200, 503, 503, 503}, 5},
      {"3 of 4 = 75 % but fewer than 5 calls", {200, 503, 503, 503}, -1},
      {"3 of 6 = 50 % is not > 50 %; 4 of 7 = 57 % is", {200, 200, 200, 503, 503, 503, 503}, 7},
      {"timeouts (0) and 408 are failures", {200, 200, 0, 408, 0}, 5},
      {"401 is non-retryable: at once", {401}, 1},
      {"404 is non-retryable: at once", {200, 404}, 2},
      {"403 and 400 are not (LiteLLM does not cool down other 4xx)", {403, 400, 403, 400, 403}, -1},
      {"429 with other endpoints: at once", {429}, 1},
  };
  for (const Row& row : rows) {
    Router router(cooldown_config(2));
    INFO(row.what);
    CHECK(first_cooldown_s(router, row.statuses) == row.cooled_at_s);
  }
}

TEST_CASE("cooldown: duration, Retry-After, minute boundary and notifications", "[router][cooldown]") {
  RecordingObserver seen;
  Router router(cooldown_config(2), &seen);
  SECTION("cooldown_time 5 s: cooled at 5 s, back at 10 s, cause cooldown; picks avoid it meanwhile") {
    first_cooldown_s(router, {200, 200, 503, 503, 503});
    Request r;
    CHECK(router.pick(r, ms(9999)).endpoint == 1);
    router.tick(ms(10000));
    CHECK(seen.lines == std::vector<std::string>{"5000 0 cooldown cooldown", "10000 0 cooldown_end cooldown"});
  }
  SECTION("a Retry-After of 12 s sets the cooldown") {
    router.report_call(0, 401, ms(10), ms(1000), std::chrono::seconds(12));
    CHECK(router.next_wakeup() == ms(13000));
  }
  SECTION("a 429 with Retry-After 7 s and no throttle section: cooldown 7 s, cause cooldown") {
    router.report_call(0, 429, ms(10), ms(1000), std::chrono::seconds(7));
    router.tick(ms(8000));
    CHECK(seen.lines == std::vector<std::string>{"1000 0 cooldown cooldown", "8000 0 cooldown_end cooldown"});
  }
  SECTION("counts restart each minute: 3 of 4 at 56-59 s, then a 503 at 60 s is 1 of 1") {
    CHECK(first_cooldown_s(router, {200, 503, 503, 503, 503}, 56) == -1);
    CHECK(router.cooldown_policy()->failures_this_minute(0, ms(60000)) == 1);
    // The same five calls inside one minute cool down at the fifth (4 of 5).
    Router same_minute(cooldown_config(2));
    CHECK(first_cooldown_s(same_minute, {200, 503, 503, 503, 503}, 1) == 5);
  }
}

TEST_CASE("cooldown: single endpoint, allowed_fails and the throttle section", "[router][cooldown]") {
  SECTION("a single endpoint never cools down on rate or 429, still on a non-retryable status") {
    Router router(cooldown_config(1));
    CHECK(first_cooldown_s(router, {503, 503, 503, 503, 503, 503, 429}) == -1);
    CHECK(first_cooldown_s(router, {404}, 10) == 10);
  }
  SECTION("allowed_fails 3 (LiteLLM v1 rule): the 4th failure of the minute, whatever the successes") {
    RouterConfig c = cooldown_config(2);
    c.cooldown->allowed_fails = 3;
    Router router(c);
    CHECK(first_cooldown_s(router, {200, 200, 200, 200, 200, 200, 503, 401, 503, 503}) == 10);
  }
  SECTION("with a throttle section, 429 stays the throttle's (cause throttle, default_cooldown_s)") {
    RouterConfig c = cooldown_config(2);
    c.throttle = ThrottleConfig{};
    RecordingObserver seen;
    Router router(c, &seen);
    router.report_call(0, 429, ms(10), ms(1000));
    router.tick(ms(6000));
    CHECK(seen.lines == std::vector<std::string>{"1000 0 cooldown throttle", "6000 0 cooldown_end throttle"});
  }
}

TEST_CASE("cooldown: configuration errors name the key", "[router][cooldown]") {
  RouterConfig c = cooldown_config(2);
  c.cooldown->non_retryable_statuses = {401, 429};
  auto err = find_config_error(c);
  REQUIRE(err);
  CHECK(err->path == "cooldown.non_retryable_statuses[1]");
  CHECK(err->message ==
        "a non-retryable status must be an HTTP status from 400 to 599 other than 429 (429 always "
        "cools down when other endpoints exist), got 429");
  c.cooldown->non_retryable_statuses = {401};
  c.cooldown->allowed_fails = -1;
  err = find_config_error(c);
  REQUIRE(err);
  CHECK(err->path + ": " + err->message ==
        "cooldown.allowed_fails: allowed_fails must be an integer from 0 to 1000000, got -1");
}
