// Cost per recorded request of the streaming metrics (docs/metrics.md): each
// component alone and the full stack a workload class uses (availability + SLO
// windows, latency sketch, RTO tracker, bucketed series). The requests are
// generated up front (Poisson arrivals at 2000/s, lognormal latencies, an outage
// with 90 % failures in every 500 s replay) so only the metrics are timed.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "faultline/engine/model/availability_counter.hpp"
#include "faultline/engine/model/bucketed_series.hpp"
#include "faultline/engine/model/quantile_sketch.hpp"
#include "faultline/engine/kernel/random_stream.hpp"
#include "faultline/engine/model/recovery_tracker.hpp"

namespace {

using namespace faultline::engine;

constexpr std::int64_t kSpanUs = 500'000'000;  // one replay of the trace: 500 s

struct Request {
  std::int64_t t_us;
  std::int64_t latency_us;
  std::uint32_t region;
  bool is_success;
};

std::vector<Request> make_trace() {
  std::vector<Request> out;
  RandomStream rng(1, 0, "metrics-bench");
  for (std::int64_t t = 0;;) {
    t += from_seconds(rng.exponential(1.0 / 2000.0)).count();
    if (t >= kSpanUs) break;
    const bool is_outage = t >= 100'000'000 && t < 160'000'000;
    const bool is_success = !(is_outage && rng.bernoulli(0.9));
    const auto latency = static_cast<std::int64_t>(rng.lognormal(11.5, 0.6));
    out.push_back({t, latency, static_cast<std::uint32_t>(is_outage ? 1 : 0), is_success});
  }
  return out;
}

// Replays the trace again and again, shifted by kSpanUs each time, calling `sink` per request.
template <typename Sink>
void replay(benchmark::State& state, Sink&& sink) {
  const std::vector<Request> requests = make_trace();  // built before timing starts
  std::int64_t offset = 0;
  for (auto _ : state) {
    for (const Request& r : requests) sink(at_micros(offset + r.t_us), r);
    offset += kSpanUs;
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(requests.size()));
}

void sketch_only(benchmark::State& state) {
  auto sketch = std::make_unique<QuantileSketch>();
  replay(state, [&](SimTime, const Request& r) { sketch->record(r.latency_us); });
  benchmark::DoNotOptimize(sketch->count());
}

void availability_only(benchmark::State& state) {
  AvailabilityCounter counter(SloConfig{0.999, millis(500), seconds(60)});
  replay(state, [&](SimTime t, const Request& r) { counter.record(t, r.is_success, micros(r.latency_us)); });
  benchmark::DoNotOptimize(counter.good());
}

void recovery_only(benchmark::State& state) {
  RecoveryTracker tracker;
  std::int64_t next_fault_us = 100'000'000;
  replay(state, [&](SimTime t, const Request& r) {
    if (t.time_since_epoch().count() >= next_fault_us) {
      tracker.begin_incident(at_micros(next_fault_us), "outage");
      next_fault_us += kSpanUs;
    }
    tracker.record(t, r.is_success ? 1 : 0, 1);
  });
  benchmark::DoNotOptimize(tracker.incidents().size());
}

void series_only(benchmark::State& state) {
  BucketedSeries series(SeriesConfig{seconds(86400), 1440, {"primary", "secondary"}});
  replay(state,
         [&](SimTime t, const Request& r) { series.record_request(t, r.is_success, micros(r.latency_us), r.region); });
  benchmark::DoNotOptimize(series.bucket_count());
}

// What the traffic model does per completed request of one workload class.
void full_stack(benchmark::State& state) {
  AvailabilityCounter counter(SloConfig{0.999, millis(500), seconds(60)});
  auto sketch = std::make_unique<QuantileSketch>();
  RecoveryTracker tracker;
  BucketedSeries series(SeriesConfig{seconds(86400), 1440, {"primary", "secondary"}});
  std::int64_t next_fault_us = 100'000'000;
  replay(state, [&](SimTime t, const Request& r) {
    if (t.time_since_epoch().count() >= next_fault_us) {
      tracker.begin_incident(at_micros(next_fault_us), "outage");
      next_fault_us += kSpanUs;
    }
    const SimDuration latency = micros(r.latency_us);
    counter.record(t, r.is_success, latency);
    if (r.is_success) sketch->record(r.latency_us);
    tracker.record(t, r.is_success ? 1 : 0, 1);
    series.record_request(t, r.is_success, latency, r.region);
  });
  benchmark::DoNotOptimize(counter.good());
  benchmark::DoNotOptimize(sketch->count());
}

}  // namespace

BENCHMARK(sketch_only)->Unit(benchmark::kMillisecond);
BENCHMARK(availability_only)->Unit(benchmark::kMillisecond);
BENCHMARK(recovery_only)->Unit(benchmark::kMillisecond);
BENCHMARK(series_only)->Unit(benchmark::kMillisecond);
BENCHMARK(full_stack)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
