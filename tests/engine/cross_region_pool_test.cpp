// Cross-region members of an APIM backend pool (issue 16 item 5, seeds/001: a region's
// gateway reaching a model deployment of another region through private endpoints). A
// gateway's `backends` naming a deployment of another region puts it in that gateway's
// pool at its own pool_priority; a call to it adds the inter-region round trip (2 x the
// 25 ms eastus2-centralus link = 50 ms); it is down when its own region is.
//
// Setting (data_scenario.hpp, no writes, 1 h): call k at 0.5 k s, 1 s of service, client
// round trip r = 24 ms (us-east-users, 60 %) or 140 ms (us-west-users, 40 %) to eastus2.
// No probes: every call goes to eastus2 (priority 1).

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

#include "command_runner.hpp"
#include "data_scenario.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"

using namespace faultline::engine;
using nlohmann::json;

namespace {

// The reference topology whose eastus2 gateway also lists chat-centralus (pool priority 2).
// With `has_local_model` false, chat-eastus2 serves another model: eastus2's pool for
// gpt-4.1-mini holds only the remote member. With `breaker_instances` > 0, the gateway's
// breaker rule (3 failures within 10 s trip for 60 s) on that many instances.
json cross_region_topology(bool has_local_model, int breaker_instances) {
  std::ifstream in(faultline::testing::source_path("scenarios/topologies/foundry-two-region.json"));
  json topology = json::parse(in);
  json& eastus2 = topology["regions"][0];
  json& centralus = topology["regions"][1];
  REQUIRE(eastus2["id"] == "eastus2");
  REQUIRE(centralus["model_deployments"][0]["id"] == "chat-centralus");
  centralus["model_deployments"][0]["pool_priority"] = 2;
  if (!has_local_model) eastus2["model_deployments"][0]["model"] = "gpt-4o";
  json& gateway = eastus2["gateways"][0];
  gateway["backends"].push_back("chat-centralus");
  if (breaker_instances > 0) {
    gateway["instances"] = breaker_instances;
    gateway["backend_circuit_breaker"] = {{"failure_count", 3}, {"interval", "10s"}, {"trip_duration", "60s"}};
  }
  return topology;
}

PatternResult run_cross_region(bool has_local_model, int breaker_instances, const json& faults) {
  json s = faultline::testing::data_scenario();
  s["topology"] = cross_region_topology(has_local_model, breaker_instances);
  s["workloads"][0]["writes_per_request"] = 0;
  s["faults"] = faults;
  const json pattern{
      {"name", "pool"}, {"routing", "priority"}, {"standby_fraction", 1}, {"router", {{"probe", nullptr}}}};
  return faultline::testing::run_data_pattern(s, pattern);
}

std::uint64_t failed(const PatternResult& r) { return r.workloads[0].offered - r.workloads[0].succeeded; }

// The sketch's relative error (quantile_sketch.hpp, P = 6): 2^-7.
constexpr double kSketchError = 0.0078125;

}  // namespace

TEST_CASE("APIM cross-region pool: a remote member serves after the inter-region round trip",
          "[engine][cross-region-pool]") {
  SECTION("the model absent in eastus2: every call served by chat-centralus, 50 ms later") {
    // Every call: r + 50 ms + 1 s. us-east (60 % of calls): 24 + 50 + 1,000 = 1,074 ms, the
    // median; us-west (40 %): 140 + 50 + 1,000 = 1,190 ms, the 99th percentile. Nothing fails
    // (without the remote member each call would get 404: no deployment of the model).
    const PatternResult r = run_cross_region(false, 0, json::array());
    CHECK(failed(r) == 0);
    CHECK(*r.workloads[0].p50_latency_ms == Approx(1074.0).epsilon(kSketchError));
    CHECK(*r.workloads[0].p99_latency_ms == Approx(1190.0).epsilon(kSketchError));
  }
  SECTION("the remote member goes down with its own region") {
    // centralus dark from 300.25 s for 10 min: eastus2's only member is down, each call of
    // 300.5 .. 900.0 s gets 503 at once: 1,200 failed. The calls of 299.5 and 300.0 s, at
    // chat-centralus until 299.5 + 1.05 + r > 300.25 s, are dropped at 300.25 s (the call of
    // 299.0 s was answered by 300.05 + r <= 300.19 s): 2 more, 1,202. eastus2's gateway
    // stays up throughout.
    const json faults = json::array({{{"name", "centralus-outage"},
                                      {"type", "region_outage"},
                                      {"target", "centralus"},
                                      {"start", 300.25},
                                      {"duration", "10m"}}});
    CHECK(failed(run_cross_region(false, 0, faults)) == 1202);
  }
  SECTION("a failing local member's per-instance breaker spills to the remote member") {
    // chat-eastus2 answers 500 from 300.25 s for 10 min; the breaker derivation of
    // apim_breaker_test.cpp "two instances" holds unchanged (the failing calls are local,
    // answered 1 s + r after they are sent): 4 failed per instance per 64 s cycle, 10 cycles
    // each, 80; every other call of the fault is served by chat-centralus.
    const json faults = json::array({{{"name", "chat-errors"},
                                      {"type", "gray_failure"},
                                      {"target", "chat-eastus2"},
                                      {"start", 300.25},
                                      {"duration", "10m"},
                                      {"error_rate", 1}}});
    CHECK(failed(run_cross_region(true, 2, faults)) == 80);
  }
}

TEST_CASE("APIM cross-region pool: a member the traffic model cannot serve is refused at load",
          "[engine][cross-region-pool]") {
  // With centralus taken out of the global entry's origins, eastus2's gateway still lists
  // chat-centralus: the traffic model simulates origin regions only, so the scenario is refused
  // (exit 2 in the CLI) rather than run with the member silently left out.
  json s = faultline::testing::data_scenario();
  s["topology"] = cross_region_topology(false, 0);
  json& origins = s["topology"]["global_entry"]["origins"];
  REQUIRE(origins.size() == 2);
  REQUIRE(origins[1]["gateway"] == "apim-centralus");
  origins.erase(1);
  s["patterns"] = json::array({{{"name", "pool"}, {"routing", "priority"}, {"standby_fraction", 1}}});
  const ScenarioLoadResult loaded = ScenarioLoader::load_text(s.dump(), "pool.json", ".");
  REQUIRE_FALSE(loaded.scenario.has_value());
  INFO(loaded.error_report());
  REQUIRE(loaded.errors.size() == 1);
  CHECK(loaded.errors[0].to_string() ==
        "pool.json: topology: gateway \"apim-eastus2\" lists backend \"chat-centralus\" of region \"centralus\", which "
        "the global entry does not route to (allowed: cross-region pool members in origin regions of the global "
        "entry, reachable over the network from the gateway's region (docs/topology.md))");
}
