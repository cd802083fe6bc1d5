#pragma once
// The benchmark scenario: the reference scenario on the reference topology
// scaled x100 (quota, capacity, concurrency), one pattern, a chosen length and rate.

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "faultline/engine/scenario/scenario_loader.hpp"

namespace faultline::benchmarks {

// Writes the scaled topology next to a scenario of `duration` at `rate` req/s and loads it.
inline faultline::engine::Scenario make_scenario(const std::string& duration, double rate, const std::string& pattern) {
  namespace fs = std::filesystem;
  using nlohmann::json;
  const fs::path source = fs::path(FAULTLINE_SOURCE_ROOT) / "scenarios";
  std::ifstream topology_in(source / "topologies" / "foundry-two-region.json");
  json topology = json::parse(topology_in);
  for (json& region : topology["regions"]) {
    for (json& d : region["model_deployments"]) {
      d["capacity"]["tokens_per_minute"] = d["capacity"]["tokens_per_minute"].get<double>() * 100;
      d["capacity"]["concurrency"] = d["capacity"]["concurrency"].get<double>() * 100;
      d["quota_tokens_per_minute"] = d["quota_tokens_per_minute"].get<double>() * 100;
    }
  }
  const fs::path dir = fs::temp_directory_path() / "faultline-traffic-bench";
  fs::create_directories(dir);
  std::ofstream(dir / "topology.json") << topology.dump();
  std::ifstream scenario_in(source / "reference.json");
  json scenario = json::parse(scenario_in);
  scenario["topology"] = "topology.json";
  scenario["duration"] = duration;
  scenario["workloads"][0]["arrivals"]["rate_per_s"] = rate;
  scenario["patterns"] = json::array({json{{"name", pattern}}});
  scenario["faults"][0]["start"] = "10m";
  scenario["faults"][0]["duration"] = "20m";
  auto loaded = faultline::engine::ScenarioLoader::load_text(scenario.dump(), "bench.json", dir.string());
  if (!loaded.scenario) throw std::runtime_error(loaded.error_report());
  return *loaded.scenario;
}

}  // namespace faultline::benchmarks
