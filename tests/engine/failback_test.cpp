// Failback, synchronous write latency, drawn replication lags, runbook step
// timings and per-incident targets, on the reference topology with hand-derived
// expectations. Setting (as in data_layer_test.cpp): constant arrivals 2/s at
// 0.5, 1.0, ... s, 1 s of service, one write per request; eastus2 fails at
// F = 1,234 s for 10 min. Probes every 30 s from 0 (n 4, x 3, timeout 10 s): the
// probes of 1,260 and 1,290 s time out 10 s later, so detection is at 1,300 s
// (66 s after F). Network round trips: at most 140 ms (us-west to eastus2); the
// eastus2 - centralus link is 25 ms one way.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>

#include "command_runner.hpp"
#include "data_scenario.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"

using namespace faultline::engine;
using nlohmann::json;

namespace {

json base_scenario() { return faultline::testing::data_scenario(); }

PatternResult run_pattern(const json& scenario, const json& pattern) {
  return faultline::testing::run_data_pattern(scenario, pattern);
}

double max_latency_before_fault_ms(const PatternResult& r) {
  double worst = 0;
  for (std::size_t b = 0; b < r.series.start_s.size(); ++b) {
    if (r.series.start_s[b] + r.series.bucket_s <= 1234 && r.series.max_latency_ms[b]) {
      worst = std::max(worst, *r.series.max_latency_ms[b]);
    }
  }
  return worst;
}

}  // namespace

TEST_CASE("failback: re-sync of the promoted copy's writes, then a planned write pause", "[engine][failback]") {
  // Hot/Hot, service-managed promotion 2 min after F (1,354 s). centralus acknowledges
  // the writes of arrivals 1,354.0 .. 1,832.5 s before eastus2 returns at 1,834 s: 958.
  json data{{"automatic_failover_delay", "2m"}, {"failback", {{"resync_writes_per_s", 100}, {"write_pause", "30s"}}}};
  const PatternResult r = run_pattern(base_scenario(), {{"name", "hot-hot"}, {"data", data}});
  REQUIRE(r.incidents.size() == 1);
  REQUIRE(r.incidents[0].failback);
  const FailbackResult& f = *r.incidents[0].failback;
  SECTION("re-sync = writes since promotion / rate; the pause refuses 2 writes a second for 30 s") {
    CHECK(f.fault_end_s == 600.0);
    CHECK(f.resync_s == Approx(958.0 / 100.0).margin(1e-9));
    CHECK(f.write_pause_s == 30.0);
    // Pause from 1,834 + 9.58 = 1,843.58 s to 1,873.58 s: arrivals 1,844.0 .. 1,873.5 s.
    CHECK(f.failed_requests == 60);
    REQUIRE(f.traffic_back_s);
    REQUIRE(f.complete_s);
    CHECK(*f.complete_s >= std::max(*f.traffic_back_s, 600.0 + 958.0 / 100.0 + 30.0));
  }
  SECTION("the planned pause is reported with the failback, not in the RTO") {
    data["failback"]["write_pause"] = "0s";
    const PatternResult no_pause = run_pattern(base_scenario(), {{"name", "hot-hot"}, {"data", data}});
    CHECK(no_pause.incidents[0].rto_s == r.incidents[0].rto_s);
    CHECK(no_pause.incidents[0].failback->failed_requests == 0);
    const auto failed = [](const PatternResult& p) { return p.workloads[0].offered - p.workloads[0].succeeded; };
    CHECK(failed(r) == failed(no_pause) + 60);
  }
  SECTION("the store records its promotion time") {
    REQUIRE(!r.incidents[0].stores.empty());
    CHECK(r.incidents[0].stores[0].store == "cosmos-eastus2");
    CHECK(r.incidents[0].stores[0].promoted_s == 120.0);
  }
}

TEST_CASE("the service-managed failover delay can be a distribution, drawn at each fault", "[engine][data]") {
  // domain-facts: with service-managed failover a partial outage can take an hour or more,
  // so the delay is a distribution, not a constant. Empirical {60 s, 240 s} with equal
  // weights: each seed's promotion happens 60 s or 240 s after F, never anything else,
  // and over 20 seeds both values occur (all equal would be a 2 x 2^-20 event; the seeds
  // are fixed, so this is a deterministic check of the draw, not of luck).
  json data{{"automatic_failover_delay", {{"distribution", "empirical"}, {"values", {60, 240}}, {"weights", {1, 1}}}}};
  std::set<double> seen;
  for (int seed = 1; seed <= 20; ++seed) {
    json scenario = base_scenario();
    scenario["seed"] = seed;
    const PatternResult r = run_pattern(scenario, {{"name", "hot-hot"}, {"data", data}});
    REQUIRE(r.incidents.size() == 1);
    REQUIRE_FALSE(r.incidents[0].stores.empty());
    REQUIRE(r.incidents[0].stores[0].promoted_s);
    seen.insert(*r.incidents[0].stores[0].promoted_s);
  }
  CHECK(seen == std::set<double>{60.0, 240.0});
  SECTION("a bad distribution is named with its path") {
    json scenario = base_scenario();
    scenario["patterns"] =
        json::array({{{"name", "hot-hot"}, {"data", {{"automatic_failover_delay", {{"distribution", "lognormal"}}}}}}});
    const ScenarioLoadResult loaded =
        ScenarioLoader::load_text(scenario.dump(), "delay.json", faultline::testing::source_path("scenarios"));
    CHECK_FALSE(loaded.scenario);
    CHECK_THAT(loaded.error_report(), Catch::Contains("patterns[0].data.automatic_failover_delay"));
  }
}

TEST_CASE("failback returns the standby to its size and a later incident fails over afresh", "[engine][failback]") {
  // Hot/Warm: centralus's provisioned chat pool at 25 % of 200 slots (50) scales to 200 on
  // failover and back to 50 once traffic is back on eastus2. A second outage at 2,400 s runs
  // the runbook again. (A pay-per-token pool would keep its 200 throughout: next test case.)
  json scenario = base_scenario();
  scenario["topology"] = "topologies/foundry-two-region-ptu-standby.json";
  scenario["faults"].push_back(
      {{"name", "again"}, {"type", "region_outage"}, {"target", "eastus2"}, {"start", 2400}, {"duration", "5m"}});
  json runbook = json::array({{{"id", "page"}, {"kind", "alert"}, {"duration", "1m"}}});
  const PatternResult r = run_pattern(scenario, {{"name", "hot-warm"}, {"runbook", runbook}});
  REQUIRE(r.incidents.size() == 2);
  SECTION("runbook steps: from detection (66 s after the fault) for 60 s, on the critical path") {
    for (const IncidentResult& i : r.incidents) {
      REQUIRE(i.runbook_steps.size() == 1);
      CHECK(i.runbook_steps[0].id == "page");
      CHECK(i.runbook_steps[0].kind == "alert");
      CHECK(i.runbook_steps[0].attempts == 1);
      CHECK(i.runbook_steps[0].is_critical);
      CHECK(i.runbook_steps[0].end_s - i.runbook_steps[0].start_s == 60.0);
    }
    CHECK(r.incidents[0].runbook_steps[0].start_s == 66.0);
  }
  SECTION("capacity of centralus: 50 before, 200 at full size, 50 after the last failback") {
    const std::size_t centralus = 1;
    CHECK(r.series.capacity[centralus].front() == 50);
    CHECK(*std::max_element(r.series.capacity[centralus].begin(), r.series.capacity[centralus].end()) == 200);
    CHECK(r.series.capacity[centralus].back() == 50);
    CHECK(r.incidents[1].full_capacity_s);
  }
}

TEST_CASE("a warm pay-per-token standby keeps its whole quota: nothing to scale up", "[engine][failback]") {
  // Issue 22: standby_fraction holds reserved capacity only. centralus's chat pool is
  // data_zone_standard (pay-per-token): 200 slots before, during and after the outage, and
  // full capacity at the fault itself (no scale-up to wait for).
  const PatternResult r = run_pattern(base_scenario(), {{"name", "hot-warm"}});
  REQUIRE(r.incidents.size() == 1);
  const std::size_t centralus = 1;
  CHECK(r.series.capacity[centralus].front() == 200);
  CHECK(*std::min_element(r.series.capacity[centralus].begin(), r.series.capacity[centralus].end()) == 200);
  REQUIRE(r.incidents[0].full_capacity_s);
  CHECK(*r.incidents[0].full_capacity_s == 0.0);
}

TEST_CASE("synchronous replication: every write pays 2 x RTT + 10 ms", "[engine][data]") {
  // The slowest call before the fault: us-west -> eastus2, 140 ms + 1 s of service.
  // Strong consistency adds 2 x (2 x 25 ms) + 10 ms = 110 ms to each write.
  const json sync{{"stores", {{"cosmos-eastus2", {{"mode", "sync"}}}}}};
  const json async{{"stores", {{"cosmos-eastus2", {{"mode", "async"}}}}}};
  const PatternResult s = run_pattern(base_scenario(), {{"name", "hot-hot"}, {"data", sync}});
  const PatternResult a = run_pattern(base_scenario(), {{"name", "hot-hot"}, {"data", async}});
  CHECK(max_latency_before_fault_ms(a) == 1140.0);
  CHECK(max_latency_before_fault_ms(s) == 1250.0);
}

TEST_CASE("an async lag drawn from a distribution is the RPO at the failure", "[engine][data]") {
  // Lag uniform on [10, 20] s: the RPO is the drawn value (seed 1: 13.2341 s) and the lost
  // writes are exactly those acknowledged in (F - RPO, F] = (1,220.7659, 1,234] s. Writes are
  // acknowledged at k/2 + d s (arrival, 1 s of service, the client round trip d < 0.14 s), so
  // k/2 runs 1,221.0 .. 1,233.5 s: 26 writes (whole seconds 1,220 .. 1,233 would give 28).
  json data;
  data["stores"]["cosmos-eastus2"] = {{"mode", "async"},
                                      {"lag", {{"distribution", "uniform"}, {"min", 10}, {"max", 20}}}};
  data["stores"]["storage-eastus2"] = {{"mode", "sync"}};
  const PatternResult r = run_pattern(base_scenario(), {{"name", "hot-hot"}, {"data", data}});
  REQUIRE(r.incidents[0].rpo_s);
  const double rpo = *r.incidents[0].rpo_s;
  CHECK(rpo == Approx(13.2341).margin(5e-5));
  CHECK(r.incidents[0].lost_writes == 26);
  SECTION("per store: the async copy loses its lag, the sync one nothing") {
    REQUIRE(r.incidents[0].stores.size() == 2);
    CHECK(r.incidents[0].stores[0].rpo_s == rpo);
    CHECK(r.incidents[0].stores[1].mode == "sync");
    CHECK(r.incidents[0].stores[1].rpo_s == 0.0);
    CHECK(r.incidents[0].stores[1].lost_writes == 0);
  }
}

TEST_CASE("targets by fault type: availability while the fault lasts and the incident's cost", "[engine][targets]") {
  json scenario = base_scenario();
  scenario["costs"] = {{"per_failed_request_usd", 0.5}, {"per_downtime_minute_usd", 60}, {"per_lost_write_usd", 0.25}};
  scenario["targets"] = {{"incident_cost_usd", 1e6},
                         {"by_fault",
                          {{"region_outage", {{"availability", 0.5}, {"incident_cost_usd", 100}}},
                           {"zone_outage", {{"availability", 0.99}}}}}};
  const PatternResult r = run_pattern(scenario, {{"name", "hot-warm"}});
  REQUIRE(r.incidents.size() == 1);
  const IncidentResult& i = r.incidents[0];
  const auto target = [&](const std::string& name) {
    const auto it =
        std::find_if(r.targets.begin(), r.targets.end(), [&](const TargetResult& t) { return t.name == name; });
    REQUIRE(it != r.targets.end());
    return *it;
  };
  SECTION("the incident's cost: failures x 0.5 + weighted downtime minutes x 60 + lost writes x 0.25 (no runbook)") {
    const double failed = static_cast<double>(r.workloads[0].offered - r.workloads[0].succeeded);
    CHECK(i.cost_usd ==
          Approx(0.5 * failed + i.downtime_weighted_s + 0.25 * static_cast<double>(i.lost_writes)).epsilon(1e-12));
    CHECK(i.cost_usd == Approx(r.incident_cost_usd).epsilon(1e-12));  // nothing failed before the fault
  }
  SECTION("judged against the limits") {
    REQUIRE(i.availability);
    CHECK(target("region_outage.availability").value == i.availability);
    CHECK(target("region_outage.availability").met == (*i.availability >= 0.5));
    CHECK(target("region_outage.incident_cost_usd").value == i.cost_usd);
    CHECK(target("region_outage.incident_cost_usd").met == (i.cost_usd <= 100));
    CHECK(target("incident_cost_usd").met);
    CHECK_FALSE(target("zone_outage.availability").value);  // no zone outage: nothing fell short
    CHECK(target("zone_outage.availability").met);
  }
  SECTION("a monthly cost per fault type is refused: it does not depend on the fault") {
    json bad = scenario;
    bad["targets"]["by_fault"]["region_outage"]["monthly_cost_usd"] = 10;
    bad["patterns"] = json::array({{{"name", "hot-warm"}}});
    const auto loaded =
        ScenarioLoader::load_text(bad.dump(), "data-layer.json", faultline::testing::source_path("scenarios"));
    CHECK_FALSE(loaded.scenario);
    CHECK(loaded.error_report().find("targets.by_fault.region_outage.monthly_cost_usd") != std::string::npos);
  }
}

TEST_CASE("a rebuild step lasts its data size over its rate", "[engine][runbook]") {
  // 300 GB at 120 GB/h = 2.5 h = 9,000 s; the runbook starts at detection (66 s after F).
  json runbook =
      json::array({{{"id", "rebuild"}, {"kind", "rebuild_search_index"}, {"data_gb", 300}, {"gb_per_hour", 120}}});
  const PatternResult r = run_pattern(base_scenario(), {{"name", "hot-warm"}, {"runbook", runbook}});
  REQUIRE(r.incidents[0].runbook_steps.size() == 1);
  CHECK(r.incidents[0].runbook_s == 9000.0);
  CHECK(r.incidents[0].runbook_steps[0].end_s == 66.0 + 9000.0);
  SECTION("a duration and a rate together are refused") {
    json bad = base_scenario();
    runbook[0]["duration"] = "1h";
    bad["patterns"] = json::array({{{"name", "hot-warm"}, {"runbook", runbook}}});
    const auto loaded =
        ScenarioLoader::load_text(bad.dump(), "data-layer.json", faultline::testing::source_path("scenarios"));
    CHECK_FALSE(loaded.scenario);
    CHECK(loaded.error_report().find("patterns[0].runbook[0].duration: both a duration and data_gb / gb_per_hour") !=
          std::string::npos);
  }
}
