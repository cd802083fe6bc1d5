// Fuzzes the planner's `reliability` and `plan` sections of a scenario document (faultline mc,
// faultline plan), checked against the shipped plan-three-region topology.

#include <cstdint>
#include <stdexcept>

#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/planner/plan_space_loader.hpp"
#include "faultline/planner/reliability_loader.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const faultline::engine::Scenario scenario = [] {
    auto loaded =
        faultline::engine::ScenarioLoader::load_file(faultline::fuzz::source_path("scenarios/plan-three-region.json"));
    if (!loaded.scenario) throw std::runtime_error("plan-three-region.json does not load");
    return *loaded.scenario;
  }();
  const auto text = faultline::fuzz::as_text(data, size);
  (void)faultline::planner::ReliabilityLoader::load_text(text, "fuzz.json", scenario).error_report();
  (void)faultline::planner::PlanSpaceLoader::load_text(text, "fuzz.json", scenario).error_report();
  return 0;
}
