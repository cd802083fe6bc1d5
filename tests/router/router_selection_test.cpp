#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "faultline/router/router.hpp"
#include "recording_observer.hpp"

using namespace faultline::router;
using faultline::router::testing::endpoints_config;
using faultline::router::testing::ms;
using faultline::router::testing::RecordingObserver;

namespace {

// Names of the endpoints chosen by `count` fresh requests at `now`.
std::string picks(Router& router, int count, Micros now, BoundaryId boundary = kAnyBoundary) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    Request r;
    r.boundary = boundary;
    const Pick p = router.pick(r, now);
    out += p.has_endpoint() ? router.endpoint_name(p.endpoint) : std::string("-");
    out += ' ';
  }
  return out;
}

ProbeConfig one_probe() {
  ProbeConfig p;
  p.sample_size = 1;
  p.successful_samples_required = 1;
  return p;
}

}  // namespace

TEST_CASE("selection: weighted round-robin gives exact shares over a cycle", "[router][selection]") {
  RouterConfig c = endpoints_config(3);
  SECTION("weights 5, 1, 1: the smooth sequence e0 e0 e1 e0 e2 e0 e0 (by hand, nginx's algorithm)") {
    c.endpoints[0].weight = 5;
    c.endpoints[1].weight = 1;
    c.endpoints[2].weight = 1;
    Router router(c);
    CHECK(picks(router, 7, ms(0)) == "e0 e0 e1 e0 e2 e0 e0 ");
    CHECK(picks(router, 7, ms(1)) == "e0 e0 e1 e0 e2 e0 e0 ");  // the cycle repeats
  }
  SECTION("weights 50, 30, 20: exactly 500, 300, 200 of 1000 picks") {
    c.endpoints[0].weight = 50;
    c.endpoints[1].weight = 30;
    c.endpoints[2].weight = 20;
    Router router(c);
    std::vector<int> counts(3, 0);
    for (int i = 0; i < 1000; ++i) {
      Request r;
      ++counts[router.pick(r, ms(i)).endpoint];
    }
    CHECK(counts == std::vector<int>{500, 300, 200});
  }
}

TEST_CASE("selection: lowest priority value first, then the latency band", "[router][selection]") {
  RouterConfig c = endpoints_config(4);
  c.endpoints[0].latency = ms(40);
  c.endpoints[1].latency = ms(60);
  c.endpoints[2].latency = ms(100);
  c.endpoints[3].latency = ms(1);
  c.endpoints[3].priority = 2;  // fastest, but priority 2
  SECTION("band 0: only the fastest of priority 1") {
    Router router(c);
    CHECK(picks(router, 4, ms(0)) == "e0 e0 e0 e0 ");
  }
  SECTION("band 20 ms: 40 and 60 ms alternate (60 <= 40 + 20), 100 ms never") {
    c.selection.latency_band = ms(20);
    Router router(c);
    CHECK(picks(router, 4, ms(0)) == "e0 e1 e0 e1 ");
  }
  SECTION("band 19 ms: 60 ms is outside") {
    c.selection.latency_band = ms(19);
    Router router(c);
    CHECK(picks(router, 2, ms(0)) == "e0 e0 ");
  }
  SECTION("measured probe latency replaces the static estimate") {
    c.probe = one_probe();
    Router router(c);
    router.report_probe(2, 200, ms(10), ms(0));
    CHECK(router.effective_latency(2) == ms(10));
    CHECK(picks(router, 2, ms(1)) == "e2 e2 ");
  }
  SECTION("priority 2 is used only when no priority 1 endpoint is available") {
    c.probe = one_probe();
    Router router(c);
    for (std::size_t i = 0; i < 3; ++i) router.report_probe(i, 503, ms(1), ms(0));
    CHECK(picks(router, 2, ms(1)) == "e3 e3 ");
  }
}

TEST_CASE("selection: when none is available, spread over all, fail, or honour priority", "[router][selection]") {
  RouterConfig c = endpoints_config(3);
  c.probe = one_probe();
  c.endpoints[2].is_enabled = false;
  SECTION("spread: round-robin over every enabled endpoint") {
    Router router(c);
    for (std::size_t i = 0; i < 3; ++i) router.report_probe(i, 503, ms(1), ms(0));
    CHECK(picks(router, 4, ms(1)) == "e0 e1 e0 e1 ");
    Request r;
    CHECK(router.pick(r, ms(2)).is_spread);
  }
  SECTION("fail: no endpoint, with the reason") {
    c.selection.when_none_healthy = WhenNoneHealthy::kFail;
    Router router(c);
    for (std::size_t i = 0; i < 3; ++i) router.report_probe(i, 503, ms(1), ms(0));
    Request r;
    const Pick p = router.pick(r, ms(1));
    CHECK_FALSE(p.has_endpoint());
    CHECK(p.reason == NoEndpointReason::kNoneAvailable);
  }
  SECTION("priority: route as if all were healthy, lowest priority first, then weights") {
    // e0 priority 2, e1 and e3 priority 1 with weights 3 and 1 (e2 disabled): every
    // pick goes to priority 1, split 3:1 by smooth weighted round-robin: e1 e1 e3 e1.
    c.endpoints[0].priority = 2;
    c.endpoints[1].weight = 3;
    c.endpoints.push_back(EndpointConfig{"e3", 1, 1, {}, Micros{0}, true});
    c.selection.when_none_healthy = WhenNoneHealthy::kPriority;
    Router router(c);
    for (std::size_t i = 0; i < 4; ++i) router.report_probe(i, 503, ms(1), ms(0));
    CHECK(picks(router, 4, ms(1)) == "e1 e1 e3 e1 ");
    Request r;
    CHECK(router.pick(r, ms(2)).is_spread);
  }
  SECTION("a disabled endpoint is never picked even when it is the only healthy one") {
    c.selection.when_none_healthy = WhenNoneHealthy::kFail;
    Router router(c);
    router.report_probe(0, 503, ms(1), ms(0));
    router.report_probe(1, 503, ms(1), ms(0));
    CHECK(picks(router, 1, ms(1)) == "- ");
  }
}

TEST_CASE("residency: a bounded request never leaves its boundary", "[router][residency]") {
  RouterConfig c = endpoints_config(3);
  c.endpoints[0].boundary = "EU";
  c.endpoints[1].boundary = "US";  // e2 has no boundary: location unknown
  c.endpoints[1].priority = 1;
  c.endpoints[0].priority = 2;
  c.probe = one_probe();
  Router router(c);
  const BoundaryId eu = router.boundary_id("EU");
  SECTION("EU goes to the EU endpoint even when others are preferred") {
    CHECK(picks(router, 3, ms(0), eu) == "e0 e0 e0 ");
  }
  SECTION("an unbounded request may go anywhere, including the endpoint without boundary") {
    CHECK(picks(router, 2, ms(0)) == "e1 e2 ");
  }
  SECTION("EU endpoint down: spread stays inside EU") {
    router.report_probe(0, 503, ms(1), ms(0));
    CHECK(picks(router, 2, ms(1), eu) == "e0 e0 ");
  }
  SECTION("a boundary no endpoint has fails with the reason") {
    Request r;
    r.boundary = router.boundary_id("APAC");
    CHECK(r.boundary == kUnknownBoundary);
    const Pick p = router.pick(r, ms(0));
    CHECK_FALSE(p.has_endpoint());
    CHECK(p.reason == NoEndpointReason::kOutsideBoundary);
  }
}

TEST_CASE("throttling: 429 cools the endpoint down, not a breaker failure", "[router][throttle]") {
  RouterConfig c = endpoints_config(2);
  c.throttle = ThrottleConfig{};
  c.throttle->default_cooldown = ms(7000);
  c.breaker = BreakerConfig{};
  c.breaker->minimum_calls = 1;
  RecordingObserver seen;
  SECTION("Retry-After sets the cooldown") {
    Router router(c, &seen);
    router.report_call(0, 429, ms(5), ms(1000), ms(5000));
    CHECK(router.is_cooling_down(0));
    CHECK(picks(router, 2, ms(1000)) == "e1 e1 ");
    CHECK(picks(router, 1, ms(5999)) == "e1 ");
    router.tick(ms(6000));
    CHECK_FALSE(router.is_cooling_down(0));
    CHECK(seen.lines == std::vector<std::string>{"1000 0 cooldown throttle", "6000 0 cooldown_end throttle"});
    CHECK(router.breaker_state(0) == BreakerState::kClosed);
  }
  SECTION("without Retry-After: default_cooldown_s") {
    Router router(c, &seen);
    router.report_call(0, 429, ms(5), ms(1000));
    router.tick(ms(7999));
    router.tick(ms(8000));
    CHECK(seen.lines == std::vector<std::string>{"1000 0 cooldown throttle", "8000 0 cooldown_end throttle"});
  }
  SECTION("honor_retry_after false: the default always") {
    c.throttle->is_retry_after_honored = false;
    Router router(c, &seen);
    router.report_call(0, 429, ms(5), ms(1000), ms(60000));
    router.tick(ms(8000));
    CHECK(seen.lines == std::vector<std::string>{"1000 0 cooldown throttle", "8000 0 cooldown_end throttle"});
  }
  SECTION("a second 429 extends the cooldown without a second event") {
    Router router(c, &seen);
    router.report_call(0, 429, ms(5), ms(1000), ms(2000));
    router.report_call(0, 429, ms(5), ms(2000), ms(5000));
    router.tick(ms(3000));
    CHECK(router.is_cooling_down(0));
    router.tick(ms(7000));
    CHECK(seen.lines == std::vector<std::string>{"1000 0 cooldown throttle", "7000 0 cooldown_end throttle"});
  }
  SECTION("without a throttle section a 429 changes nothing") {
    c.throttle.reset();
    Router router(c, &seen);
    router.report_call(0, 429, ms(5), ms(1000), ms(5000));
    CHECK(router.is_available(0));
    CHECK(seen.lines.empty());
  }
}

TEST_CASE("breaker inside the router: open endpoint skipped, half-open permits consumed by picks",
          "[router][breaker]") {
  RouterConfig c = endpoints_config(2);
  c.endpoints[1].priority = 2;
  c.breaker = BreakerConfig{};
  c.breaker->window_size = 2;
  c.breaker->minimum_calls = 2;
  c.breaker->open_wait = ms(10000);
  c.breaker->half_open_calls = 1;
  RecordingObserver seen;
  Router router(c, &seen);
  router.report_call(0, 503, ms(5), ms(0));
  router.report_call(0, 408, ms(5), ms(1));
  CHECK(router.breaker_state(0) == BreakerState::kOpen);
  CHECK(picks(router, 1, ms(10000)) == "e1 ");     // opened at 1 ms: half-open from 10 001 ms
  CHECK(picks(router, 2, ms(10001)) == "e0 e1 ");  // the one half-open permit, then the secondary
  router.report_call(0, 200, ms(5), ms(10100));
  CHECK(picks(router, 1, ms(10200)) == "e0 ");
  CHECK(seen.lines ==
        std::vector<std::string>{"1 0 open breaker", "10001 0 half_open breaker", "10100 0 closed breaker"});
}

TEST_CASE("retries: per-request cap, budget, and the failed endpoint excluded", "[router][retry]") {
  RouterConfig c = endpoints_config(3);
  c.retry = RetryConfig{};
  c.retry->max_attempts = 3;
  c.retry->budget_percent = 20;
  SECTION("each attempt avoids the endpoints already tried; the 4th attempt is refused") {
    Router router(c);
    Request r;
    CHECK(router.pick(r, ms(0)).endpoint == 0);
    CHECK(router.may_retry(r, ms(0)) == NoEndpointReason::kNone);
    CHECK(router.pick(r, ms(1)).endpoint == 1);
    CHECK(router.pick(r, ms(2)).endpoint == 2);
    CHECK(router.may_retry(r, ms(3)) == NoEndpointReason::kMaxAttempts);
    const Pick p = router.pick(r, ms(3));
    CHECK_FALSE(p.has_endpoint());
    CHECK(p.reason == NoEndpointReason::kMaxAttempts);
  }
  SECTION("budget: max(3, floor(20 % of requests in the last 10 s)) retries") {
    c.retry->max_attempts = 100;
    Router router(c);
    std::vector<Request> requests(20);
    for (int i = 0; i < 10; ++i) router.pick(requests[static_cast<std::size_t>(i)], ms(0));
    // 10 requests: floor(2) < 3, so 3 retries.
    for (int i = 0; i < 3; ++i) CHECK(router.pick(requests[0], ms(1)).has_endpoint());
    CHECK(router.pick(requests[0], ms(1)).reason == NoEndpointReason::kRetryBudget);
    // 20 more requests: 30 in the window, floor(6) -> 3 more retries.
    std::vector<Request> more(20);
    for (auto& r : more) router.pick(r, ms(2));
    for (int i = 0; i < 3; ++i) CHECK(router.pick(requests[1], ms(3)).has_endpoint());
    CHECK(router.may_retry(requests[1], ms(3)) == NoEndpointReason::kRetryBudget);
    // 10 s later the first second's requests and retries have left the window.
    CHECK(router.may_retry(requests[1], ms(10000)) == NoEndpointReason::kNone);
  }
  SECTION("without a retry section there is no cap, and tried endpoints are still avoided while others exist") {
    c.retry.reset();
    Router router(c);
    Request r;
    std::string seen;
    for (int i = 0; i < 5; ++i) seen += router.endpoint_name(router.pick(r, ms(i)).endpoint) + " ";
    CHECK(seen == "e0 e1 e2 e0 e1 ");  // all tried: spread over all again
  }
}

TEST_CASE("router configuration is validated at construction", "[router][config]") {
  RouterConfig c = endpoints_config(2);
  c.endpoints[1].weight = 0;
  CHECK_THROWS_WITH(Router(c),
                    "router configuration: endpoints[1].weight: weight must be an integer from 1 to 1000, got 0");
  c.endpoints[1].weight = 1;
  c.endpoints[1].name = "e0";
  CHECK_THROWS_WITH(Router(c),
                    "router configuration: endpoints[1].name: name must be unique, \"e0\" is also endpoints[0].name");
}

TEST_CASE("probes are due every probe.interval_s per endpoint", "[router][probe]") {
  RouterConfig c = endpoints_config(2);
  c.probe = ProbeConfig{};  // interval 30 s
  Router router(c);
  CHECK(router.next_due_probe(ms(0)) == 0);
  CHECK(router.next_due_probe(ms(0)) == 1);
  CHECK(router.next_due_probe(ms(0)) == kNoEndpoint);
  CHECK(router.next_wakeup() == ms(30000));
  CHECK(router.next_due_probe(ms(29999)) == kNoEndpoint);
  CHECK(router.next_due_probe(ms(30000)) == 0);
  CHECK(router.next_due_probe(ms(30500)) == 1);
  CHECK(router.next_wakeup() == ms(60000));
}
