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
      {1800, "", EventKind::kFaultStart}, {1860, "a", EventKind::kDetected},     {1860, "b", EventKind::kDetected},
      {1890, "a", EventKind::kSwitched},  {1920, "a", EventKind::kRecovered},    {3600, "", EventKind::kFaultStart},
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

namespace {

// A one-hour run with fault f1: a region outage of eastus2 from 600 s to 1800 s.
engine::Scenario f1_scenario() {
  engine::Scenario s;
  s.duration = engine::seconds(3600);
  engine::FaultSpec f;
  f.name = "f1";
  f.type = engine::FaultType::kRegionOutage;
  f.target = "eastus2";
  f.start = engine::at_micros(600'000'000);
  f.duration = engine::seconds(1200);
  s.faults = {f};
  return s;
}

// f1's incident: detected after 30 s, recovered after 400 s, four runbook steps, two stores, failback at 1500 s.
engine::IncidentResult f1_incident() {
  engine::IncidentResult incident;
  incident.fault = "f1";
  incident.start_s = 600;
  incident.rto_s = 400;
  incident.recovered = true;
  incident.detect_s = 30;
  incident.runbook_steps = {{"deploy", "deploy_models", 10, 100, 1, false, true},
                            {"index", "rebuild_search_index", 10, 50, 2, false, false},
                            {"agents", "recreate_agents", 100, 160, 3, true, false},
                            {"warm", "warm_gpu_caches", 0, 0, 0, false, false}};
  incident.stores = {{"db", "async", 4.5, 3, 90.0, std::nullopt, std::nullopt},
                     {"blob", "backup_restore", 3600, 0, std::nullopt, std::nullopt, std::nullopt}};
  engine::FailbackResult fb;
  fb.fault_end_s = 1200;
  fb.complete_s = 1500;
  fb.failed_requests = 7;
  incident.failback = fb;
  return incident;
}

}  // namespace

TEST_CASE("build_event_log shows the result's events and fills runbook, data and failback from incidents when absent",
          "[gui][event_log]") {
  const engine::Scenario s = f1_scenario();
  const engine::IncidentResult incident = f1_incident();

  engine::RunResult result;
  engine::PatternResult with_events;
  with_events.name = "a";
  with_events.incidents = {incident};
  // The engine's log: the fault (shown once, from the scenario), router states, one runbook step.
  with_events.events = {{600, engine::EventKind::kFault, "f1", engine::EventState::kStart, ""},
                        {615, engine::EventKind::kEndpoint, "eastus2", engine::EventState::kUnhealthy, "probe"},
                        {620, engine::EventKind::kController, "global", engine::EventState::kFailedOver, "breaker"},
                        {700, engine::EventKind::kRunbook, "deploy", engine::EventState::kDone, ""},
                        {2000, engine::EventKind::kQuota, "gpt-eastus2", engine::EventState::kKept, "busy"}};
  with_events.events_dropped = 4;
  engine::PatternResult without_events = with_events;
  without_events.name = "b";
  without_events.events.clear();
  result.patterns = {with_events, without_events};

  const std::vector<gui::EventLogEntry> log = gui::build_event_log(s, result);
  // a: 4 events (fault skipped) + detect + recovered; its runbook events replace the steps, data and
  // failback come from the incident (no "data"/"failback" event): 1 promoted store + failback.
  // b: 3 started steps + 1 promoted store + failback + detect + recovered. Scenario: start + end.
  REQUIRE(log.size() == 2 + 8 + 7);
  const std::vector<std::tuple<double, std::string, EventKind, std::string>> expected{
      {600, "", EventKind::kFaultStart, "f1 starts: region_outage on eastus2"},
      {615, "a", EventKind::kEndpoint, "endpoint eastus2: unhealthy (probe)"},
      {620, "a", EventKind::kController, "controller global: failed over (breaker)"},
      {630, "a", EventKind::kDetected, "f1 detected (+30 s)"},
      {630, "b", EventKind::kDetected, "f1 detected (+30 s)"},
      {650, "b", EventKind::kRunbook, "runbook step index: done after 2 attempts"},
      {690, "a", EventKind::kData, "store db: promoted (RPO 4.5 s, 3 lost writes)"},
      {690, "b", EventKind::kData, "store db: promoted (RPO 4.5 s, 3 lost writes)"},
      {700, "a", EventKind::kRunbook, "runbook step deploy: done"},
      {700, "b", EventKind::kRunbook, "runbook step deploy: done (critical path)"},
      {760, "b", EventKind::kRunbook, "runbook step agents: failed after 3 attempts"},
      {1000, "a", EventKind::kRecovered, "recovered from f1: RTO 400 s"},
      {1000, "b", EventKind::kRecovered, "recovered from f1: RTO 400 s"},
      {1800, "", EventKind::kFaultEnd, "f1 ends: region_outage on eastus2 cleared"},
      {2000, "a", EventKind::kQuota, "quota gpt-eastus2: kept (busy)"},
      {2100, "a", EventKind::kFailback, "failback complete (7 failed requests)"},
      {2100, "b", EventKind::kFailback, "failback complete (7 failed requests)"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("entry " << i << ": " << log[i].text);
    CHECK(log[i].time_s == std::get<0>(expected[i]));
    CHECK(log[i].pattern == std::get<1>(expected[i]));
    CHECK(log[i].kind == std::get<2>(expected[i]));
    CHECK(log[i].text == std::get<3>(expected[i]));
  }
  // Only the step that failed for good is a failure.
  for (std::size_t i = 0; i < log.size(); ++i) {
    INFO("entry " << i << ": " << log[i].text);
    CHECK(log[i].is_failure == (i == 10));
  }
  CHECK(std::string(gui::to_string(EventKind::kController)) == "controller");
  CHECK(std::string(gui::to_string(EventKind::kFailback)) == "failback");
}
