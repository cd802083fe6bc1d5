#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "faultline/router/failover_controller.hpp"
#include "faultline/router/router.hpp"
#include "recording_observer.hpp"

using namespace faultline::router;
using faultline::router::testing::endpoints_config;
using faultline::router::testing::ms;
using faultline::router::testing::RecordingObserver;

namespace {

Micros s(std::int64_t v) { return Micros{v * 1000000}; }

FailoverConfig failover_config() {
  FailoverConfig f;
  f.validate_for = s(60);
  f.failback_checks = 3;
  f.hold_down = s(300);
  f.check_interval = s(10);
  return f;
}

}  // namespace

TEST_CASE("failover controller: suspect, validate, fail over, hold down, fail back", "[router][failover]") {
  FailoverController c(failover_config(), 0, 1);
  CHECK(c.state() == ControllerState::kNormal);
  CHECK_FALSE(c.is_check_due(s(0)));

  SECTION("a good check clears suspicion without any switch") {
    CHECK(c.on_primary_result(false, s(1)));
    CHECK(c.state() == ControllerState::kSuspect);
    CHECK(c.target() == 0);
    CHECK_FALSE(c.on_primary_result(false, s(11)));  // failed check: no state change yet
    CHECK(c.state() == ControllerState::kSuspect);
    CHECK(c.on_primary_result(true, s(21)));
    CHECK(c.state() == ControllerState::kNormal);
  }
  SECTION("checks failing for validate_for: failed_over exactly at suspicion + 60 s") {
    c.on_primary_result(false, s(1));
    for (int t = 11; t <= 51; t += 10) c.on_primary_result(false, s(t));
    CHECK(c.deadline() == s(61));
    CHECK_FALSE(c.advance(s(61) - Micros{1}));
    CHECK(c.advance(s(61)));
    CHECK(c.state() == ControllerState::kFailedOver);
    CHECK(c.target() == 1);
    CHECK(c.is_primary_excluded());
  }
  SECTION("suspicion alone (no failed check) never fails over") {
    c.on_primary_result(false, s(1));
    CHECK(c.deadline() == kNever);
    CHECK_FALSE(c.advance(s(1000)));
    CHECK(c.state() == ControllerState::kSuspect);
  }
  SECTION("fail back needs failback_checks consecutive good checks AND hold_down since the switch") {
    c.on_primary_result(false, s(0));
    c.on_primary_result(false, s(10));
    c.advance(s(60));
    REQUIRE(c.state() == ControllerState::kFailedOver);
    c.on_primary_result(true, s(70));
    c.on_primary_result(true, s(80));
    c.on_primary_result(false, s(90));  // resets the run of good checks
    c.on_primary_result(true, s(100));
    c.on_primary_result(true, s(110));
    CHECK(c.deadline() == kNever);
    c.on_primary_result(true, s(120));  // 3 in a row, but hold-down runs until 60 + 300 = 360 s
    CHECK(c.state() == ControllerState::kFailedOver);
    CHECK(c.deadline() == s(360));
    CHECK_FALSE(c.advance(s(359)));
    CHECK(c.advance(s(360)));
    CHECK(c.state() == ControllerState::kFailingBack);
    CHECK(c.target() == 0);
    CHECK(c.on_primary_result(true, s(361)));
    CHECK(c.state() == ControllerState::kNormal);
  }
  SECTION("a failure right after failing back cannot switch again before the hold-down") {
    c.on_primary_result(false, s(0));
    c.on_primary_result(false, s(10));
    c.advance(s(60));  // switch 1 at 60 s
    for (int t = 70; t <= 90; t += 10) c.on_primary_result(true, s(t));
    c.advance(s(360));  // switch 2 at 360 s
    REQUIRE(c.state() == ControllerState::kFailingBack);
    c.on_primary_result(false, s(361));
    CHECK(c.state() == ControllerState::kSuspect);
    for (int t = 371; t <= 651; t += 10) c.on_primary_result(false, s(t));
    CHECK(c.state() == ControllerState::kSuspect);  // validate_for passed at 421 s, hold-down not
    CHECK(c.deadline() == s(660));
    CHECK(c.advance(s(660)));
    CHECK(c.state() == ControllerState::kFailedOver);
  }
  SECTION("checks are due every check_interval outside normal") {
    c.on_primary_result(false, s(1));
    CHECK(c.is_check_due(s(1)));
    c.on_check_sent(s(1));
    CHECK_FALSE(c.is_check_due(s(10)));
    CHECK(c.is_check_due(s(11)));
    CHECK(c.next_check() == s(11));
  }
}

TEST_CASE("failover inside the router: primary excluded while failed over; due checks", "[router][failover]") {
  RouterConfig config = endpoints_config(3);
  config.endpoints[0].priority = 2;
  config.endpoints[1].priority = 1;  // primary: lowest priority value
  config.endpoints[2].priority = 3;
  config.failover = failover_config();
  RecordingObserver seen;
  Router router(config, &seen);
  Request r1;
  CHECK(router.pick(r1, s(0)).endpoint == 1);
  CHECK(router.next_due_probe(s(0)) == kNoEndpoint);  // normal: no checks
  router.report_call(1, 500, ms(100), s(1));
  CHECK(router.next_due_probe(s(1)) == 1);
  CHECK(router.next_due_probe(s(1)) == kNoEndpoint);
  CHECK(router.next_wakeup() == s(11));
  for (int t = 11; t <= 61; t += 10) {
    CHECK(router.next_due_probe(s(t)) == 1);
    router.report_probe(1, 0, s(10), s(t));
  }
  Request r2;
  CHECK(router.pick(r2, s(62)).endpoint == 0);  // secondary: next lowest priority
  CHECK_FALSE(router.is_available(1));
  CHECK(seen.lines == std::vector<std::string>{"1000 controller suspect 1", "61000 controller failed_over 0"});
}
