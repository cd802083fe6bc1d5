#include <catch2/catch.hpp>

#include "faultline/gui/cursor_state.hpp"

using namespace faultline;
using gui::IncidentPhase;

namespace {

// A 150 s run in 60 s buckets: [0, 60), [60, 120), [120, 150).
engine::PatternResult three_buckets() {
  engine::PatternResult p;
  p.name = "hot-warm";
  engine::SeriesResult& s = p.series;
  s.bucket_s = 60;
  s.start_s = {0, 60, 120};
  s.success_ratio = {1.0, std::nullopt, 0.5};
  s.p99_latency_ms = {100.0, std::nullopt, 900.0};
  s.regions = {"eastus2", "centralus"};
  s.traffic_share = {{0.5, std::nullopt, 1.0}, {0.5, std::nullopt, 0.0}};
  s.capacity = {{1.0, 1.0, 0.25}, {1.0, 0.5, 0.0}};
  engine::IncidentResult i;
  i.fault = "f1";
  i.start_s = 30;
  i.detect_s = 10;
  i.switch_s = 20;
  i.full_capacity_s = 50;
  i.rto_s = 80;
  i.recovered = true;
  p.incidents.push_back(i);
  return p;
}

engine::Scenario scenario_150s() {
  engine::Scenario s;
  s.duration = engine::seconds(150);
  engine::FaultSpec f1;
  f1.name = "f1";
  f1.start = engine::at_micros(30'000'000);
  f1.duration = engine::seconds(60);
  engine::FaultSpec f2;
  f2.name = "f2";
  f2.start = engine::at_micros(100'000'000);
  s.faults = {f1, f2};
  return s;
}

}  // namespace

TEST_CASE("bucket_at finds the bucket covering a time, the last one ending at the run end", "[gui][cursor]") {
  const engine::PatternResult p = three_buckets();
  CHECK(gui::bucket_at(p.series, 0, 150) == 0U);
  CHECK(gui::bucket_at(p.series, 59.999, 150) == 0U);
  CHECK(gui::bucket_at(p.series, 60, 150) == 1U);
  CHECK(gui::bucket_at(p.series, 149.9, 150) == 2U);
  CHECK_FALSE(gui::bucket_at(p.series, 150, 150).has_value());
  CHECK_FALSE(gui::bucket_at(p.series, -1, 150).has_value());
  CHECK_FALSE(gui::bucket_at(engine::SeriesResult{}, 10, 150).has_value());
}

TEST_CASE("is_fault_active: start inclusive, end exclusive, open-ended faults last", "[gui][cursor]") {
  const engine::Scenario s = scenario_150s();
  CHECK_FALSE(gui::is_fault_active(s.faults[0], 29.999));
  CHECK(gui::is_fault_active(s.faults[0], 30));
  CHECK(gui::is_fault_active(s.faults[0], 89.999));
  CHECK_FALSE(gui::is_fault_active(s.faults[0], 90));
  CHECK(gui::is_fault_active(s.faults[1], 1e9));
}

TEST_CASE("incident_phase follows the marks relative to the fault start", "[gui][cursor]") {
  engine::IncidentResult i = three_buckets().incidents[0];  // start 30, detect +10, switch +20, full +50, RTO 80
  CHECK(gui::incident_phase(i, 29) == IncidentPhase::kNone);
  CHECK(gui::incident_phase(i, 30) == IncidentPhase::kUndetected);
  CHECK(gui::incident_phase(i, 40) == IncidentPhase::kDetected);
  CHECK(gui::incident_phase(i, 50) == IncidentPhase::kSwitched);
  CHECK(gui::incident_phase(i, 80) == IncidentPhase::kFullCapacity);
  CHECK(gui::incident_phase(i, 110) == IncidentPhase::kRecovered);
  i.recovered = false;  // never recovered: stays at its last mark
  CHECK(gui::incident_phase(i, 1000) == IncidentPhase::kFullCapacity);
  i.detect_s.reset();
  i.switch_s.reset();
  i.full_capacity_s.reset();
  CHECK(gui::incident_phase(i, 1000) == IncidentPhase::kUndetected);
  CHECK(std::string(gui::to_string(IncidentPhase::kFullCapacity)) == "full capacity");
}

TEST_CASE("cursor_state reads the bucket, regions, active faults and phase at the cursor", "[gui][cursor]") {
  const engine::Scenario s = scenario_150s();
  const engine::PatternResult p = three_buckets();
  SECTION("inside the last bucket, during f2, after the recovery") {
    const gui::CursorState c = gui::cursor_state(s, p, 125);
    CHECK(c.time_s == 125);
    CHECK(c.bucket == 2U);
    CHECK(c.success_ratio == 0.5);
    CHECK(c.p99_latency_ms == 900.0);
    REQUIRE(c.regions.size() == 2);
    CHECK(c.regions[0].name == "eastus2");
    CHECK(c.regions[0].traffic_share == 1.0);
    CHECK(c.regions[0].capacity == 0.25);
    CHECK(c.regions[1].traffic_share == 0.0);
    CHECK(c.regions[1].capacity == 0.0);
    CHECK(c.active_faults == std::vector<std::string>{"f2"});
    CHECK(c.incident == 0U);
    CHECK(c.phase == IncidentPhase::kRecovered);
  }
  SECTION("a bucket without traffic has no ratio and no shares") {
    const gui::CursorState c = gui::cursor_state(s, p, 60);
    CHECK(c.bucket == 1U);
    CHECK_FALSE(c.success_ratio.has_value());
    CHECK_FALSE(c.regions[0].traffic_share.has_value());
    CHECK(c.regions[1].capacity == 0.5);
    CHECK(c.active_faults == std::vector<std::string>{"f1"});
    CHECK(c.phase == IncidentPhase::kSwitched);  // 60 - 30 = 30 s: switched at +20, full at +50
  }
  SECTION("before any fault and outside the run") {
    const gui::CursorState before = gui::cursor_state(s, p, 10);
    CHECK(before.active_faults.empty());
    CHECK_FALSE(before.incident.has_value());
    CHECK(before.phase == IncidentPhase::kNone);
    const gui::CursorState after = gui::cursor_state(s, p, 150);
    CHECK_FALSE(after.bucket.has_value());
    CHECK(after.regions.empty());
    CHECK_FALSE(after.success_ratio.has_value());
  }
}
