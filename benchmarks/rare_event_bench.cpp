// Issue 17 item 2: time to estimate a structure's steady-state unavailability to +-10 % relative error
// (one standard error / estimate <= 0.1) at 1e-4, 1e-6 and 1e-9: plain Monte Carlo (the failure/repair
// kernel of `faultline mc` with the structure function only, no traffic) against the rare-event estimator
// (balanced failure biasing, regenerative). Units of MTTR 4 h in parallel, q = MTTR / (MTBF + MTTR).
// Plain Monte Carlo runs a fixed budget and reports `s_to_10pct` extrapolated from its variance
// (relative error falls as 1 / sqrt(simulated years)); the estimator runs to the target.

#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <stdexcept>
#include <string>

#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/planner/markov_chain.hpp"
#include "faultline/planner/monte_carlo.hpp"
#include "faultline/planner/rare_event_estimator.hpp"

namespace {

using namespace faultline;

constexpr double kMttrS = 4 * 3600.0;

// `units` alike components in parallel, each down with probability q; U = q^units.
planner::ReliabilityModel units_in_parallel(std::size_t units, double q) {
  planner::ReliabilityModel model;
  for (std::size_t i = 0; i < units; ++i) {
    planner::ReliabilityComponent c;
    c.name = "unit" + std::to_string(i);
    c.target = c.name;
    c.time_between_failures = engine::Distribution::exponential(kMttrS * (1 - q) / q);
    c.time_to_repair = engine::Distribution::exponential(kMttrS);
    model.components.push_back(c);
  }
  return model;
}

// state.range(0): units; state.range(1): -log10 q.
planner::ReliabilityModel model_of(const benchmark::State& state) {
  return units_in_parallel(static_cast<std::size_t>(state.range(0)),
                           std::pow(10.0, -static_cast<double>(state.range(1))));
}

void rare_event(benchmark::State& state) {
  const planner::ReliabilityModel model = model_of(state);
  const auto structure = planner::StructureFunction::k_of_n(1, model.components.size());
  const planner::RareEventEstimator estimator(model, structure, {});
  double u = 0;
  double rel_error = 0;
  double cycles = 0;
  for (auto _ : state) {
    const planner::RareEventEstimate e = estimator.run(1);
    u = e.unavailability;
    rel_error = e.relative_error.value_or(-1);
    cycles = static_cast<double>(e.cycles);
    benchmark::DoNotOptimize(u);
  }
  state.counters["U"] = u;
  state.counters["rel_error"] = rel_error;
  state.counters["cycles"] = cycles;
}

// state.range(2): replications of 100 years (the fixed budget).
void plain_monte_carlo(benchmark::State& state) {
  auto loaded =
      engine::ScenarioLoader::load_file(std::string(FAULTLINE_SOURCE_ROOT) + "/scenarios/reliability-two-region.json");
  if (!loaded.scenario) throw std::runtime_error(loaded.error_report());
  const planner::ReliabilityModel model = model_of(state);
  const auto structure = planner::StructureFunction::k_of_n(1, model.components.size());
  planner::McOptions options;
  options.years = 100;
  options.replications = static_cast<std::uint64_t>(state.range(2));
  options.is_measuring_incidents = false;
  double mean = 0;
  double rel_error = 0;
  double seconds = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    planner::MonteCarlo mc(*loaded.scenario, model, structure, options);
    const contract::McResult result = mc.run();
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // Per replication U_i = downtime / simulated time; standard error of their mean.
    double sum = 0;
    double sum2 = 0;
    for (const auto& r : result.records) {
      const double u = r.structure_downtime_s / (options.years * planner::kSecondsPerYear);
      sum += u;
      sum2 += u * u;
    }
    const auto n = static_cast<double>(result.records.size());
    mean = sum / n;
    const double se = std::sqrt(std::max(0.0, (sum2 - sum * sum / n) / (n - 1)) / n);
    rel_error = mean > 0 ? se / mean : -1;
  }
  state.counters["U"] = mean;
  state.counters["rel_error"] = rel_error;
  state.counters["years"] = options.years * static_cast<double>(options.replications);
  // Relative error ~ 1 / sqrt(years): the time the budget would need to reach 10 %.
  state.counters["s_to_10pct"] = rel_error > 0 ? seconds * std::pow(rel_error / 0.1, 2) : -1;
}

}  // namespace

// units, -log10 q (U = q^units)
BENCHMARK(rare_event)->Args({2, 2})->Args({2, 3})->Args({3, 3})->Unit(benchmark::kMillisecond)->Iterations(3);
// units, -log10 q, replications of 100 y
BENCHMARK(plain_monte_carlo)
    ->Args({2, 2, 100})
    ->Args({2, 3, 1000})
    ->Args({3, 3, 10000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

BENCHMARK_MAIN();
