#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/engine/scenario/scenario_runner.hpp"
#include "faultline/gui/what_if_edits.hpp"

using namespace faultline;

namespace {

engine::RunbookStep step(std::string id, engine::Distribution duration, std::vector<std::string> after = {}) {
  engine::RunbookStep s;
  s.id = std::move(id);
  s.duration_s = std::move(duration);
  s.after = std::move(after);
  return s;
}

// a (60 s) -> b (uniform 100..140, mean 120 s), a -> c (30 s): critical path a, b = 180 s.
engine::Runbook sample_runbook() {
  std::string error;
  auto book = engine::Runbook::create(
      {step("a", engine::Distribution::constant(60)), step("b", engine::Distribution::uniform(100, 140), {"a"}),
       step("c", engine::Distribution::constant(30), {"a"})},
      error);
  REQUIRE(book);
  return *book;
}

}  // namespace

TEST_CASE("what-if edits of replication lag and backup interval, in seconds to the microsecond", "[gui][what_if]") {
  engine::StoreReplication r;
  r.lag = engine::seconds(5);
  r.backup_interval = engine::seconds(3600);
  CHECK(gui::replication_lag_s(r) == 5.0);
  CHECK(gui::backup_interval_s(r) == 3600.0);
  gui::set_replication_lag_s(r, 0.25);
  CHECK(r.lag == engine::SimDuration(250'000));
  gui::set_replication_lag_s(r, 1.0000004);  // rounds to the microsecond
  CHECK(r.lag == engine::SimDuration(1'000'000));
  gui::set_replication_lag_s(r, -3);  // never negative
  CHECK(r.lag == engine::SimDuration(0));
  gui::set_backup_interval_s(r, 900.5);
  CHECK(r.backup_interval == engine::SimDuration(900'500'000));
  CHECK(gui::describe_replication_lag(r).empty());
  SECTION("a lag distribution reads as its mean; an edit makes the lag exact") {
    r.lag_s = engine::Distribution::uniform(10, 30);
    CHECK(gui::replication_lag_s(r) == 20.0);  // (10 + 30) / 2
    CHECK_FALSE(gui::describe_replication_lag(r).empty());
    gui::set_replication_lag_s(r, 12);
    CHECK_FALSE(r.lag_s.has_value());
    CHECK(r.lag == engine::seconds(12));
    CHECK(gui::replication_lag_s(r) == 12.0);
  }
  CHECK(gui::kReplicationModes.size() == 4);
  CHECK(topology::to_string(gui::kReplicationModes[2]) == "backup_restore");
}

TEST_CASE("what-if edits of runbook steps rebuild a validated runbook", "[gui][what_if]") {
  engine::Runbook book = sample_runbook();
  REQUIRE(book.expected().critical_path == engine::seconds(180));
  CHECK(gui::step_duration_s(book.steps()[1]) == 120.0);  // uniform(100, 140): mean (100 + 140) / 2

  SECTION("a duration becomes a constant and the critical path follows: max(60 + 10, 60 + 30) = 90 s") {
    CHECK(gui::set_step_duration_s(book, 1, 10).empty());
    CHECK(book.steps()[1].duration_s.kind() == engine::Distribution::Kind::kConstant);
    CHECK(gui::step_duration_s(book.steps()[1]) == 10.0);
    CHECK(book.steps()[1].after == std::vector<std::string>{"a"});
    CHECK(book.expected().critical_path == engine::seconds(90));
    REQUIRE(book.expected().critical_steps.size() == 2);
    CHECK(book.expected().critical_steps[1] == 2);  // now via c
  }
  SECTION("failure chance and retries are edited in place") {
    CHECK(gui::edit_runbook_step(book, 2, [](engine::RunbookStep& s) {
            s.failure_chance = 0.25;
            s.retries = 2;
          }).empty());
    CHECK(book.steps()[2].failure_chance == 0.25);
    CHECK(book.steps()[2].retries == 2);
    CHECK(book.steps()[2].id == "c");
  }
  SECTION("an edit Runbook::create refuses leaves the runbook unchanged and says why") {
    const std::string error = gui::edit_runbook_step(book, 0, [](engine::RunbookStep& s) { s.after = {"b"}; });
    CHECK_THAT(error, Catch::Contains("step \""));
    CHECK(book.steps()[0].after.empty());
    CHECK(book.expected().critical_path == engine::seconds(180));
  }
  SECTION("a step that does not exist") {
    CHECK(gui::set_step_duration_s(book, 3, 5) == "runbook step 3: no such step (the runbook has 3)");
  }
}

TEST_CASE("what-if replication mode switches keep the store valid; the loader's limits are checked", "[gui][what_if]") {
  engine::StoreReplication r;
  r.mode = topology::ReplicationMode::kAsync;
  r.lag = engine::seconds(5);
  CHECK(gui::find_replication_error(r).empty());
  SECTION("a periodic mode without an interval gets 1 h; one with an interval keeps it") {
    gui::set_replication_mode(r, topology::ReplicationMode::kBackupRestore);
    CHECK(r.mode == topology::ReplicationMode::kBackupRestore);
    CHECK(r.backup_interval == engine::seconds(3600));
    CHECK(gui::find_replication_error(r).empty());
    r.backup_interval = engine::seconds(100);
    gui::set_replication_mode(r, topology::ReplicationMode::kScheduledRebuild);
    CHECK(r.backup_interval == engine::seconds(100));
    gui::set_replication_mode(r, topology::ReplicationMode::kSync);
    CHECK(r.mode == topology::ReplicationMode::kSync);
  }
  SECTION("errors: a periodic copy without an interval (the engine divides by it), values above 7 days") {
    r.mode = topology::ReplicationMode::kScheduledRebuild;
    CHECK(gui::find_replication_error(r) == "scheduled_rebuild needs a backup interval > 0 s");
    r.mode = topology::ReplicationMode::kAsync;
    r.lag = engine::seconds(7 * 86400 + 1);
    CHECK(gui::find_replication_error(r) == "replication lag must be 0 s to 7 days");
    r.lag = engine::seconds(0);
    r.backup_interval = engine::seconds(8 * 86400);
    CHECK(gui::find_replication_error(r) == "backup interval must be 0 s to 7 days");
  }
}

TEST_CASE("what-if edits reach the engine: runbook step duration and replication lag of reference.json's hot-warm",
          "[gui][what_if][e2e]") {
  const char* dir = std::getenv("FAULTLINE_SOURCE_DIR");
  engine::ScenarioLoadResult loaded =
      engine::ScenarioLoader::load_file(std::string(dir != nullptr ? dir : ".") + "/scenarios/reference.json");
  INFO(loaded.error_report());
  REQUIRE(loaded.scenario.has_value());
  engine::Scenario s = *loaded.scenario;
  REQUIRE(s.patterns.size() == 3);
  engine::PatternSpec& warm = s.patterns[1];
  REQUIRE(warm.name == "hot-warm");
  const auto promote = warm.runbook.find(engine::StepKind::kPromoteDatabase);
  REQUIRE(promote.has_value());
  // docs/runbooks-and-data.md: alert 2 min -> promote_database 5 min -> validate 2 min = 540 s;
  // promote at 10 min: 2 + 10 + 2 = 14 min = 840 s (the other branch, alert -> agents 3 -> threads 2 -> validate, is 9
  // min).
  REQUIRE(gui::set_step_duration_s(warm.runbook, *promote, 600).empty());
  // RPO of hot-warm is the storage account's async lag, 900 s (cosmos: 5 s); at 600 s it is 600 s.
  REQUIRE(warm.stores.count("storage-eastus2") == 1);
  gui::set_replication_lag_s(warm.stores.at("storage-eastus2"), 600);
  engine::RunOptions options;
  options.threads = 1;
  const engine::RunResult result = engine::run_scenario(s, options, {}, "test").value();
  REQUIRE(result.patterns.size() == 3);
  REQUIRE(result.patterns[1].incidents.size() == 1);
  CHECK(result.patterns[1].incidents[0].runbook_s == 840.0);
  CHECK(result.patterns[1].rpo_s == 600.0);
  CHECK(result.patterns[0].rpo_s == 900.0);  // hot-hot not edited
}
