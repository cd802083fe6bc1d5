// RTO phases (docs/metrics.md, "RTO phases"): the builder on a hand-made timeline,
// and the engine on scenarios/db-manual-failover.json with phases derived by hand.

#include <catch2/catch.hpp>

#include "command_runner.hpp"
#include "faultline/engine/model/pattern_simulation.hpp"
#include "faultline/engine/model/rto_phases.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"

using namespace faultline::engine;

namespace {

SimTime at_s(std::int64_t s) { return kSimStart + seconds(s); }

struct Expected {
  const char* phase;
  double start_s;
  double end_s;
};

// The phases' ids and bounds are exactly `expected`, in order.
void check_phases(const std::vector<RtoPhaseResult>& phases, const std::vector<Expected>& expected) {
  REQUIRE(phases.size() == expected.size());
  for (std::size_t k = 0; k < phases.size(); ++k) {
    INFO("phase " << k << ": " << phases[k].phase << " " << phases[k].start_s << " .. " << phases[k].end_s);
    CHECK(phases[k].phase == expected[k].phase);
    CHECK(phases[k].start_s == expected[k].start_s);
    CHECK(phases[k].end_s == expected[k].end_s);
  }
}

PatternResult run_pattern(const Scenario& scenario, std::size_t index) {
  PatternSimulation simulation(scenario, index);
  return simulation.run();
}

}  // namespace

TEST_CASE("rto phases: builder on a hand-made timeline", "[engine][rto-phases]") {
  // F = 100 s, T = 500 s, W = 60 s, recovered: R = T - W = 440 s. Detected at 130 s, switched at
  // 150 s. Two constraints: capacity (ramp cleared at 300 s, last failure 299 s) and writes (cleared
  // at 440 s by a service promotion, last refused write recorded at 439.5 s, inside [R - 1 s, R)).
  // Writes bind (failing in the last failing second, cleared at R): undetected [0, 30),
  // switching [30, 50), database promotion [50, 340), recovery window [340, 400).
  RtoTimeline t;
  t.start = at_s(100);
  t.rto_end = at_s(500);
  t.is_recovered = true;
  t.window = seconds(60);
  t.detected_at = at_s(130);
  t.switched_at = at_s(150);
  RtoConstraint capacity{at_s(300), at_s(299), {RtoSpan{at_s(100), at_s(300), RtoPhaseKind::kCapacityRamp, "ramp"}}};
  RtoConstraint writes{at_s(440),
                       at_s(439) + micros(500'000),
                       {RtoSpan{at_s(100), at_s(440), RtoPhaseKind::kDatabasePromotion, "promotion"}}};
  t.constraints = {capacity, writes};
  SECTION("the constraint failing at R binds; phases are contiguous and sum to T - F") {
    const auto phases = build_rto_phases(t);
    REQUIRE(phases.size() == 4);
    CHECK(phases[0] == RtoPhaseResult{"undetected", 0.0, 30.0, ""});
    CHECK(phases[1] == RtoPhaseResult{"switching", 30.0, 50.0, ""});
    CHECK(phases[2] == RtoPhaseResult{"database_promotion", 50.0, 340.0, "promotion"});
    CHECK(phases[3].phase == "recovery_window");
    CHECK(phases[3].start_s == 340.0);
    CHECK(phases[3].end_s == 400.0);
  }
  SECTION("without failures at R the last constraint cleared by R binds; the rest is residual") {
    // Writes stop failing at 200 s and clear at 250 s; nothing fails in [R - 1 s, R), so the last
    // constraint to clear by R binds: capacity, at 300 s. In s from F = 100 s: capacity ramp
    // [50, 200), residual failures [200, 340), recovery window [340, 400).
    t.constraints[1].last_failure_at = at_s(200);
    t.constraints[1].cleared_at = at_s(250);
    t.residual_cause = "timeouts";
    const auto phases = build_rto_phases(t);
    REQUIRE(phases.size() == 5);
    CHECK(phases[2] == RtoPhaseResult{"capacity_ramp", 50.0, 200.0, "ramp"});
    CHECK(phases[3] == RtoPhaseResult{"residual_failures", 200.0, 340.0, "timeouts"});
  }
  SECTION("not recovered: phases run to the incident's end, the pending constraint last, no recovery window") {
    // T = E = 500 s is the bound; R = T. Writes never clear (kSimForever) and fail to the end.
    t.is_recovered = false;
    t.constraints[1].cleared_at = kSimForever;
    t.constraints[1].chain[0].end = kSimForever;
    t.constraints[1].last_failure_at = at_s(499);
    const auto phases = build_rto_phases(t);
    REQUIRE(phases.size() == 3);
    CHECK(phases[2] == RtoPhaseResult{"database_promotion", 50.0, 400.0, "promotion"});
  }
  SECTION("RTO 0: no phase") {
    t.rto_end = t.start;
    CHECK(build_rto_phases(t).empty());
  }
}

TEST_CASE("rto phases: db-manual-failover, derived by hand", "[engine][rto-phases]") {
  // scenarios/db-manual-failover.json: eastus2 (the write region) is dark from F = 300 s for 10 min;
  // 2 requests/s, each writing once; W = 60 s. Probes mark eastus2 unhealthy at 340 s (detect 40 s)
  // and Front Door sends everything to centralus, where every write is refused (503) until a
  // copy is promoted. The runbook starts at detection (no trigger delay).
  const auto loaded = ScenarioLoader::load_file(faultline::testing::source_path("scenarios/db-manual-failover.json"));
  INFO(loaded.error_report());
  REQUIRE(loaded.scenario);
  const Scenario& scenario = *loaded.scenario;
  SECTION("scripted-promotion: undetected 40 s + runbook alert 120 s + database promotion 180 s + window 60 s") {
    // alert runs 340 .. 460 s, promote 460 .. 640 s: the last refused write is sent at 639.5 s,
    // so the promotion at 640 s clears the binding constraint. T = 700 s (RTO 400 s), R = 640 s.
    // Phases (s from F): undetected [0, 40), runbook step alert [40, 160), database promotion
    // [160, 340), recovery window [340, 400). The router took eastus2 out at 340 s, the switch
    // instant, which is also the detection: the switching phase is empty and left out.
    const PatternResult r = run_pattern(scenario, 0);
    REQUIRE(r.incidents.size() == 1);
    CHECK(r.incidents[0].rto_s == 400.0);
    const auto& phases = r.incidents[0].rto_phases;
    check_phases(phases, {{"undetected", 0, 40},
                          {"runbook_step", 40, 160},
                          {"database_promotion", 160, 340},
                          {"recovery_window", 340, 400}});
    CHECK(phases[1].cause == "runbook step alert");
  }
  SECTION("no-promotion: writes wait for eastus2 to return at 900 s; RTO 660 s") {
    // No promote step: the last refused write is sent at 899.5 s and the fault ends at 900 s
    // (600 s from F), which clears the writes: undetected [0, 40), waiting for the fault to end
    // [40, 600), recovery window [600, 660).
    const PatternResult r = run_pattern(scenario, 1);
    REQUIRE(r.incidents.size() == 1);
    CHECK(r.incidents[0].rto_s == 660.0);
    check_phases(r.incidents[0].rto_phases,
                 {{"undetected", 0, 40}, {"fault_in_progress", 40, 600}, {"recovery_window", 600, 660}});
  }
}
