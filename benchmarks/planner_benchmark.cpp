// Simulated years per second of `faultline mc` on scenarios/reliability-two-region.json
// (issue 9's goal: 10,000 simulated years in under 60 s on 2 cores), with a
// cold incident cache in every iteration, and the failure/repair kernel alone; and
// at 200 requests/s in the fast traffic mode (issue 17 item 1: the same goal).

#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>

#include "faultline/engine/model/traffic_thinning.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/planner/monte_carlo.hpp"
#include "faultline/planner/reliability_loader.hpp"

namespace {

using namespace faultline;

struct Loaded {
  engine::Scenario scenario;
  planner::ReliabilityModel model;
};

Loaded load() {
  auto s =
      engine::ScenarioLoader::load_file(std::string(FAULTLINE_SOURCE_ROOT) + "/scenarios/reliability-two-region.json");
  if (!s.scenario) throw std::runtime_error(s.error_report());
  auto r = planner::ReliabilityLoader::load_file(*s.scenario);
  if (!r.model) throw std::runtime_error(r.error_report());
  return {*s.scenario, *r.model};
}

// state.range(0): replications of 10 years; state.range(1): threads; state.range(2): 1 = measure incidents;
// state.range(3): requests/s (the scenario's 1 scaled with its capacity, fast traffic mode).
void mc_years(benchmark::State& state) {
  Loaded loaded = load();
  if (state.range(3) != 1)
    loaded.scenario = engine::scale_traffic(loaded.scenario, static_cast<double>(state.range(3)));
  const auto structure = planner::StructureFunction::serving(loaded.scenario, loaded.model);
  planner::McOptions options;
  options.years = 10;
  options.replications = static_cast<std::uint64_t>(state.range(0));
  options.threads = static_cast<unsigned>(state.range(1));
  options.is_measuring_incidents = state.range(2) != 0;
  double years = 0;
  std::uint64_t traffic = 0;
  std::uint64_t incidents = 0;
  for (auto _ : state) {
    planner::MonteCarlo mc(loaded.scenario, loaded.model, structure, options);
    const contract::McResult result = mc.run();
    benchmark::DoNotOptimize(result.summary.structure_availability.mean);
    years += options.years * static_cast<double>(result.records.size());
    traffic += mc.traffic_simulations();
    for (const auto& r : result.records) {
      if (!r.patterns.empty()) incidents += r.patterns.front().incidents;
    }
  }
  state.counters["simulated_years_per_s"] = benchmark::Counter(years, benchmark::Counter::kIsRate);
  state.counters["traffic_runs_per_iteration"] = static_cast<double>(traffic) / static_cast<double>(state.iterations());
  state.counters["incidents_per_iteration"] = static_cast<double>(incidents) / static_cast<double>(state.iterations());
}

}  // namespace

// 10,000 simulated years, full measurement, 2 threads: the goal.
BENCHMARK(mc_years)->Args({1000, 2, 1, 1})->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);
// The same on 1 thread.
BENCHMARK(mc_years)->Args({1000, 1, 1, 1})->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);
// The failure/repair kernel and structure function alone (no traffic), 1 thread.
BENCHMARK(mc_years)->Args({1000, 1, 0, 1})->UseRealTime()->Unit(benchmark::kMillisecond);
// 10,000 simulated years at 200 requests/s, fast traffic mode, 2 threads (issue 17 item 1).
BENCHMARK(mc_years)->Args({1000, 2, 1, 200})->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);
BENCHMARK_MAIN();
