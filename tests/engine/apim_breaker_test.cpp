// Two routing layers (issue 16 item 5): inside a region, the APIM gateway's backend pool with
// its own circuit breaker, whose state is per gateway instance (domain-facts, API Management:
// "failure count or percentage within an interval, for status-code ranges; while tripped it
// returns 503 for the trip duration ... Rules are evaluated per gateway instance, without
// shared state"; "lower-priority backends get traffic only when all higher-priority ones are
// unavailable because their circuit breaker tripped").
//
// Setting (data_scenario.hpp, no writes): call k at 0.5 k s, 1 s of service, answered 1 s + r
// after it is sent (client round trip r <= 140 ms < 0.5 s). No probes and no router breaker:
// every call goes to eastus2. Its pool: chat-eastus2 at priority 1, chat-eastus2-b (Standard)
// at priority 2. From 300.25 s to 900.25 s chat-eastus2 answers 500 to every call (gray
// failure, error rate 1); the 500 is decided when the call is sent and reaches the breaker
// with the answer. Rule: 3 failures (500-599) within 10 s trip for 60 s.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

#include "command_runner.hpp"
#include "data_scenario.hpp"

using namespace faultline::engine;
using nlohmann::json;

namespace {

// The reference topology with chat-eastus2-b at pool priority 2 in eastus2 and, when
// `instances` > 0, the gateway's breaker rule on that many instances.
json breaker_topology(int instances) {
  std::ifstream in(faultline::testing::source_path("scenarios/topologies/foundry-two-region.json"));
  json topology = json::parse(in);
  json& eastus2 = topology["regions"][0];
  REQUIRE(eastus2["id"] == "eastus2");
  json second = eastus2["model_deployments"][0];
  second["id"] = "chat-eastus2-b";
  second["pool_priority"] = 2;
  second.erase("health_check");
  eastus2["model_deployments"].push_back(second);
  json& gateway = eastus2["gateways"][0];
  gateway["backends"].push_back("chat-eastus2-b");
  if (instances > 0) {
    gateway["instances"] = instances;
    gateway["backend_circuit_breaker"] = {{"failure_count", 3}, {"interval", "10s"}, {"trip_duration", "60s"}};
  }
  return topology;
}

std::uint64_t failed_with(int instances) {
  json s = faultline::testing::data_scenario();
  s["topology"] = breaker_topology(instances);
  s["workloads"][0]["writes_per_request"] = 0;
  s["faults"] = json::array({{{"name", "chat-errors"},
                              {"type", "gray_failure"},
                              {"target", "chat-eastus2"},
                              {"start", 300.25},
                              {"duration", "10m"},
                              {"error_rate", 1}}});
  const json pattern{
      {"name", "pool"}, {"routing", "priority"}, {"standby_fraction", 1}, {"router", {{"probe", nullptr}}}};
  const PatternResult r = faultline::testing::run_data_pattern(s, pattern);
  return r.workloads[0].offered - r.workloads[0].succeeded;
}

}  // namespace

TEST_CASE("APIM pool breaker: per-instance state, tripped members skipped for the next priority",
          "[engine][apim-breaker]") {
  SECTION("no breaker: every call of the fault fails on priority 1") {
    // Calls 601 .. 1,800 (300.5 .. 900.0 s): 1,200; a 500 does not spill.
    CHECK(failed_with(0) == 1200);
  }
  SECTION("one instance: 5 calls fail per trip cycle of 62.5 s") {
    // Calls of 300.5, 301.0, 301.5 s fail; the third's answer (302.5 s + r) trips, after the
    // calls of 302.0 and 302.5 s were sent: 5 failed. The trip ends at 362.5 s + r; the calls
    // of 363.0 .. 365.0 s fail and the answer of the 364.0 s one trips at 365.0 s + r: 5 more,
    // a cycle of 62.5 s. Cycles start at 300.5 + 62.5 j <= 900.0: j = 0 .. 9 (the last at
    // 863.0 s, its calls up to 865.0 s): 10 x 5 = 50.
    CHECK(failed_with(1) == 50);
  }
  SECTION("two instances: each learns on its own, 4 calls per instance per 64 s") {
    // Round robin: odd calls (x.5 s) on instance 0, even calls (x.0 s) on instance 1. Instance
    // 0: 300.5, 301.5, 302.5 fail, the third's answer trips at 303.5 s + r after the call of
    // 303.5 s was sent: 4 failed; trip ends 363.5 s + r, then 364.5 .. 367.5 s fail and trip at
    // 367.5 s + r: a cycle of 64 s from 300.5 s, j = 0 .. 9 (876.5 .. 879.5 s): 40. Instance 1
    // likewise from 301.0 s (877.0 .. 880.0 s last): 40. Total 80, more than one instance's 50.
    CHECK(failed_with(2) == 80);
  }
}
