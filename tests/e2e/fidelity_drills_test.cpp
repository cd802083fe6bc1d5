// End to end: the issue 16 fidelity drills (scenarios/single-region-cosmos.json, apim-*.json,
// scenarios/pool-load-balancing.json), run through the built `faultline run` and checked
// against the figures their descriptions claim, derived by hand. Setting and facts as in
// drills_test.cpp: foundry-two-region variants, constant arrivals at 2 requests/s (call k
// at 0.5 k s), 1 s of service, timeout 30 s, client round trip d <= 140 ms; Front Door
// probes every 30 s, n = 4, x = 3, timeout 10 s; RTO window W = 60 s.

#include <catch2/catch.hpp>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "drill_support.hpp"

namespace {

using faultline::drills::DrillRun;
using faultline::drills::failed;
using faultline::drills::incident;
using faultline::drills::lint_topology;
using faultline::drills::LintRun;
using faultline::drills::run_drill;
using nlohmann::json;

// The store entry named `id` of an incident; fails the test when there is none.
const json& store_of(const json& incident, const std::string& id) {
  for (const json& s : incident.at("stores")) {
    if (s.at("store") == id) return s;
  }
  FAIL("no store " << id);
  return incident;
}

}  // namespace

TEST_CASE("single-region Cosmos DB: a region outage loses the 240 min bound, no promotion helps", "[e2e][drills]") {
  // cosmos-eastus2 has no replication link: its only copy (domain-facts, Cosmos DB RPO,
  // "1 region < 240 min"). eastus2 dark from F = 300 s to 900 s; every call writes once to
  // it. F < 240 min, so every write acknowledged before F is lost: arrivals 0.5 .. 298.5 s
  // (acknowledged by 299.64 s; the calls of 299.0 and 299.5 s are in flight at F and
  // dropped) = 597, RPO 14,400 s. Probes detect at 340 s and traffic moves to centralus,
  // where writes answer 503 until eastus2 returns at 900 s whatever the runbook does:
  // 80 timeouts (arrivals 300.0 .. 339.5 s) + 1,120 refusals (340.0 .. 899.5 s) + the 2
  // dropped = 1,202 failed; the last bad window ends at 960 s: RTO 660 s, 450 s missed.
  const DrillRun run = run_drill("single-region-cosmos.json");
  const json& r = run.result;
  CHECK(run.exit_code == 1);
  for (const std::string name : {"runbook-promotes", "no-runbook"}) {
    INFO(name);
    const json& i = incident(r, name, "eastus2-outage");
    const json& cosmos = store_of(i, "cosmos-eastus2");
    CHECK(cosmos.at("mode") == "single_region");
    CHECK(cosmos.at("rpo_s") == 14400.0);
    CHECK(cosmos.at("lost_writes") == 597);
    CHECK(cosmos.at("promoted_s").is_null());
    CHECK(i.at("rpo_s") == 14400.0);
    CHECK(i.at("detect_s") == 40.0);
    CHECK(i.at("rto_s") == 660.0);
    CHECK(failed(r, name) == 1202);
  }
  SECTION("the topology says so: FL011, agent threads persisted to a store with no replica") {
    const LintRun lint = lint_topology("foundry-two-region-single-region-db.json");
    CHECK(lint.exit_code == 1);
    CHECK(lint.rules == std::set<std::string>{"FL011"});
  }
}

TEST_CASE("APIM pool weights: a broken heavy member fails 3 calls in 4", "[e2e][drills]") {
  // eastus2's pool: chat-eastus2 (weight 1, listed first) and chat-eastus2-b (weight 3) at
  // pool priority 1. Smooth weighted round robin from (0, 0): (1,3) -> b; (2,2) -> a (first
  // on ties); (-1,5) -> b; (0,4) -> b; back to (0,0): b, a, b, b, so call k goes to a iff
  // k mod 4 = 2. chat-eastus2-b answers 500 from 300.25 s for 2 min: calls 601 .. 840
  // (300.5 .. 420.0 s), 60 cycles of 4, 3 of each to b: 180 failed. The probe asks
  // chat-eastus2 (first by priority and file order) and stays green: nothing detected.
  const DrillRun run = run_drill("pool-load-balancing.json");
  const json& r = run.result;
  CHECK(run.exit_code == 0);
  CHECK(failed(r, "priority") == 180);
  CHECK(incident(r, "priority", "chat-b-errors").at("detect_s").is_null());
  SECTION("the topology lints clean") {
    const LintRun lint = lint_topology("foundry-two-region-weighted-pool.json");
    CHECK(lint.exit_code == 0);
    CHECK(lint.rules == std::set<std::string>{});
  }
}

TEST_CASE("APIM pool breaker per gateway instance: 4 failed calls per instance per trip cycle", "[e2e][drills]") {
  // eastus2's pool: chat-eastus2 (priority 1), chat-eastus2-b (priority 2); the gateway's 2
  // instances take calls in turn (odd calls, at x.5 s, instance 0; even, at x.0 s, instance
  // 1) and each keeps its own breaker: 3 failures within 10 s trip a member for 60 s.
  // chat-eastus2 answers 500 from 300.25 s to 900.25 s; no probes. Instance 0: the calls of
  // 300.5, 301.5, 302.5 s fail, the third's answer (303.5 s + r) trips after the 303.5 s call
  // was sent: 4 failed; the trip ends at 363.5 s + r and the cycle repeats every 64 s from
  // 300.5 s (last at 876.5 .. 879.5 s): 10 x 4 = 40. Instance 1 the same from 301.0 s: 40.
  const DrillRun run = run_drill("apim-pool-breaker.json");
  const json& r = run.result;
  CHECK(run.exit_code == 0);
  CHECK(failed(r, "pool-breaker") == 80);
  SECTION("the topology lints clean") {
    const LintRun lint = lint_topology("foundry-two-region-apim-pool.json");
    CHECK(lint.exit_code == 0);
    CHECK(lint.rules == std::set<std::string>{});
  }
}

TEST_CASE("APIM cross-region pool: the remote member serves 50 ms later and Front Door never fails over",
          "[e2e][drills]") {
  // eastus2's pool: chat-eastus2 (priority 1), then centralus's chat-centralus (priority 2),
  // a call to which adds the 2 x 25 ms eastus2-centralus round trip. chat-eastus2 loses all
  // capacity from 300.25 s for 10 min: the calls of 299.5 and 300.0 s, in flight there, are
  // dropped (2 failed); every later call spills at once to chat-centralus and succeeds. Calls
  // k = 1 .. 2,398 plus the one in flight at the end: 2,399 offered. Latency: us-east (60 %)
  // 24 + 1,000 ms locally, + 50 ms remotely; us-west (40 %) 140 + 1,000, + 50 remotely. About
  // 30 % of calls each at 1,024 and 1,074 ms, 20 % each at 1,140 and 1,190 ms: the median is
  // 1,074 ms, the 99th percentile 1,190 ms (within the sketch's 2^-7). The probe asks the
  // first live member, chat-centralus, and gets 200: nothing is detected, no failover.
  const DrillRun run = run_drill("apim-cross-region-pool.json");
  const json& r = run.result;
  CHECK(run.exit_code == 0);
  CHECK(failed(r, "cross-region-pool") == 2);
  const json& chat = faultline::drills::pattern(r, "cross-region-pool").at("workloads").at(0);
  CHECK(chat.at("offered") == 2399);
  CHECK(chat.at("p50_latency_ms").get<double>() == Approx(1074.0).epsilon(0.0078125));
  CHECK(chat.at("p99_latency_ms").get<double>() == Approx(1190.0).epsilon(0.0078125));
  CHECK(incident(r, "cross-region-pool", "chat-eastus2-lost").at("detect_s").is_null());
  SECTION("the topology lints clean") {
    const LintRun lint = lint_topology("foundry-two-region-cross-region-pool.json");
    CHECK(lint.exit_code == 0);
    CHECK(lint.rules == std::set<std::string>{});
  }
}

TEST_CASE("APIM pool breaker seen by the health probe: every member tripped answers 503, Front Door fails over",
          "[e2e][drills]") {
  // eastus2's gateway: 1 instance, breaker counting 429 and 500-599, 3 within 10 s trip for
  // 15 min; its pool's only member chat-eastus2 answers 429 to every call from 300.25 s for
  // 10 min. Calls of 300.5, 301.0, 301.5 s: 429 at once, the third trips at 301.5 s (until
  // 1,201.5 s, past the run). Probes at 30 s multiples: 300 s (before the fault) is 200;
  // 330 s and 360 s find every member tripped: 503. Two failures leave 2 of the last 4
  // successful, under 3: unhealthy when the 360 s probe answers, 360 + 0.024 s (the round
  // trip from us-east-users, the largest client group): detect_s = 360.024 - 300.25 =
  // 59.774. Calls 300.5 .. 360.0 s fail (k = 601 .. 720: 120); from 360.5 s calls
  // go to centralus and succeed. Ignoring the breaker, the probe would get 200 from the
  // throttled deployment (a throttled deployment answers probes) and nothing would move.
  const DrillRun run = run_drill("apim-probe-sees-pool.json");
  const json& r = run.result;
  CHECK(run.exit_code == 0);
  CHECK(failed(r, "probe-sees-pool") == 120);
  const json& i = incident(r, "probe-sees-pool", "chat-eastus2-throttled");
  CHECK(i.at("detect_s").get<double>() == Approx(59.774).margin(1e-9));
  CHECK(i.at("switch_s").get<double>() == Approx(59.774).margin(1e-9));
  SECTION("the topology lints clean") {
    const LintRun lint = lint_topology("foundry-two-region-throttle-breaker.json");
    CHECK(lint.exit_code == 0);
    CHECK(lint.rules == std::set<std::string>{});
  }
}
