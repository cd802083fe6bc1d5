// Router decision speed: pick + report pairs per second on one core, with
// time advancing 1 us per pair. "all mechanisms" turns on probes, a count-window
// breaker, throttling, the failover controller and the retry budget; outcomes
// come from a fixed xorshift sequence (about 1 % failures) so runs are comparable.

#include <benchmark/benchmark.h>

#include <cstdint>

#include "faultline/router/router.hpp"

namespace {

using namespace faultline::router;

RouterConfig bench_config(bool is_full) {
  RouterConfig c;
  const char* names[] = {"eastus2", "centralus", "swedencentral"};
  for (int i = 0; i < 3; ++i) {
    EndpointConfig e;
    e.name = names[i];
    e.priority = 1;
    e.weight = 10 * (i + 1);
    e.latency = std::chrono::milliseconds(40 + 5 * i);
    c.endpoints.push_back(e);
  }
  c.selection.latency_band = std::chrono::milliseconds(20);
  if (is_full) {
    c.probe = ProbeConfig{};
    c.breaker = BreakerConfig{};
    c.throttle = ThrottleConfig{};
    c.failover = FailoverConfig{};
    c.retry = RetryConfig{};
  }
  return c;
}

void pick_and_report(benchmark::State& state, bool is_full, std::uint64_t failure_mask) {
  Router router(bench_config(is_full));
  std::uint64_t x = 88172645463325252ULL;
  std::int64_t t = 0;
  for (auto _ : state) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    const Micros now{++t};
    Request r;
    const Pick p = router.pick(r, now);
    const int status = (x & failure_mask) == 0 ? 503 : 200;
    router.report_call(p.endpoint, status, Micros{40000}, now);
    benchmark::DoNotOptimize(p.endpoint);
  }
  state.SetItemsProcessed(state.iterations());
}

void selection_only(benchmark::State& state) { pick_and_report(state, false, 127); }
void all_mechanisms(benchmark::State& state) { pick_and_report(state, true, 127); }

}  // namespace

BENCHMARK(selection_only)->Name("router/pick+report/selection_only");
BENCHMARK(all_mechanisms)->Name("router/pick+report/all_mechanisms");

BENCHMARK_MAIN();
