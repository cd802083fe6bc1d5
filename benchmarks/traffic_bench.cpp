// End-to-end speed of the traffic plane: simulated requests per second of CPU
// time, and a 24-hour run at 200 requests/s (issue 5's goals: >= 2 M requests/s
// per core; the day in under 10 s). The reference topology is scaled so that
// 200 requests/s are served (quota and capacity x 100), not refused with 429s.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "bench_scenario.hpp"
#include "faultline/engine/model/pattern_simulation.hpp"

namespace {

using faultline::benchmarks::make_scenario;

void one_hour(benchmark::State& state, const std::string& pattern) {
  const auto scenario = make_scenario("1h", 200, pattern);
  std::uint64_t requests = 0;
  std::uint64_t events = 0;
  for (auto _ : state) {
    faultline::engine::PatternSimulation simulation(scenario, 0);
    benchmark::DoNotOptimize(simulation.run());
    requests += simulation.requests();
    events += simulation.events();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(requests));
  state.counters["events_per_request"] = static_cast<double>(events) / static_cast<double>(requests);
}

void hour_hot_hot(benchmark::State& state) { one_hour(state, "hot-hot"); }
void hour_hot_warm(benchmark::State& state) { one_hour(state, "hot-warm"); }

void day_at_200_per_s(benchmark::State& state) {
  const auto scenario = make_scenario("24h", 200, "hot-warm");
  std::uint64_t requests = 0;
  for (auto _ : state) {
    faultline::engine::PatternSimulation simulation(scenario, 0);
    benchmark::DoNotOptimize(simulation.run());
    requests += simulation.requests();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(requests));
}

}  // namespace

BENCHMARK(hour_hot_hot)->Unit(benchmark::kMillisecond);
BENCHMARK(hour_hot_warm)->Unit(benchmark::kMillisecond);
BENCHMARK(day_at_200_per_s)->Unit(benchmark::kSecond)->Iterations(1);

BENCHMARK_MAIN();
