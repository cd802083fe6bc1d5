// End to end: the built `faultline run` on shipped scenarios, checking figures that
// follow from each scenario's configuration (derived by hand below) and the
// result contract's determinism and error behaviour.
//
// Facts used throughout (scenarios/topologies/foundry-two-region.json):
// - clients us-east-users (60 %) at 12 ms from eastus2 and 32 ms from centralus,
//   us-west-users (40 %) at 70 ms and 45 ms; a call's network time is the round
//   trip (2 x), so at most 140 ms. Probes leave from the largest client group
//   (us-east-users) and answer after its round trip, 24 ms from eastus2 and 64 ms
//   from centralus, or after the probe timeout when the region is down.
// - chat deployments: 300,000 tokens per minute (quota and capacity), so
//   Standard quota RPM = 6 x 300 = 1,800, i.e. 30 requests per 1 s window;
//   concurrency 200.
// - Constant arrivals at rate r come at 1/r, 2/r, ...; a fault event scheduled
//   at the start of the run runs before an arrival or probe at the same instant.
// - RTO (docs/metrics.md): with W = 60 s, T = (last bad whole second b) + 1,
//   where b is bad when the window [b - 60, b) has succeeded < 0.99 x offered.
//   At 2 requests/s a window holds about 120 requests: one failure keeps it good
//   (119/120 >= 0.99), two make it bad (118/120 < 0.99).

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "command_runner.hpp"
#include "drill_support.hpp"
#include "json_run.hpp"

namespace {

using faultline::testing::faultline_binary;
using faultline::testing::read_text;
using faultline::testing::run_command;
using faultline::testing::source_path;
using faultline::testing::temp_path;
using nlohmann::json;

using Run = faultline::testing::JsonRun;

// Runs `faultline run scenarios/SCENARIO ARGS --json OUT -q` and parses OUT.
Run run_scenario(const std::string& scenario, const std::string& out_name, const std::string& args = "") {
  return faultline::testing::run_faultline_json("run " + source_path("scenarios/" + scenario) + " " + args, out_name);
}

using faultline::drills::pattern;

const json& incident(const json& result, const std::string& name) {
  const json& p = pattern(result, name);
  REQUIRE(p.at("incidents").size() == 1);
  return p.at("incidents")[0];
}

std::uint64_t failed(const json& result, const std::string& name) {
  const json& w = pattern(result, name).at("workloads")[0];
  return w.at("offered").get<std::uint64_t>() - w.at("succeeded").get<std::uint64_t>();
}

}  // namespace

TEST_CASE("reference scenario: detection, RTO order, capacity and the missed target", "[e2e][run]") {
  const Run run = run_scenario("reference.json", "reference.json");
  const json& r = run.result;
  CHECK(r.at("schema") == "faultline.result/v1");
  REQUIRE(r.at("patterns").size() == 3);

  SECTION("every pattern detects after n - x + 1 = 2 failed probes plus the probe timeout: 40 s") {
    // Probe every 30 s, n = 4, x = 3: unhealthy after 4 - 3 + 1 = 2 failures. The
    // outage starts at 1800 s, exactly on a probe: that probe times out at 1810 s, the
    // one sent at 1830 s times out at 1840 s -> detection 40 s after the fault; eastus2
    // stops being available at that instant, so the switch is at 40 s too.
    for (const char* name : {"hot-hot", "hot-warm", "hot-cold"}) {
      INFO(name);
      const json& i = incident(r, name);
      CHECK(i.at("start_s") == 1800.0);
      CHECK(i.at("detect_s") == 40.0);
      CHECK(i.at("switch_s") == 40.0);
    }
  }
  SECTION("RTO: hot-hot = hot-warm < hot-cold, hot-hot = promotion delay + window") {
    // Hot/Hot: every request writes, and Cosmos's write region (eastus2) is down
    // until service-managed failover promotes centralus after 300 s
    // (automatic_failover_delay): requests fail until 2100 s, the window W = 60 s
    // is clean from then on, so T = 2160 s and RTO = 360 s. (Calls sent to eastus2
    // before detection time out by ~1870 s, well inside that.)
    const double hot = incident(r, "hot-hot").at("rto_s");
    const double warm = incident(r, "hot-warm").at("rto_s");
    const double cold = incident(r, "hot-cold").at("rto_s");
    // Hot/Warm's standby is pay-per-token (data_zone_standard): it keeps its whole quota,
    // so it serves like Hot/Hot and waits for the same promotion (issue 22, item 2).
    CHECK(hot == 360.0);
    CHECK(warm == hot);
    CHECK(warm < cold);
  }
  SECTION("full capacity: hot-hot and hot-warm (pay-per-token standby) at once, hot-cold 40 + 900 + (35 + 10) x 60 s") {
    CHECK(incident(r, "hot-hot").at("full_capacity_s") == 0.0);
    CHECK(incident(r, "hot-warm").at("full_capacity_s") == 0.0);
    CHECK(incident(r, "hot-cold").at("full_capacity_s") == 3640.0);
  }
  SECTION("hot-cold misses the 900 s RTO target: exit code 1") {
    CHECK(run.exit_code == 1);
    const json& targets = pattern(r, "hot-cold").at("targets");
    REQUIRE(targets.size() == 3);  // rto_s, rpo_s, availability
    CHECK(targets[0].at("name") == "rto_s");
    CHECK(targets[0].at("limit") == 900.0);
    CHECK(targets[0].at("met") == false);
    CHECK(pattern(r, "hot-hot").at("targets")[0].at("met") == true);
  }
  SECTION("the patterns see the same arrivals (common random numbers)") {
    // Requests are counted when they finish; every pattern serves the last minutes
    // from a healthy region, so the same arrivals give the same count.
    const auto offered = [&](const char* name) { return pattern(r, name).at("workloads")[0].at("offered"); };
    CHECK(offered("hot-hot") == offered("hot-warm"));
    CHECK(offered("hot-warm") == offered("hot-cold"));
  }
}

TEST_CASE("reference scenario: cost by component, tokens paid once, the resilience premium", "[e2e][run][cost]") {
  // foundry-two-region.json, per region: chat 2e9 tokens/month x 0.0008 $/1k = 1600 and embed
  // 5e8 x 0.00013 $/1k = 65 (pay-per-token, Data Zone Standard); probes 730 h x 60 calls/h x 20 tokens
  // = 876,000 tokens x 0.0008 $/1k = 0.7008; APIM 1 unit x 3.83 $/h x 730 h = 2795.90; stores
  // 1168 + 245.28 + 120 + 5 + 50 = 1588.28; Front Door 330; Cosmos async egress eastus2 -> centralus 15.40.
  const std::string out = temp_path("reference-cost.json");
  std::filesystem::remove(out);
  const auto r = run_command(faultline_binary() + " run " + source_path("scenarios/reference.json") +
                             " --cost-breakdown --json " + out);
  INFO(r.output);
  const json result = json::parse(read_text(out));
  const auto tokens = [&](const char* name, const char* region) {
    double usd = 0;
    for (const json& line : pattern(result, name).at("cost_breakdown")) {
      if (line.at("item") == "tokens" && line.at("region") == region) usd += line.at("monthly_usd").get<double>();
    }
    return usd;
  };
  SECTION("Hot/Hot serves the same tokens as Hot/Warm, split by weight, so it pays them once") {
    // Equal weights at priority 1: each region serves half: 1665 / 2 = 832.50.
    CHECK(tokens("hot-hot", "eastus2") == Approx(832.5).epsilon(1e-12));
    CHECK(tokens("hot-hot", "centralus") == Approx(832.5).epsilon(1e-12));
    CHECK(tokens("hot-warm", "eastus2") == Approx(1665).epsilon(1e-12));
    CHECK(tokens("hot-warm", "centralus") == 0.0);
    CHECK(tokens("hot-hot", "eastus2") + tokens("hot-hot", "centralus") == Approx(tokens("hot-warm", "eastus2")));
  }
  SECTION("monthly cost, baseline and premium") {
    // Hot/Hot: 2 x (1588.28 + 2795.90 + 0.7008) + 330 + 15.40 + 1665 = 10780.1616.
    // Baseline (eastus2 alone): 1588.28 + 2795.90 + 0.7008 + 1665 = 6049.8808; premium 4730.2808.
    const json& hot = pattern(result, "hot-hot");
    CHECK(hot.at("monthly_cost_usd").get<double>() == Approx(10780.1616).epsilon(1e-12));
    CHECK(hot.at("baseline_cost_usd").get<double>() == Approx(6049.8808).epsilon(1e-12));
    CHECK(hot.at("premium_usd").get<double>() == Approx(4730.2808).epsilon(1e-12));
    // Hot/Cold runs only eastus2 plus Front Door: the premium is the entry's 330.
    CHECK(pattern(result, "hot-cold").at("premium_usd").get<double>() == Approx(330).epsilon(1e-12));
    double sum = 0;
    for (const json& line : hot.at("cost_breakdown")) sum += line.at("monthly_usd").get<double>();
    CHECK(sum == Approx(hot.at("monthly_cost_usd").get<double>()).epsilon(1e-12));
  }
  SECTION("--cost-breakdown prints the components, the baseline and the premium") {
    CHECK(r.output.find("tokens              centralus           832.50") != std::string::npos);
    CHECK(r.output.find("single-region baseline                 6049.88") != std::string::npos);
    CHECK(r.output.find("resilience premium                     4730.28") != std::string::npos);
  }
}

TEST_CASE("targets.premium_usd judges the monthly cost over the single-region baseline", "[e2e][run][cost]") {
  // Premiums (previous test): hot-hot 4730.28, hot-warm 8683.2408 - 6049.8808 = 2633.36, hot-cold 330.
  json scenario = json::parse(read_text(source_path("scenarios/reference.json")));
  scenario["topology"] = source_path("scenarios/topologies/foundry-two-region.json");
  scenario["targets"] = {{"premium_usd", 3000}};
  const std::string in = temp_path("premium-target.json");
  std::ofstream(in) << scenario.dump();
  const std::string out = temp_path("premium-target-result.json");
  std::filesystem::remove(out);
  const auto r = run_command(faultline_binary() + " run " + in + " --json " + out + " -q");
  INFO(r.output);
  CHECK(r.exit_code == 1);  // hot-hot misses
  const json result = json::parse(read_text(out));
  const auto target = [&](const char* name) { return pattern(result, name).at("targets").at(0); };
  CHECK(target("hot-hot").at("name") == "premium_usd");
  CHECK(target("hot-hot").at("limit") == 3000.0);
  CHECK(target("hot-hot").at("value").get<double>() == Approx(4730.2808).epsilon(1e-12));
  CHECK(target("hot-hot").at("met") == false);
  CHECK(target("hot-warm").at("met") == true);
  CHECK(target("hot-cold").at("met") == true);
}

TEST_CASE("RPO per store: this incident's sample, the mode's worst case and its mean", "[e2e][run][rpo]") {
  // The reference outage starts at 1800 s. Hot/Hot and Hot/Warm keep the topology's async links:
  // cosmos lag 5 s, storage lag 15 min. Hot/Cold's preset backs up Cosmos DB continuously (every 100 s)
  // and the other stores hourly: 1800 s falls on a Cosmos copy (sample 0 s, worst 100, mean 50) and
  // half-way between storage copies (sample 1800 s, worst 3600, mean 1800).
  const Run run = run_scenario("reference.json", "reference-rpo.json");
  const auto store = [&](const char* name, const char* id) {
    for (const json& s : incident(run.result, name).at("stores")) {
      if (s.at("store") == id) return s;
    }
    FAIL("no store " << id);
    return json();
  };
  SECTION("async: worst and expected are the lag") {
    CHECK(store("hot-hot", "cosmos-eastus2").at("rpo_worst_s") == 5.0);
    CHECK(store("hot-hot", "cosmos-eastus2").at("rpo_expected_s") == 5.0);
    CHECK(store("hot-hot", "storage-eastus2").at("rpo_worst_s") == 900.0);
  }
  SECTION("periodic copies: a fault on a copy boundary samples 0 s, the worst case is still the interval") {
    CHECK(store("hot-cold", "cosmos-eastus2").at("rpo_s") == 0.0);
    CHECK(store("hot-cold", "cosmos-eastus2").at("rpo_worst_s") == 100.0);
    CHECK(store("hot-cold", "cosmos-eastus2").at("rpo_expected_s") == 50.0);
    CHECK(store("hot-cold", "storage-eastus2").at("rpo_s") == 1800.0);
    CHECK(store("hot-cold", "storage-eastus2").at("rpo_worst_s") == 3600.0);
    CHECK(store("hot-cold", "storage-eastus2").at("rpo_expected_s") == 1800.0);
  }
  SECTION("each store is promoted by its own mechanism") {
    // Cosmos DB's service-managed failover promotes cosmos 300 s after the fault; Storage has no automatic
    // failover and Hot/Hot runs no runbook, so its copy is never promoted in the run. Hot/Cold's runbook
    // restore promotes both at once.
    CHECK(store("hot-hot", "cosmos-eastus2").at("promoted_s") == 300.0);
    CHECK(store("hot-hot", "storage-eastus2").at("promoted_s").is_null());
    CHECK(store("hot-cold", "storage-eastus2").at("promoted_s") ==
          store("hot-cold", "cosmos-eastus2").at("promoted_s"));
  }
}

TEST_CASE("targets.rpo_by_store judges each store's worst case", "[e2e][run][rpo]") {
  json scenario = json::parse(read_text(source_path("scenarios/reference.json")));
  scenario["topology"] = source_path("scenarios/topologies/foundry-two-region.json");
  scenario["targets"] = {{"rpo_by_store", {{"storage-eastus2", 1800}}}};
  const std::string in = temp_path("rpo-by-store.json");
  SECTION("storage's worst case: 900 s async (met) vs 3600 s hourly copies (missed, though the sample is 1800)") {
    std::ofstream(in) << scenario.dump();
    const std::string out = temp_path("rpo-by-store-result.json");
    std::filesystem::remove(out);
    const auto r = run_command(faultline_binary() + " run " + in + " --json " + out + " -q");
    INFO(r.output);
    CHECK(r.exit_code == 1);
    const json result = json::parse(read_text(out));
    const json& cold = pattern(result, "hot-cold").at("targets").at(0);
    CHECK(cold.at("name") == "rpo_by_store.storage-eastus2");
    CHECK(cold.at("value") == 3600.0);
    CHECK(cold.at("met") == false);
    CHECK(pattern(result, "hot-hot").at("targets").at(0).at("value") == 900.0);
    CHECK(pattern(result, "hot-hot").at("targets").at(0).at("met") == true);
  }
  SECTION("an unknown store is refused with the nearest id") {
    scenario["targets"] = {{"rpo_by_store", {{"storage-eastus", 1800}}}};
    std::ofstream(in) << scenario.dump();
    const auto r = run_command(faultline_binary() + " run " + in + " -q");
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("targets.rpo_by_store.storage-eastus") != std::string::npos);
    CHECK(r.output.find("did you mean \"storage-eastus2\"?") != std::string::npos);
  }
}

TEST_CASE("a pattern kept for comparison (\"gate\": false) fails nothing", "[e2e][run][ci]") {
  // The reference's only miss is hot-cold's RTO (4000 s > 900 s): ungated, the run exits 0 and the
  // JUnit case is skipped with the miss in its message.
  json scenario = json::parse(read_text(source_path("scenarios/reference.json")));
  scenario["topology"] = source_path("scenarios/topologies/foundry-two-region.json");
  scenario["patterns"][2]["gate"] = false;
  const std::string in = temp_path("ungated.json");
  std::ofstream(in) << scenario.dump();
  const std::string out = temp_path("ungated-result.json");
  const std::string junit = temp_path("ungated-junit.xml");
  std::filesystem::remove(out);
  const auto r = run_command(faultline_binary() + " run " + in + " --json " + out + " --junit " + junit + " -q");
  INFO(r.output);
  CHECK(r.exit_code == 0);
  const json result = json::parse(read_text(out));
  CHECK(pattern(result, "hot-cold").at("gate") == false);
  CHECK(pattern(result, "hot-cold").at("targets").at(0).at("met") == false);
  CHECK(pattern(result, "hot-hot").at("gate") == true);
  const std::string xml = read_text(junit);
  CHECK(xml.find("<skipped message=\"not gated: rto_s = ") != std::string::npos);
  CHECK(xml.find("<failure") == std::string::npos);
}

TEST_CASE("topology lint errors stop run unless acknowledged or overridden", "[e2e][run][lint]") {
  // private-dns-missing.json runs on a topology with lint error FL006 (private DNS zones only in eastus2)
  // and acknowledges it in lint.allow; without that line the run is refused.
  json scenario = json::parse(read_text(source_path("scenarios/private-dns-missing.json")));
  scenario["topology"] = source_path("scenarios/topologies/foundry-two-region-dns-asymmetry.json");
  const std::string in = temp_path("lint-gate.json");
  const std::string out = temp_path("lint-gate-result.json");
  const std::string junit = temp_path("lint-gate-junit.xml");
  SECTION("acknowledged: runs, and JUnit shows the finding as skipped") {
    std::ofstream(in) << scenario.dump();
    const auto r = run_command(faultline_binary() + " run " + in + " --junit " + junit + " -q");
    INFO(r.output);
    CHECK(r.exit_code != 2);
    const std::string xml = read_text(junit);
    CHECK(xml.find(
              "name=\"lint: FL006 private-dns-zone-asymmetry\">\n      <skipped message=\"acknowledged: private DNS") !=
          std::string::npos);
  }
  SECTION("not acknowledged: exit 2 with the rule, its fix and the ways out; no result file") {
    scenario.erase("lint");
    std::ofstream(in) << scenario.dump();
    std::filesystem::remove(out);
    const auto r = run_command(faultline_binary() + " run " + in + " --json " + out + " -q");
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("topology lint error FL006 private-dns-zone-asymmetry") != std::string::npos);
    CHECK(r.output.find("fix: mirror the network exactly") != std::string::npos);
    CHECK(r.output.find("--allow-lint-errors") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));
  }
  SECTION("--allow-lint-errors runs anyway and says so") {
    scenario.erase("lint");
    std::ofstream(in) << scenario.dump();
    const auto r = run_command(faultline_binary() + " run " + in + " --allow-lint-errors -q");
    CHECK(r.exit_code != 2);
    CHECK(r.output.find("simulating despite 1 topology lint error(s)") != std::string::npos);
  }
}

TEST_CASE("run --replications N: intervals over N seeds, the result file stays the first seed's", "[e2e][run]") {
  const std::string one = temp_path("replications-1.json");
  const std::string three = temp_path("replications-3.json");
  const auto a =
      run_command(faultline_binary() + " run " + source_path("scenarios/reference.json") + " -q --json " + one);
  const auto b = run_command(faultline_binary() + " run " + source_path("scenarios/reference.json") +
                             " --replications 3 --json " + three);
  INFO(b.output);
  CHECK(a.exit_code == b.exit_code);
  CHECK(read_text(one) == read_text(three));
  // The reference's seed is 2026: seeds 2026 .. 2028. Every seed loses the same 15 minutes of storage
  // writes (async lag 15 min), so Hot/Hot's RPO has no spread: half-width 0.
  CHECK(b.output.find("3 replications, seeds 2026 .. 2028") != std::string::npos);
  CHECK(b.output.find("hot-hot\n  RTO s") != std::string::npos);
  CHECK(b.output.find("  RPO s           900.0 ± 0.0 [900.0 .. 900.0] (3)") != std::string::npos);
  CHECK(b.output.find("  availability %  ") != std::string::npos);
}

TEST_CASE("probe detection after n - x + 1 failed probes, for two probe settings", "[e2e][run]") {
  // scenarios/probe-detection.json: eastus2 dark from F = 605 s, between probes.
  const Run run = run_scenario("probe-detection.json", "probe-detection.json");
  const json& r = run.result;
  CHECK(run.exit_code == 0);  // no targets
  SECTION("fast-probes: every 10 s, n = 5, x = 2, timeout 2 s") {
    // Unhealthy after 5 - 2 + 1 = 4 failures: probes sent at 610, 620, 630, 640 s time
    // out 2 s later; the 4th at 642 s -> detect 642 - 605 = 37 s.
    const json& i = incident(r, "fast-probes");
    CHECK(i.at("detect_s") == 37.0);
    CHECK(i.at("switch_s") == 37.0);
    CHECK(i.at("full_capacity_s") == 0.0);  // centralus is fully provisioned
    // Arrivals every 0.5 s from 605.0 to 641.5 s (74) go to eastus2 and time out 30 s
    // later (635.0 .. 671.5 s); the arrival at 642.0 s goes to centralus. The last two
    // failures are in second 671, so b = 731 is the last bad boundary: T = 732 s,
    // RTO = 732 - 605 = 127 s. Plus 2: the arrivals at 604.0 and 604.5 s, in flight at the fault (1 s of service + the
    // round trip), are dropped then (issue 16 item 6).
    CHECK(failed(r, "fast-probes") == 76);
    CHECK(i.at("rto_s") == 127.0);
    CHECK(i.at("recovered") == true);
  }
  SECTION("classic-probes: every 30 s, n = 4, x = 2, timeout 5 s") {
    // Unhealthy after 4 - 2 + 1 = 3 failures: probes at 630, 660, 690 s time out at
    // 635, 665, 695 s -> detect 695 - 605 = 90 s. Arrivals 605.0 .. 694.5 s (180) time
    // out at 635.0 .. 724.5 s: last bad b = 784, T = 785 s, RTO = 180 s. Plus the 2 calls
    // in flight at 605 s (arrivals 604.0 and 604.5 s), dropped at the fault.
    const json& i = incident(r, "classic-probes");
    CHECK(i.at("detect_s") == 90.0);
    CHECK(failed(r, "classic-probes") == 182);
    CHECK(i.at("rto_s") == 180.0);
  }
}

TEST_CASE("breaker detection after the minimum number of calls", "[e2e][run]") {
  // scenarios/breaker-detection.json: eastus2 dark from F = 0 s, 2 requests/s, no probes.
  // Every call to eastus2 fails (timeout, status 0, a breaker failure) 30 s after it
  // was sent: the k-th failure comes at 30 + k/2 s. The window starts empty and a
  // failure rate of 100 % trips at once, so the breaker opens at the minimum number
  // of calls m: at D = 30 + m/2 s. Until then every arrival (0.5 .. D - 0.5 s: 2D - 1
  // of them; the arrival at D s comes after the failure that opened the breaker)
  // goes to eastus2 and fails, the last in second D + 29: last bad b = D + 89,
  // T = D + 90 s, RTO = D + 90 s.
  const Run run = run_scenario("breaker-detection.json", "breaker-detection.json");
  const json& r = run.result;
  SECTION("minimum 20 calls: open at 30 + 10 = 40 s") {
    const json& i = incident(r, "min-20");
    CHECK(i.at("detect_s") == 40.0);
    CHECK(i.at("switch_s") == 40.0);
    CHECK(failed(r, "min-20") == 79);
    CHECK(i.at("rto_s") == 130.0);
  }
  SECTION("minimum 40 calls: open at 30 + 20 = 50 s") {
    const json& i = incident(r, "min-40");
    CHECK(i.at("detect_s") == 50.0);
    CHECK(failed(r, "min-40") == 99);
    CHECK(i.at("rto_s") == 140.0);
  }
}

TEST_CASE("a capacity-limited secondary answers 429s and recovers later", "[e2e][run]") {
  // scenarios/capped-standby.json: eastus2 dark from 600 s to 900 s, 2 requests/s of
  // 1,500 tokens, 1 s service. Probes (30 s, n = 4, x = 3, timeout 10 s): unhealthy at
  // 640 s (probes of 600 and 630 s), healthy again after 3 good probes (900, 930,
  // 960 s) at 960.024 s. Both patterns: arrivals 600.0 .. 639.5 s (80) time out.
  const Run run = run_scenario("capped-standby.json", "capped-standby.json");
  const json& r = run.result;
  SECTION("full standby: only the 80 calls sent before detection fail, and the 2 in flight") {
    // Last failures at 669.0 and 669.5 s: last bad b = 729, T = 730 s, RTO = 130 s.
    // Plus 2: the arrivals at 599.0 and 599.5 s are in flight at 600 s and dropped then.
    const json& i = incident(r, "full-standby");
    CHECK(i.at("detect_s") == 40.0);
    CHECK(failed(r, "full-standby") == 82);
    CHECK(i.at("rto_s") == 130.0);
  }
  SECTION("quarter standby: its PTU bucket admits 5 of every 12 calls once full") {
    // centralus's provisioned pool at 25 %: drain 300,000 / 60 x 0.25 = 1,250 tokens/s,
    // bucket 75,000 tokens, empty at 640 s (the standby served nothing). Calls of 1,500
    // tokens every 0.5 s from 640.0 s (call j at 640 + 0.5 j): before call j the level
    // is 1,500 j - 625 j = 875 j < 75,000 up to j = 85 (682.5 s), then 75,875. From
    // 683.0 s the level cycles every 12 calls (6 s drain 7,500 tokens = 5 calls):
    // 429, ok, 429, ok, 429, 429, ok, 429, ok, 429, 429, ok (the tie at exactly 75,000
    // is refused; every level is a multiple of 125 tokens, exact in double). Calls at
    // 683.0 .. 960.0 s (eastus2 is healthy again at 960.024 s): 555 = 46 x 12 + 3,
    // 46 x 7 + 2 = 324 429s. Failures: 80 + 324 + the 2 in flight at 600 s = 406.
    // The window [959, 1019) holds the 429s of 959.0 and 960.0 s: 118 of 120 < 99 %,
    // bad; [960, 1020) holds one: good. Last bad b = 1019, T = 1020 s, RTO = 420 s.
    const json& i = incident(r, "quarter-standby");
    CHECK(i.at("detect_s") == 40.0);
    CHECK(failed(r, "quarter-standby") == 406);
    CHECK(i.at("rto_s") == 420.0);
    CHECK(i.at("full_capacity_s") == 300.0);  // the scale-up would start a week later: eastus2 returns first
  }
  SECTION("the capped secondary costs a longer RTO and lower availability") {
    CHECK(incident(r, "quarter-standby").at("rto_s") > incident(r, "full-standby").at("rto_s"));
    CHECK(pattern(r, "quarter-standby").at("availability") < pattern(r, "full-standby").at("availability"));
  }
}

TEST_CASE("a PTU pool spills its 429s to Standard: a quarter-size standby fails no more than a full one",
          "[e2e][run]") {
  // scenarios/ptu-spillover.json: capped-standby.json's drill (eastus2 dark 600-900 s,
  // detected at 640 s) with a Standard deployment behind each region's PTU at pool
  // priority 2. Before the fault eastus2's PTU refuses 2 of every 6 calls after 120 s and
  // they spill: nothing fails. During the outage centralus's 25 % PTU refuses as in
  // capped-standby (324 429s there) and every refusal spills. Failed in both patterns:
  // the 80 arrivals 600.0 .. 639.5 s and the 2 calls in flight at 600 s = 82; RTO 130 s
  // (last failures 669.0 and 669.5 s, as capped-standby's full standby).
  const Run run = run_scenario("ptu-spillover.json", "ptu-spillover.json");
  const json& r = run.result;
  for (const char* name : {"full-standby", "quarter-standby"}) {
    INFO(name);
    CHECK(failed(r, name) == 82);
    CHECK(incident(r, name).at("rto_s") == 130.0);
    CHECK(incident(r, name).at("detect_s") == 40.0);
  }
}

TEST_CASE("a zone outage on a zone-redundant pool costs only calls in flight in the lost zone", "[e2e][run]") {
  // scenarios/zone-redundant-pool.json: one of three zones of chat-eastus2 fails at 600 s
  // for 10 min; two thirds of the pool (133 slots, 20 requests/s, 200,000 tokens/min)
  // carry 2 requests/s of 1,000 tokens (120,000 tokens/min) without a 429, and the
  // probes still get 200. The lost third takes round(1/3 x n) of the n calls in flight
  // on the pool with it: Hot/Warm has 2 (599.0 and 599.5 s): 1 fails; Hot/Hot has 1 in
  // eastus2 (599.5 s; round-robin sent 599.0 s to centralus): round(1/3) = 0.
  const Run run = run_scenario("zone-redundant-pool.json", "zone-redundant-pool.json");
  const json& r = run.result;
  CHECK(run.exit_code == 0);
  CHECK(failed(r, "hot-hot") == 0);
  CHECK(pattern(r, "hot-hot").at("availability") == 1.0);
  CHECK(failed(r, "hot-warm") == 1);
  for (const char* name : {"hot-hot", "hot-warm"}) {
    INFO(name);
    const json& i = incident(r, name);
    CHECK(i.at("rto_s") == 0.0);  // 1 failure in a 60 s window of 120 calls: 99.2 % >= 99 %
    CHECK(i.at("recovered") == true);
    CHECK(i.at("detect_s").is_null());
    CHECK(i.at("switch_s").is_null());
  }
}

TEST_CASE("model version drift in the secondary: 404s are not breaker failures", "[e2e][run]") {
  // scenarios/version-drift-standby.json: both regions live, equal weights, so smooth
  // weighted round-robin alternates: odd arrivals (0.5, 1.5, ... s) to eastus2, even
  // ones (1.0, 2.0, ... s) to centralus. centralus answers 404 from 600 s to 900 s.
  const Run run = run_scenario("version-drift-standby.json", "version-drift-standby.json");
  const json& r = run.result;
  SECTION("breaker only: never opens, every second request fails for 5 minutes") {
    // Arrivals at 600.0, 601.0, ..., 899.0 s: 300 failures; the drift ends before the
    // arrival at 900.0 s. Failures answer after the round trip, in seconds 600 .. 899.
    // b = 958 has failures in 898 and 899 (bad); b = 959 only the one in 899 (good):
    // T = 959 s, RTO = 359 s. Nothing is detected.
    const json& i = incident(r, "breaker-only");
    CHECK(failed(r, "breaker-only") == 300);
    CHECK(i.at("detect_s").is_null());
    CHECK(i.at("switch_s").is_null());
    CHECK(i.at("rto_s") == 359.0);
  }
  SECTION("probes: the 404 probe marks centralus unhealthy after one failure") {
    // n = 2, x = 2: unhealthy after 2 - 2 + 1 = 1 failed probe. The probe sent at 600 s
    // gets its 404 after the 64 ms round trip from us-east-users: detect 0.064 s. Only the arrival at
    // 600.0 s reached centralus before that: one failure, no bad window, RTO 0.
    const json& i = incident(r, "probes");
    CHECK(failed(r, "probes") == 1);
    CHECK(i.at("detect_s").get<double>() == Approx(0.064).margin(1e-9));
    CHECK(i.at("rto_s") == 0.0);
  }
}

TEST_CASE("faultline run is deterministic and seeded", "[e2e][run]") {
  const auto run_text = [](const std::string& out_name, const std::string& args) {
    const std::string out = temp_path(out_name);
    std::filesystem::remove(out);
    const auto r = run_command(faultline_binary() + " run " + source_path("scenarios/reference.json") + " " + args +
                               " --json " + out + " -q");
    INFO(r.output);
    REQUIRE(std::filesystem::exists(out));
    return read_text(out);
  };
  const std::string first = run_text("determinism-1.json", "--threads 1");
  SECTION("the same scenario and seed twice: byte-identical JSON") {
    CHECK(run_text("determinism-2.json", "--threads 1") == first);
  }
  SECTION("one thread or three: byte-identical JSON") { CHECK(run_text("determinism-3.json", "--threads 3") == first); }
  SECTION("another seed: another result, with the seed recorded") {
    const std::string other = run_text("determinism-seed.json", "--threads 1 --seed 7");
    CHECK(other != first);
    CHECK(json::parse(other).at("seed") == 7);
    CHECK(json::parse(first).at("seed") == 2026);
  }
}

TEST_CASE("a malformed scenario: exit 2, file and path named, no JSON written", "[e2e][run]") {
  const std::string scenario = temp_path("bad-scenario.json");
  {
    std::ofstream out(scenario);
    out << R"({"name": "bad", "topology": ")" << source_path("scenarios/topologies/foundry-two-region.json")
        << R"(", "duration": "1h",
  "workloads": [{"name": "chat", "model": "gpt-4.1-mini", "arrivals": {"process": "poisson", "rate_per_s": 1}}],
  "patterns": [{"name": "hot-hot", "standby_fractoin": 1}]})";
  }
  const std::string json_out = temp_path("bad-scenario-result.json");
  std::filesystem::remove(json_out);
  const auto r = run_command(faultline_binary() + " run " + scenario + " --json " + json_out);
  CHECK(r.exit_code == 2);
  CHECK(r.output.find(scenario + ": patterns[0].standby_fractoin: unknown key \"standby_fractoin\"; did you mean "
                                 "\"standby_fraction\"?") != std::string::npos);
  CHECK(r.output.find("nothing was simulated") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(json_out));
}
