// The event log's kinds and states: one spelling each, read back to the same enumerator, and the
// router's endpoint and controller states mapped to the event states of the same name.
#include <catch2/catch.hpp>
#include <string>

#include "faultline/engine/model/event_kind.hpp"
#include "faultline/engine/model/event_state.hpp"

using namespace faultline;
using engine::EventKind;
using engine::EventState;

TEST_CASE("event kinds and states round-trip through their one spelling", "[engine][events]") {
  SECTION("kinds") {
    // 7 kinds: fault, quota, endpoint, controller, runbook, data, failback (docs/metrics.md).
    CHECK(engine::kEventKindSpellings.size() == 7);
    CHECK(engine::to_string(EventKind::kQuota) == "quota");
    for (const auto& [kind, name] : engine::kEventKindSpellings) {
      CHECK(engine::event_kind_from_string(name) == kind);
    }
    CHECK_FALSE(engine::event_kind_from_string("weather").has_value());
  }
  SECTION("states") {
    // 2 fault + 2 quota + 9 endpoint + 4 controller + 2 runbook + 1 data + 4 failback = 24.
    CHECK(engine::kEventStateSpellings.size() == 24);
    CHECK(engine::to_string(EventState::kHalfOpen) == "half_open");
    CHECK(engine::to_string(EventState::kTrafficBack) == "traffic_back");
    for (const auto& [state, name] : engine::kEventStateSpellings) {
      CHECK(engine::event_state_from_string(name) == state);
    }
    CHECK_FALSE(engine::event_state_from_string("rain").has_value());
  }
  SECTION("the allowed list names every kind in order") {
    CHECK(base::joined_spellings(engine::kEventKindSpellings) ==
          "fault, quota, endpoint, controller, runbook, data, failback");
  }
}

TEST_CASE("router states become the event states the router spells the same way", "[engine][events]") {
  SECTION("endpoint states") {
    for (int i = 0; i <= static_cast<int>(router::EndpointState::kEjectionEnd); ++i) {
      const auto state = static_cast<router::EndpointState>(i);
      CHECK(engine::to_string(engine::event_state(state)) == router::to_string(state));
    }
  }
  SECTION("controller states") {
    for (int i = 0; i <= static_cast<int>(router::ControllerState::kFailingBack); ++i) {
      const auto state = static_cast<router::ControllerState>(i);
      CHECK(engine::to_string(engine::event_state(state)) == router::to_string(state));
    }
  }
}
