// Provisioned (PTU) admission and the spill order inside a region (domain-facts:
// "over 100 % utilisation returns 429 at once ...; a leaky bucket charged with the
// estimated tokens (prompt + max_tokens), drained in proportion to PTUs"; "spill order
// workload PTU -> enterprise PTU -> Standard").
//
// Setting (tests/engine/data_scenario.hpp): constant arrivals 2/s at 0.5, 1.0, ... s
// (call k at 0.5 k s), 1 s of service, the run ends at 3,600 s, no fault; Hot/Warm sends
// every call to eastus2. Here eastus2's chat deployment is provisioned with 36,000 tokens
// per minute (drain 600 tokens/s, bucket 60 s = 36,000 tokens) and each call sets
// max_tokens 500 on a 100-token prompt: 600 tokens charged per call.
//
// Derivation (every level is an integer number of tokens, exact in double): between
// calls the bucket drains 300 tokens. Before call k, with all earlier calls admitted,
// the level is 600 (k - 1) - 300 (k - 1) = 300 (k - 1), below 36,000 up to k = 120
// (t = 60 s). After call 120 the level is 36,300; call 121 finds 36,000 (100 %): 429;
// call 122 finds 35,700: admitted (36,300); and so on: from call 121 on, odd calls
// get 429 and even calls are admitted, one per second = the drain rate.
// A refused call ends one round trip after it arrives (<= 140 ms), an admitted one 1 s
// later; calls 7,198 and 7,199 (3,599.0 and 3,599.5 s) still in flight at the run's end are
// offered too, with the outcome of their attempt (docs/metrics.md): 7,199 offered in all.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

#include "command_runner.hpp"
#include "data_scenario.hpp"

using namespace faultline::engine;
using nlohmann::json;

namespace {

json& region_of(json& topology, const std::string& id) {
  for (json& region : topology["regions"]) {
    if (region["id"] == id) return region;
  }
  FAIL("no region " << id);
  throw std::logic_error("unreachable");
}

// The two-region topology with chat-eastus2 provisioned (36,000 TPM, pool priority
// `ptu_priority`) and, when `paygo_priority` > 0, a Standard deployment of the same model
// in eastus2 listed before it, at that pool priority.
json spill_topology(int ptu_priority, int paygo_priority) {
  std::ifstream in(faultline::testing::source_path("scenarios/topologies/foundry-two-region.json"));
  json topology = json::parse(in);
  json& eastus2 = region_of(topology, "eastus2");
  json& deployments = eastus2["model_deployments"];
  for (json& d : deployments) {
    if (d["id"] != "chat-eastus2") continue;
    d["deployment_type"] = "provisioned";
    d["capacity"]["tokens_per_minute"] = 36000;
    d["quota_tokens_per_minute"] = 36000;
    d["pool_priority"] = ptu_priority;
    if (paygo_priority > 0) {
      json paygo = d;
      paygo["id"] = "chat-eastus2-paygo";
      paygo["deployment_type"] = "data_zone_standard";
      paygo["capacity"]["tokens_per_minute"] = 300000;
      paygo["quota_tokens_per_minute"] = 300000;
      paygo["pool_priority"] = paygo_priority;
      deployments.insert(deployments.begin(), paygo);
      eastus2["gateways"][0]["backends"].push_back("chat-eastus2-paygo");
    }
    break;
  }
  return topology;
}

json spill_scenario(int ptu_priority, int paygo_priority) {
  json s = faultline::testing::data_scenario();
  s["topology"] = spill_topology(ptu_priority, paygo_priority);
  s["workloads"][0]["max_tokens"] = 500;
  s["faults"] = json::array();
  return s;
}

std::uint64_t failed(const PatternResult& r) { return r.workloads[0].offered - r.workloads[0].succeeded; }

}  // namespace

TEST_CASE("Provisioned deployments admit by the leaky bucket and spill by pool priority", "[engine][ptu]") {
  const json hot_warm = {{"name", "hot-warm"}};
  SECTION("PTU alone: over 100 % every other call gets 429") {
    // Refused: odd calls 121 .. 7,199 = (7,199 - 121) / 2 + 1 = 3,540. Served: calls 1 .. 120
    // and even calls 122 .. 7,198 = 120 + 3,539 = 3,659 (7,198 answers 200 after the end, by
    // its deadline). Offered 3,540 + 3,659 = 7,199.
    const PatternResult r = faultline::testing::run_data_pattern(spill_scenario(1, 0), hot_warm);
    CHECK(r.workloads[0].offered == 7199);
    CHECK(failed(r) == 3540);
    CHECK(r.workloads[0].succeeded == 3659);
  }
  SECTION("PTU then Standard: every refusal spills, nothing fails") {
    // The Standard deployment's 300,000 TPM quota (1,800 RPM, 30 per 1 s window) takes the
    // one call per second the PTU refuses. Every call is served in 1 s: calls 1 .. 7,199.
    const PatternResult r = faultline::testing::run_data_pattern(spill_scenario(1, 2), hot_warm);
    CHECK(r.workloads[0].offered == 7199);
    CHECK(failed(r) == 0);
  }
  SECTION("pool priority, not file order, decides who is tried first") {
    // The Standard deployment is listed first but at priority 2; a gray failure answers
    // 500 to every call it serves. Exactly the PTU's refusals reach it: odd calls
    // 121 .. 7,199 (7,199's 500 comes after the end, by its deadline) = 3,540.
    json s = spill_scenario(1, 2);
    s["faults"] = json::array({{{"name", "paygo-broken"},
                                {"type", "gray_failure"},
                                {"target", "chat-eastus2-paygo"},
                                {"start", 0},
                                {"duration", "1h"},
                                {"error_rate", 1}}});
    const PatternResult first_ptu = faultline::testing::run_data_pattern(s, hot_warm);
    CHECK(first_ptu.workloads[0].offered == 7199);
    CHECK(failed(first_ptu) == 3540);
    // Priorities swapped: the broken Standard deployment is tried first and answers 500 to
    // every call, and to the health probe (which asks the first member that could serve):
    // Front Door's probes of 0 s and 30 s fail (n = 4, x = 3: unhealthy after 2), so
    // eastus2 leaves the rotation at 30 s + the probe's round trip, and centralus (a
    // pay-per-token standby at full quota) serves from 30.5 s on. Failed: calls at 0.5 ..
    // 30.0 s = 60.
    s["topology"] = spill_topology(2, 1);
    const PatternResult first_paygo = faultline::testing::run_data_pattern(s, hot_warm);
    CHECK(first_paygo.workloads[0].offered == 7199);
    CHECK(failed(first_paygo) == 60);
  }
}

namespace {

// The two-region topology with a second Standard deployment of the chat model in eastus2,
// chat-eastus2-b, listed after chat-eastus2, both at pool priority 1, weights `a` and `b`.
json weighted_pool_topology(int weight_a, int weight_b) {
  std::ifstream in(faultline::testing::source_path("scenarios/topologies/foundry-two-region.json"));
  json topology = json::parse(in);
  json& eastus2 = region_of(topology, "eastus2");
  json& deployments = eastus2["model_deployments"];
  deployments[0]["pool_weight"] = weight_a;
  json second = deployments[0];
  second["id"] = "chat-eastus2-b";
  second["pool_weight"] = weight_b;
  second.erase("health_check");
  deployments.insert(deployments.begin() + 1, second);
  eastus2["gateways"][0]["backends"].push_back("chat-eastus2-b");
  return topology;
}

}  // namespace

TEST_CASE("APIM pool: equal pool priorities share the calls round robin or by weight", "[engine][pool]") {
  // domain-facts, API Management: "backend pools: round-robin, weighted or priority". Inside
  // one priority the gateway picks by smooth weighted round robin (nginx): each member gains
  // its weight, the largest current weight (the first listed on ties) wins and pays the total
  // back. Hot/Warm sends call k (at 0.5 k s) to eastus2, one pick per call (no retries).
  // From 300.25 s for 2 min chat-eastus2-b answers 500 to every call (gray failure, error rate
  // 1; the probe asks chat-eastus2, listed first, and stays green): calls 601 .. 840, 240 calls
  // in 60 cycles of 4 starting at k = 601 (k mod 4 = 1), fail when they go to b.
  json s = faultline::testing::data_scenario();
  s["workloads"][0]["writes_per_request"] = 0;
  s["faults"] = json::array({{{"name", "b-broken"},
                              {"type", "gray_failure"},
                              {"target", "chat-eastus2-b"},
                              {"start", 300.25},
                              {"duration", "2m"},
                              {"error_rate", 1}}});
  const json hot_warm = {{"name", "hot-warm"}};
  SECTION("weights 1 and 1: round robin, every other call to b") {
    // (1,1) -> a (tie) -> (-1,1); (0,2) -> b -> (0,0): a, b, a, b: even calls go to b.
    // 120 of 601 .. 840 are even.
    s["topology"] = weighted_pool_topology(1, 1);
    CHECK(failed(faultline::testing::run_data_pattern(s, hot_warm)) == 120);
  }
  SECTION("weights 1 and 3: b takes 3 calls in 4") {
    // (1,3) -> b (1,-1); (2,2) -> a (-2,2); (-1,5) -> b (-1,1); (0,4) -> b (0,0):
    // b, a, b, b: calls with k mod 4 != 2 go to b: 3 x 60 = 180.
    s["topology"] = weighted_pool_topology(1, 3);
    CHECK(failed(faultline::testing::run_data_pattern(s, hot_warm)) == 180);
  }
  SECTION("weights 3 and 1: b takes 1 call in 4") {
    // (3,1) -> a (-1,1); (2,2) -> a (-2,2); (1,3) -> b (1,-1); (4,0) -> a (0,0):
    // a, a, b, a: calls with k mod 4 = 3 go to b: 60.
    s["topology"] = weighted_pool_topology(3, 1);
    CHECK(failed(faultline::testing::run_data_pattern(s, hot_warm)) == 60);
  }
}
