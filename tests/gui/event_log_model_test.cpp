#include <catch2/catch.hpp>

#include "faultline/gui/event_log_model.hpp"

using namespace faultline;
using gui::EventKind;

TEST_CASE("build_event_log merges fault spans and incident marks in time order", "[gui][event_log]") {
  engine::Scenario s;
  s.duration = engine::seconds(4 * 3600);
  engine::FaultSpec f1;
  f1.name = "f1";
  f1.type = engine::FaultType::kRegionOutage;
  f1.target = "eastus2";
  f1.start = engine::at_micros(1800'000'000);
  f1.duration = engine::seconds(7200);
  engine::FaultSpec f2;
  f2.name = "f2";
  f2.type = engine::FaultType::kThrottling;
  f2.target = "pool";
  f2.start = engine::at_micros(3600'000'000);
  s.faults = {f1, f2};

  engine::RunResult result;
  engine::PatternResult a;
  a.name = "a";
  engine::IncidentResult ia;
  ia.fault = "f1";
  ia.start_s = 1800;
  ia.detect_s = 60;
  ia.switch_s = 90;
  ia.rto_s = 120;
  ia.recovered = true;
  a.incidents = {ia};
  engine::PatternResult b;
  b.name = "b";
  engine::IncidentResult ib;
  ib.fault = "f1";
  ib.start_s = 1800;
  ib.detect_s = 60;
  ib.rto_s = 9000;
  ib.recovered = false;
  b.incidents = {ib};
  result.patterns = {a, b};

  const std::vector<gui::EventLogEntry> log = gui::build_event_log(s, result);
  REQUIRE(log.size() == 8);
  // time, pattern, kind: ties keep scenario events first, then pattern order.
  const std::vector<std::tuple<double, std::string, EventKind>> expected{
      {1800, "", EventKind::kFaultStart}, {1860, "a", EventKind::kDetected},   {1860, "b", EventKind::kDetected},
      {1890, "a", EventKind::kSwitched},  {1920, "a", EventKind::kRecovered},  {3600, "", EventKind::kFaultStart},
      {9000, "", EventKind::kFaultEnd},   {10800, "b", EventKind::kNotRecovered}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("entry " << i << ": " << log[i].text);
    CHECK(log[i].time_s == std::get<0>(expected[i]));
    CHECK(log[i].pattern == std::get<1>(expected[i]));
    CHECK(log[i].kind == std::get<2>(expected[i]));
  }
  CHECK(log[0].text == "f1 starts: region_outage on eastus2");
  CHECK(log[1].text == "f1 detected (+60 s)");
  CHECK(log[4].text == "recovered from f1: RTO 120 s");
  CHECK(log[6].text == "f1 ends: region_outage on eastus2 cleared");
  CHECK(log[7].text == "still below the recovery threshold after 9000 s");

  CHECK(gui::entries_until(log, 0) == 0);
  CHECK(gui::entries_until(log, 1859.9) == 1);
  CHECK(gui::entries_until(log, 1860) == 3);
  CHECK(gui::entries_until(log, 1e9) == 8);
}

TEST_CASE("format_clock writes whole seconds as h/m/s", "[gui][event_log]") {
  CHECK(gui::format_clock(0) == "0m 00s");
  CHECK(gui::format_clock(59.9) == "0m 59s");
  CHECK(gui::format_clock(3725) == "1h 02m 05s");
  CHECK(gui::format_clock(-90) == "-1m 30s");
}
