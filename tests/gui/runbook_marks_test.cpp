#include <catch2/catch.hpp>

#include "faultline/gui/runbook_marks.hpp"

using namespace faultline;

TEST_CASE("runbook_marks: started steps of every incident on the run's clock, by end time", "[gui][runbook_marks]") {
  engine::PatternResult p;
  engine::IncidentResult first;
  first.start_s = 600;
  first.runbook_steps = {{"deploy", "deploy_models", 0, 600, 1, false, true},
                         {"index", "rebuild_search_index", 0, 200, 2, false, false},
                         {"agents", "recreate_agents", 600, 900, 3, true, false},
                         {"warm", "warm_gpu_caches", 0, 0, 0, false, false}};
  engine::IncidentResult second;
  second.start_s = 5000;
  second.runbook_steps = {{"deploy", "deploy_models", 10, 70, 1, false, true}};
  engine::IncidentResult none;  // no runbook: no mark
  p.incidents = {first, none, second};

  const std::vector<gui::RunbookMark> marks = gui::runbook_marks(p);
  REQUIRE(marks.size() == 4);  // "warm" never started
  CHECK(marks[0].id == "index");
  CHECK(marks[0].start_s == 600.0);
  CHECK(marks[0].end_s == 800.0);
  CHECK(marks[1].id == "deploy");
  CHECK(marks[1].end_s == 1200.0);
  CHECK(marks[1].is_critical);
  CHECK(marks[2].id == "agents");
  CHECK(marks[2].end_s == 1500.0);
  CHECK(marks[2].is_failed);
  CHECK(marks[3].start_s == 5010.0);
  CHECK(marks[3].end_s == 5070.0);

  CHECK(gui::describe_mark(marks[0]) == "runbook step index: 10m 00s to 13m 20s, 2 attempts");
  CHECK(gui::describe_mark(marks[2]) == "runbook step agents: 20m 00s to 25m 00s, 3 attempts, FAILED");
  CHECK(gui::describe_mark(marks[1]) == "runbook step deploy: 10m 00s to 20m 00s, critical path");
  CHECK(gui::runbook_marks(engine::PatternResult{}).empty());
}
