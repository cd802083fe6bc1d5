// Fuzzes the scenario loader (with its inline or referenced topology); a scenario that loads
// runs for one simulated second (faultline run).

#include <chrono>
#include <cstdint>

#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/engine/scenario/scenario_runner.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using faultline::engine::ScenarioLoader;
  // Relative topology files resolve against the shipped scenarios, as the seeds expect.
  const auto loaded = ScenarioLoader::load_text(faultline::fuzz::as_text(data, size), "fuzz.json",
                                                faultline::fuzz::source_path("scenarios"));
  if (!loaded.scenario) return 0;
  faultline::engine::Scenario scenario = *loaded.scenario;
  scenario.duration = std::chrono::seconds(1);
  try {
    (void)faultline::engine::run_scenario(scenario, {}, {}, "fuzz");
  } catch (const std::invalid_argument&) {
    // documented: an unknown pattern name (none is passed here)
  }
  return 0;
}
