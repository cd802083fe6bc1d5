#include <catch2/catch.hpp>

#include <string>

#include "faultline/engine/kernel/sim_time.hpp"
#include "model/event_log.hpp"

using namespace faultline::engine;

TEST_CASE("event log keeps the run's events in time order") {
  EventLog log;
  log.log(kSimStart + seconds(3), EventKind::kFault, "f1", EventState::kStart, "region_outage");
  log.log(kSimStart + seconds(9), EventKind::kRunbook, "late_step",
          EventState::kDone);  // sampled ahead, past a 6 s run
  log.log(kSimStart + seconds(1), EventKind::kRunbook, "early_step", EventState::kDone);
  log.log(kSimStart + millis(3000), EventKind::kEndpoint, "eastus", EventState::kUnhealthy, "probe");

  SECTION("events are kept in the order logged until the run ends") {
    REQUIRE(log.events().size() == 4);
    CHECK(log.events()[1].subject == "late_step");
    CHECK(log.events()[1].t_s == 9.0);
    CHECK(log.dropped() == 0);
  }
  SECTION("move_into drops events past the end and sorts stably by time") {
    PatternResult result;
    log.move_into(result, 6.0);
    // 9 s > 6 s is dropped; 1 s first; the two 3 s events keep their logged order.
    REQUIRE(result.events.size() == 3);
    CHECK(result.events[0] == EventRecord{1.0, EventKind::kRunbook, "early_step", EventState::kDone, ""});
    CHECK(result.events[1] == EventRecord{3.0, EventKind::kFault, "f1", EventState::kStart, "region_outage"});
    CHECK(result.events[2] == EventRecord{3.0, EventKind::kEndpoint, "eastus", EventState::kUnhealthy, "probe"});
    CHECK(result.events_dropped == 0);
  }
  SECTION("an event exactly at the end is kept") {
    PatternResult result;
    log.move_into(result, 9.0);
    CHECK(result.events.size() == 4);
    CHECK(result.events[3].subject == "late_step");
  }
}

TEST_CASE("event log is bounded at kMaxEvents and counts the rest as dropped") {
  EventLog log;
  // kMaxEvents (5000) kept, 2 more only counted.
  for (std::size_t i = 0; i < PatternResult::kMaxEvents + 2; ++i) {
    log.log(kSimStart + seconds(static_cast<std::int64_t>(i)), EventKind::kFault, "f" + std::to_string(i),
            EventState::kStart);
  }
  SECTION("the first 5000 are kept") {
    CHECK(log.events().size() == 5000);
    CHECK(log.events().back().subject == "f4999");
    CHECK(log.dropped() == 2);
  }
  SECTION("the result carries the dropped count") {
    PatternResult result;
    log.move_into(result, 1e9);
    CHECK(result.events.size() == 5000);
    CHECK(result.events_dropped == 2);
  }
}
