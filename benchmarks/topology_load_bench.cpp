// Loading, linting and drawing a topology with many deployments (issue 20: no
// input-proportional step may be quadratic). The reference two-region topology with
// each region's deployments filled to N/2 with copies of its chat deployment
// (distinct ids); figures in
// benchmarks/RESULTS.md ("Topology size").

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "faultline/topology/dot_writer.hpp"
#include "faultline/topology/linter.hpp"
#include "faultline/topology/topology_loader.hpp"

namespace {

using faultline::topology::TopologyLoader;

std::string wide_topology(int deployments) {
  std::ifstream in(std::string(FAULTLINE_SOURCE_ROOT) + "/scenarios/topologies/foundry-two-region.json");
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json doc = nlohmann::json::parse(text.str());
  for (auto& region : doc["regions"]) {
    const nlohmann::json model = region["model_deployments"][0];
    // The originals stay (gateways and agents refer to them); copies fill each region to N/2.
    for (auto i = static_cast<int>(region["model_deployments"].size()); i < deployments / 2; ++i) {
      nlohmann::json copy = model;
      copy["id"] = model["id"].get<std::string>() + "-" + std::to_string(i);
      region["model_deployments"].push_back(copy);
    }
  }
  return doc.dump();
}

void load(benchmark::State& state) {
  const std::string text = wide_topology(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto loaded = TopologyLoader::load_text(text, "wide.json");
    if (!loaded.is_ok()) throw std::runtime_error(loaded.error_report());
    benchmark::DoNotOptimize(loaded);
  }
  state.counters["deployments"] = static_cast<double>(state.range(0));
}

void lint_and_draw(benchmark::State& state) {
  const auto loaded = TopologyLoader::load_text(wide_topology(static_cast<int>(state.range(0))), "wide.json");
  if (!loaded.is_ok()) throw std::runtime_error(loaded.error_report());
  for (auto _ : state) {
    benchmark::DoNotOptimize(faultline::topology::lint(*loaded.topology));
    benchmark::DoNotOptimize(faultline::topology::to_dot(*loaded.topology));
  }
}

}  // namespace

BENCHMARK(load)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(lint_and_draw)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
