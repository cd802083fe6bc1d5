// The GUI's what-if re-run at production traffic (issue 17): scenarios/reference.json (all three
// patterns, its 4 h run with the 2 h eastus2 outage from 30 min) with its chat traffic raised
// from 3 to 200 requests/s and every deployment's capacity scaled alike (engine::scale_traffic,
// so nothing more is refused), run as the GUI's RunWorker runs it: engine::run_scenario, every
// request simulated, the patterns on `threads` threads (the GUI passes the machine's hardware
// concurrency: 2 here). Goal: < 300 ms on 2 cores.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <stdexcept>
#include <vector>

#include "faultline/engine/kernel/quaternary_heap.hpp"
#include "faultline/engine/kernel/random_stream.hpp"

#include "faultline/engine/model/traffic_thinning.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/engine/scenario/scenario_runner.hpp"

namespace {

constexpr double kRatePerS = 200;

faultline::engine::Scenario reference_at_production_traffic() {
  const auto path = std::filesystem::path(FAULTLINE_SOURCE_ROOT) / "scenarios" / "reference.json";
  auto loaded = faultline::engine::ScenarioLoader::load_file(path.string());
  if (!loaded.scenario) throw std::runtime_error(loaded.error_report());
  const double rate = faultline::engine::offered_rate_per_s(*loaded.scenario);
  return faultline::engine::scale_traffic(*loaded.scenario, kRatePerS / rate);
}

void what_if_rerun(benchmark::State& state) {
  const auto scenario = reference_at_production_traffic();
  faultline::engine::RunOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  std::uint64_t requests = 0;
  for (auto _ : state) {
    auto result = faultline::engine::run_scenario(scenario, options, {}, "bench");
    for (const auto& pattern : result->patterns) {
      for (const auto& workload : pattern.workloads) requests += workload.offered;
    }
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(requests));
}

// The floor of the per-request semantics on this machine: per request only the three lognormal
// draws of the reference's chat workload (prompt, completion, service time, as Distribution::sample
// draws them) and one pending-event insert + pop on a heap holding `range(0)` events (about what the
// what-if run keeps pending: 200 requests/s times ~2 s in flight plus the arrival streams). No model,
// no router: what any per-request run costs at least, to compare with the < 300 ms goal.
// range(1) splits it: 0 both, 1 the draws alone, 2 the heap alone.
void per_request_floor(benchmark::State& state) {
  const auto scenario = reference_at_production_traffic();
  const faultline::engine::WorkloadSpec& spec = scenario.workloads.front();
  faultline::engine::RandomStream rng(1, 0, "floor");
  faultline::engine::QuaternaryHeap heap;
  const auto pending = static_cast<std::int64_t>(state.range(0));
  std::uint64_t sequence = 0;
  // Pending events spread over the next second, as arrivals and completions are.
  for (std::int64_t i = 0; i < pending; ++i) heap.insert({i * 1'000'000 / pending, sequence++ << 24});
  const bool has_draws = state.range(1) != 2;
  const bool has_heap = state.range(1) != 1;
  double sink = 0;
  for (auto _ : state) {
    double service_s = 1.5;  // the reference's median service time when the draws are left out
    if (has_draws) {
      sink += spec.prompt_tokens.sample(rng) + spec.completion_tokens.sample(rng);
      service_s = spec.service_time_s.sample(rng);
    }
    if (!has_heap) {
      sink += service_s;
      continue;
    }
    const std::int64_t now = heap.top().time_us;
    heap.pop();
    heap.insert({now + static_cast<std::int64_t>(service_s * 1e6), sequence++ << 24});
  }
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(what_if_rerun)->Arg(1)->Arg(2)->Arg(3)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(per_request_floor)->Args({512, 0})->Args({512, 1})->Args({512, 2});

BENCHMARK_MAIN();
