// The GUI's what-if re-run at production traffic (issue 17): scenarios/reference.json (all three
// patterns, its 4 h run with the 2 h eastus2 outage from 30 min) with its chat traffic raised
// from 3 to 200 requests/s and every deployment's capacity scaled alike (engine::scale_traffic,
// so nothing more is refused), run as the GUI's RunWorker runs it: engine::run_scenario, every
// request simulated, the patterns on `threads` threads (the GUI passes the machine's hardware
// concurrency: 2 here). Goal: < 300 ms on 2 cores.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <stdexcept>

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

}  // namespace

BENCHMARK(what_if_rerun)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
