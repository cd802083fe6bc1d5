// Proves that routing decisions do not allocate: this binary replaces the global
// operator new/delete with counting versions and routes many requests after
// construction. The counter has to be a namespace-scope variable because the
// replaced operators are global functions; it is the only global in the project
// and lives only in this test binary.

#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdlib>
#include <new>

#include "faultline/router/router.hpp"

namespace {
std::size_t g_allocations = 0;  // allocations since the process started

void* counted_allocate(std::size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t size) { return counted_allocate(size); }
void* operator new[](std::size_t size) { return counted_allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  ++g_allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  ++g_allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

using namespace faultline::router;

namespace {

// Every mechanism on, so that every code path of pick and report runs.
RouterConfig full_config() {
  RouterConfig c;
  const char* names[] = {"eastus2", "centralus", "westeurope", "swedencentral"};
  for (int i = 0; i < 4; ++i) {
    EndpointConfig e;
    e.name = names[i];
    e.priority = i < 2 ? 1 : 2;
    e.weight = 10 * (i + 1);
    e.boundary = i < 2 ? "US" : "EU";
    e.latency = std::chrono::milliseconds(20 + 10 * i);
    c.endpoints.push_back(e);
  }
  c.selection.latency_band = std::chrono::milliseconds(50);
  c.probe = ProbeConfig{};
  c.breaker = BreakerConfig{};
  c.breaker->window_type = WindowType::kTime;
  c.breaker->window_size = 10;
  c.breaker->minimum_calls = 5;
  c.breaker->open_wait = std::chrono::seconds(2);
  c.breaker->open_wait_multiplier = 2;
  c.breaker->half_open_calls = 2;
  c.throttle = ThrottleConfig{};
  c.failover = FailoverConfig{};
  c.failover->validate_for = std::chrono::seconds(5);
  c.failover->hold_down = std::chrono::seconds(20);
  c.retry = RetryConfig{};
  return c;
}

// Counts state changes without storing them.
class CountingObserver final : public RouterObserver {
 public:
  void on_endpoint_state(Micros, std::size_t, EndpointState, StateCause) override { ++changes; }
  void on_controller_state(Micros, ControllerState, std::size_t) override { ++changes; }
  std::size_t changes = 0;
};

}  // namespace

TEST_CASE("the counting operator new sees allocations (the zero below is not vacuous)", "[router][allocation]") {
  const std::size_t before = g_allocations;
  RouterConfig config = full_config();  // copies strings and vectors
  const Router router(config);
  CHECK(g_allocations - before >= 5);
}

namespace {

// Routes 200 000 requests with random outcomes; counts allocations, picks and state changes.
struct RunCounts {
  std::size_t allocations = 0;
  std::size_t picked = 0;
  std::size_t changes = 0;
};

RunCounts route_many(const RouterConfig& config) {
  CountingObserver observer;
  Router router(config, &observer);
  const BoundaryId eu = router.boundary_id("EU");
  const std::size_t before = g_allocations;
  std::uint64_t x = 88172645463325252ULL;  // xorshift64: outcomes without the allocating standard engines
  std::size_t picked = 0;
  for (std::int64_t i = 0; i < 200000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    const Micros now = std::chrono::milliseconds(i * 7);
    Request r;
    r.boundary = (x & 1) != 0 ? eu : kAnyBoundary;
    Pick p = router.pick(r, now);
    if (!p.has_endpoint()) continue;
    ++picked;
    const int statuses[] = {200, 200, 200, 200, 503, 0, 429, 408};
    const int status = statuses[(x >> 8) % 8];
    router.report_call(p.endpoint, status, std::chrono::milliseconds((x >> 16) % 2000), now,
                       std::chrono::seconds((x >> 24) % 3));
    if (status != 200 && router.may_retry(r, now) == NoEndpointReason::kNone) p = router.pick(r, now);
    for (std::size_t e = router.next_due_probe(now); e != kNoEndpoint; e = router.next_due_probe(now)) {
      router.report_probe(e, (x >> 32) % 5 == 0 ? 503 : 200, std::chrono::milliseconds(30), now);
    }
    router.tick(now);
  }
  return RunCounts{g_allocations - before, picked, observer.changes};
}

}  // namespace

TEST_CASE("no allocation per decision: pick, report, probes, retries and timers after construction",
          "[router][allocation]") {
  SECTION("probe, breaker, throttle, failover, retry") {
    const RunCounts run = route_many(full_config());
    CHECK(run.allocations == 0);
    CHECK(run.picked > 100000);
    CHECK(run.changes > 100);  // state machines really moved during the run
  }
  SECTION("plus outlier detection, LiteLLM cooldown (429s included) and priority load with panic") {
    RouterConfig config = full_config();
    config.throttle.reset();  // 429s go to the cooldown
    config.outlier = OutlierConfig{};
    config.outlier->max_ejection_percent = 50;
    config.cooldown = CooldownConfig{};
    config.selection.spill = PrioritySpillConfig{};
    const RunCounts run = route_many(config);
    CHECK(run.allocations == 0);
    CHECK(run.picked > 100000);
    CHECK(run.changes > 100);
  }
}
