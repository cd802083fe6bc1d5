#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "faultline/engine/kernel/random_stream.hpp"
#include "faultline/router/router.hpp"
#include "recording_observer.hpp"

using namespace faultline::router;
using faultline::engine::RandomStream;
using faultline::router::testing::ms;
using faultline::router::testing::RecordingObserver;

namespace {

const char* const kBoundaries[] = {"EU", "US"};

// A random configuration: 2-8 endpoints with random priority, weight, latency,
// boundary (EU, US or none), and each mechanism present with probability 1/2.
RouterConfig random_config(RandomStream& rng) {
  RouterConfig c;
  const std::size_t n = 2 + rng.uniform_index(7);
  for (std::size_t i = 0; i < n; ++i) {
    EndpointConfig e;
    e.name = "e" + std::to_string(i);
    e.priority = static_cast<std::int64_t>(1 + rng.uniform_index(3));
    e.weight = static_cast<std::int64_t>(1 + rng.uniform_index(100));
    e.latency = ms(static_cast<std::int64_t>(rng.uniform_index(100)));
    const std::uint64_t b = rng.uniform_index(3);
    if (b < 2) e.boundary = kBoundaries[b];
    e.is_enabled = rng.bernoulli(0.9);
    c.endpoints.push_back(e);
  }
  c.selection.latency_band = ms(static_cast<std::int64_t>(rng.uniform_index(50)));
  constexpr WhenNoneHealthy kChoices[] = {WhenNoneHealthy::kSpread, WhenNoneHealthy::kFail, WhenNoneHealthy::kPriority};
  c.selection.when_none_healthy = kChoices[rng.uniform_index(3)];
  if (rng.bernoulli(0.5)) {
    ProbeConfig p;
    p.sample_size = static_cast<std::int64_t>(1 + rng.uniform_index(5));
    p.successful_samples_required =
        static_cast<std::int64_t>(1 + rng.uniform_index(static_cast<std::uint64_t>(p.sample_size)));
    p.timeout = ms(500);
    c.probe = p;
  }
  if (rng.bernoulli(0.5)) {
    BreakerConfig b;
    b.window_type = rng.bernoulli(0.5) ? WindowType::kCount : WindowType::kTime;
    b.window_size = static_cast<std::int64_t>(1 + rng.uniform_index(20));
    b.minimum_calls = static_cast<std::int64_t>(1 + rng.uniform_index(10));
    b.failure_rate_threshold = 50;
    b.slow_call_duration = ms(800);
    b.slow_call_rate_threshold = 80;
    b.open_wait = ms(static_cast<std::int64_t>(1000 + rng.uniform_index(20000)));
    b.open_wait_multiplier = rng.bernoulli(0.5) ? 1.0 : 2.0;
    b.half_open_calls = static_cast<std::int64_t>(1 + rng.uniform_index(3));
    c.breaker = b;
  }
  if (rng.bernoulli(0.5)) c.throttle = ThrottleConfig{};
  if (rng.bernoulli(0.5)) {
    FailoverConfig f;
    f.validate_for = ms(static_cast<std::int64_t>(rng.uniform_index(30000)));
    f.hold_down = ms(static_cast<std::int64_t>(rng.uniform_index(120000)));
    f.failback_checks = static_cast<std::int64_t>(1 + rng.uniform_index(4));
    c.failover = f;
  }
  if (rng.bernoulli(0.5)) {
    RetryConfig r;
    r.max_attempts = static_cast<std::int64_t>(1 + rng.uniform_index(4));
    r.budget_percent = 20;
    c.retry = r;
  }
  return c;
}

struct StreamResult {
  std::vector<std::string> lines;  // decisions and state changes, in order
  int bounded_picks = 0;
  int boundary_violations = 0;
};

// Runs `events` random events (probes, calls incl. 429s, picks incl. retries, ticks) on a random configuration.
StreamResult run_stream(std::uint64_t seed, int events) {
  RandomStream rng(seed, 0, "router-property");
  const RouterConfig config = random_config(rng);
  RecordingObserver seen;
  Router router(config, &seen);
  StreamResult result;
  std::vector<Request> requests(16);
  std::vector<std::string> request_boundary(16);
  std::int64_t t = 0;
  const auto n = config.endpoints.size();
  for (int i = 0; i < events; ++i) {
    t += static_cast<std::int64_t>(rng.uniform_index(3000));
    const Micros now = ms(t);
    const std::uint64_t kind = rng.uniform_index(10);
    const std::size_t e = static_cast<std::size_t>(rng.uniform_index(n));
    static constexpr int kStatuses[] = {200, 200, 200, 503, 500, 408, 0, 429, 404};
    const int status = kStatuses[rng.uniform_index(9)];
    const Micros latency = ms(static_cast<std::int64_t>(rng.uniform_index(1200)));
    if (kind < 2) {
      router.report_probe(e, status, latency, now);
    } else if (kind < 5) {
      const Micros retry_after =
          rng.bernoulli(0.5) ? ms(static_cast<std::int64_t>(rng.uniform_index(10000))) : Micros{-1};
      router.report_call(e, status, latency, now, retry_after);
    } else if (kind < 9) {
      const std::size_t slot = static_cast<std::size_t>(rng.uniform_index(requests.size()));
      if (rng.bernoulli(0.6)) {  // a new request in this slot; otherwise a retry of the old one
        const std::uint64_t b = rng.uniform_index(3);
        requests[slot] = Request{};
        request_boundary[slot] = b < 2 ? kBoundaries[b] : "";
        requests[slot].boundary = b < 2 ? router.boundary_id(kBoundaries[b]) : kAnyBoundary;
      }
      const Pick p = router.pick(requests[slot], now);
      result.lines.push_back(std::to_string(t) + " pick " +
                             (p.has_endpoint() ? std::to_string(p.endpoint) : std::string(to_string(p.reason))));
      if (!request_boundary[slot].empty() && p.has_endpoint()) {
        ++result.bounded_picks;
        const auto& boundary = config.endpoints[p.endpoint].boundary;
        if (!boundary || *boundary != request_boundary[slot]) ++result.boundary_violations;
      }
    } else {
      router.tick(now);
    }
  }
  result.lines.insert(result.lines.end(), seen.lines.begin(), seen.lines.end());
  return result;
}

}  // namespace

TEST_CASE("property: a bounded request is never routed outside its boundary", "[router][property]") {
  int bounded = 0;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    const StreamResult r = run_stream(seed, 2000);
    INFO("seed " << seed);
    REQUIRE(r.boundary_violations == 0);
    bounded += r.bounded_picks;
  }
  CHECK(bounded > 10000);  // the property was exercised, not vacuously true
}

TEST_CASE("property: the same stream gives the same output", "[router][property]") {
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    INFO("seed " << seed);
    REQUIRE(run_stream(seed, 3000).lines == run_stream(seed, 3000).lines);
  }
  CHECK(run_stream(1, 3000).lines != run_stream(2, 3000).lines);
}

TEST_CASE("property: a primary flapping faster than the hold-down switches at most once per hold-down",
          "[router][property][failover]") {
  int total_switches = 0;
  for (std::uint64_t seed = 1; seed <= 100; ++seed) {
    RandomStream rng(seed, 0, "flapping-primary");
    RouterConfig config;
    for (const char* name : {"primary", "secondary"}) {
      EndpointConfig e;
      e.name = name;
      e.priority = config.endpoints.empty() ? 1 : 2;
      config.endpoints.push_back(e);
    }
    FailoverConfig f;
    f.validate_for = ms(static_cast<std::int64_t>(rng.uniform_index(20000)));
    f.hold_down = ms(static_cast<std::int64_t>(60000 + rng.uniform_index(240000)));
    f.failback_checks = static_cast<std::int64_t>(1 + rng.uniform_index(3));
    f.check_interval = ms(1000);
    config.failover = f;
    RecordingObserver seen;
    Router router(config, &seen);
    // The primary flips between up and down every 1-20 s for 3 simulated hours.
    bool is_up = true;
    std::int64_t flip_at = 0;
    std::vector<std::int64_t> switches;
    for (std::int64_t t = 0; t < 3 * 3600 * 1000; t += 500) {
      if (t >= flip_at) {
        is_up = !is_up;
        flip_at = t + 1000 + static_cast<std::int64_t>(rng.uniform_index(19000));
      }
      const std::size_t before = seen.lines.size();
      if (router.next_due_probe(ms(t)) == 0) router.report_probe(0, is_up ? 200 : 503, ms(20), ms(t));
      if (rng.bernoulli(0.3)) router.report_call(0, is_up ? 200 : 503, ms(20), ms(t));
      for (std::size_t i = before; i < seen.lines.size(); ++i) {
        if (seen.lines[i].find("failed_over") != std::string::npos ||
            seen.lines[i].find("failing_back") != std::string::npos) {
          switches.push_back(t);
        }
      }
    }
    INFO("seed " << seed << " hold-down " << f.hold_down.count() << " us");
    for (std::size_t i = 1; i < switches.size(); ++i) {
      REQUIRE(ms(switches[i] - switches[i - 1]) >= f.hold_down);
    }
    total_switches += static_cast<int>(switches.size());
  }
  CHECK(total_switches > 100);  // the flapping really made the controller switch
}
