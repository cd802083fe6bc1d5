#include "data_scenario.hpp"

#include <catch2/catch.hpp>

#include "command_runner.hpp"
#include "faultline/engine/model/pattern_simulation.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/engine/scenario/scenario_runner.hpp"

namespace faultline::testing {

nlohmann::json data_scenario() {
  return nlohmann::json::parse(R"({
    "name": "data-layer",
    "topology": "topologies/foundry-two-region.json",
    "duration": "1h",
    "seed": 5,
    "workloads": [{"name": "chat", "model": "gpt-4.1-mini", "arrivals": {"process": "constant", "rate_per_s": 2},
                   "prompt_tokens": 100, "completion_tokens": 50, "service_time": 1, "writes_per_request": 1}],
    "faults": [{"name": "outage", "type": "region_outage", "target": "eastus2", "start": 1234, "duration": "10m"}],
    "patterns": []
  })");
}

engine::Scenario load_data_scenario(const nlohmann::json& scenario) {
  const auto loaded = engine::ScenarioLoader::load_text(scenario.dump(), "data-layer.json", source_path("scenarios"));
  INFO(loaded.error_report());
  REQUIRE(loaded.scenario);
  return *loaded.scenario;
}

engine::PatternResult run_data_pattern(nlohmann::json scenario, const nlohmann::json& pattern) {
  scenario["patterns"] = nlohmann::json::array({pattern});
  const engine::Scenario s = load_data_scenario(scenario);
  engine::PatternSimulation simulation(s, 0);
  engine::PatternResult result = simulation.run();
  engine::judge_targets(s, result);
  return result;
}

}  // namespace faultline::testing
