// quota_reclaimed takes quota back only from an idle deployment (docs/scenarios.md,
// "quota_reclaimed takes quota only from an idle deployment"): idle = admitted no call
// in the hour before the fault. Setting (tests/engine/data_scenario.hpp): the
// two-region Foundry topology, 2 requests/s at 0.5, 1.0, 1.5, ... s, 1 s of service;
// here the only fault is chat-centralus's quota reclaimed at F = 600 s for 10 min.
// Front Door probes every 30 s from t = 0 with n = 4, x = 3 (unhealthy after 2 failed
// probes); a probe answers after the smallest round trip, 24 ms.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

#include "data_scenario.hpp"

using namespace faultline::engine;
using nlohmann::json;

namespace {

json quota_scenario() {
  json s = faultline::testing::data_scenario();
  s["faults"] = json::array({{{"name", "quota"},
                              {"type", "quota_reclaimed"},
                              {"target", "chat-centralus"},
                              {"start", 600},
                              {"duration", "10m"}}});
  return s;
}

bool has_event(const PatternResult& r, double t_s, const std::string& kind, const std::string& subject,
               const std::string& state, const std::string& cause) {
  return std::any_of(r.events.begin(), r.events.end(), [&](const EventRecord& e) {
    return e.t_s == t_s && to_string(e.kind) == kind && e.subject == subject && to_string(e.state) == state &&
           e.cause == cause;
  });
}

std::uint64_t failed(const PatternResult& r) { return r.workloads[0].offered - r.workloads[0].succeeded; }

}  // namespace

TEST_CASE("quota_reclaimed: a live deployment keeps its quota, an idle standby loses it", "[engine][quota]") {
  SECTION("Hot/Hot: centralus serves half the calls, so it is busy at 600 s and keeps its quota") {
    // Round-robin sends every second arrival to centralus from 0.5 s on: its last admitted
    // call before F is 599.5 or 600.0 - 0.5 s, well within [F - 1 h, F). Nothing changes:
    // no failed request in the whole run, no detection, RTO 0.
    const PatternResult r = faultline::testing::run_data_pattern(quota_scenario(), {{"name", "hot-hot"}});
    CHECK(has_event(r, 600.0, "quota", "chat-centralus", "kept", "busy"));
    CHECK_FALSE(has_event(r, 600.0, "quota", "chat-centralus", "reclaimed", "idle"));
    CHECK(failed(r) == 0);
    REQUIRE(r.incidents.size() == 1);
    CHECK_FALSE(r.incidents[0].detect_s);
    CHECK(r.incidents[0].rto_s == 0.0);
    // Arrivals 0.5 .. 3,599.5 s: 7,199 offered, all served (those of 3,599.0 and 3,599.5 s are
    // answered after the 3,600 s end, by their deadline, and count: docs/metrics.md).
    CHECK(r.workloads[0].offered == 7199);
  }
  SECTION("Hot/Warm: priority routing sends nothing to centralus, so it is idle and loses its quota") {
    // The standby admitted no call since t = 0: reclaimed at 600 s. The probes of 600 and
    // 630 s get 503 after the 64 ms round trip from us-east-users (the probes' vantage):
    // unhealthy at 630.064 s, detect_s = 30.064. No request goes
    // to the standby, so none fails: RTO 0.
    const PatternResult r = faultline::testing::run_data_pattern(quota_scenario(), {{"name", "hot-warm"}});
    CHECK(has_event(r, 600.0, "quota", "chat-centralus", "reclaimed", "idle"));
    CHECK(failed(r) == 0);
    REQUIRE(r.incidents.size() == 1);
    REQUIRE(r.incidents[0].detect_s);
    CHECK(*r.incidents[0].detect_s == Approx(30.064).margin(1e-9));
    CHECK(r.incidents[0].rto_s == 0.0);
  }
  SECTION("Hot/Cold: the standby holds no capacity and served nothing: idle, reclaimed") {
    const PatternResult r = faultline::testing::run_data_pattern(quota_scenario(), {{"name", "hot-cold"}});
    CHECK(has_event(r, 600.0, "quota", "chat-centralus", "reclaimed", "idle"));
    CHECK(failed(r) == 0);
  }
}
