#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/engine/scenario/scenario_runner.hpp"
#include "faultline/gui/run_worker.hpp"

using namespace faultline;

namespace {

engine::Scenario reference() {
  const char* dir = std::getenv("FAULTLINE_SOURCE_DIR");
  engine::ScenarioLoadResult loaded =
      engine::ScenarioLoader::load_file(std::string(dir != nullptr ? dir : ".") + "/scenarios/reference.json");
  INFO(loaded.error_report());
  REQUIRE(loaded.scenario.has_value());
  return *loaded.scenario;
}

// Polls like the GUI's frame loop until the latest run's outcome arrives.
gui::RunOutcome wait_for(gui::RunWorker& worker) {
  for (;;) {
    if (auto outcome = worker.take_finished()) return *outcome;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace

TEST_CASE("RunWorker delivers the same result as run_scenario on the calling thread", "[gui][worker]") {
  const engine::Scenario scenario = reference();
  const std::vector<engine::InputFile> inputs{{"scenario", "reference.json", "00"}};
  engine::RunOptions options;
  options.threads = 1;
  const engine::RunResult expected = engine::run_scenario(scenario, options, inputs, "test").value();

  gui::RunWorker worker;
  CHECK_FALSE(worker.take_finished().has_value());  // nothing started
  const std::uint64_t id = worker.start(scenario, inputs, "test", 2);
  CHECK(id == 1);
  const gui::RunOutcome outcome = wait_for(worker);
  CHECK(outcome.id == 1);
  CHECK_FALSE(outcome.is_cancelled);
  CHECK(outcome.error.empty());
  REQUIRE(outcome.result.has_value());
  CHECK(*outcome.result == expected);
  CHECK(worker.progress() == 0.0);  // the delivered run is gone; no run in progress
  CHECK_FALSE(worker.is_running());
  CHECK_FALSE(worker.take_finished().has_value());  // delivered once
}

TEST_CASE("RunWorker: a new run cancels the one in progress and only the latest is delivered", "[gui][worker]") {
  engine::Scenario slow = reference();
  slow.duration = slow.duration * 200;  // 800 h: far longer than it takes to start the next run
  const engine::Scenario quick = reference();
  gui::RunWorker worker;
  CHECK(worker.start(slow, {}, "test", 1) == 1);
  CHECK(worker.is_running());
  CHECK(worker.start(quick, {}, "test", 1) == 2);
  const gui::RunOutcome outcome = wait_for(worker);
  CHECK(outcome.id == 2);
  REQUIRE(outcome.result.has_value());
  CHECK(outcome.result->patterns.size() == 3);
  // The superseded run stops at its next progress report (every 1 % of 800 h) and is joined.
  while (worker.superseded_runs_joined() < 1) {
    CHECK_FALSE(worker.take_finished().has_value());
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  CHECK(worker.superseded_runs_joined() == 1);
  CHECK(worker.superseded_runs_cancelled() == 1);
}

TEST_CASE("RunWorker::cancel stops the latest run and reports it cancelled", "[gui][worker]") {
  engine::Scenario slow = reference();
  slow.duration = slow.duration * 200;
  gui::RunWorker worker;
  worker.start(slow, {}, "test", 1);
  worker.cancel();
  const gui::RunOutcome outcome = wait_for(worker);
  CHECK(outcome.is_cancelled);
  CHECK_FALSE(outcome.result.has_value());
  CHECK(outcome.error.empty());  // cancelled is a status of the outcome, not an error text
}
