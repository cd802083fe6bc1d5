// ScenarioLoader: a valid scenario yields the documented defaults (docs/scenarios.md);
// every bad input yields a message with the file, the JSON path, the problem and
// what is allowed. Scenarios run on the shipped two-region topology.

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>

#include "command_runner.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"

namespace {

using faultline::base::LoadError;
using faultline::engine::FaultType;
using faultline::engine::ScenarioLoader;
using faultline::engine::ScenarioLoadResult;

constexpr const char* kFile = "bad.json";

// A valid scenario; each bad case replaces one marked part of it.
std::string scenario_text(const std::string& workload_extra = "", const std::string& fault = "",
                          const std::string& patterns = R"({"name": "hot-hot"}, {"name": "hot-warm"})",
                          const std::string& top_extra = "") {
  return R"({
  "name": "loader-test",
  "topology": "topologies/foundry-two-region.json",
  "duration": "1h",)" +
         top_extra + R"(
  "workloads": [{"name": "chat", "model": "gpt-4.1-mini", "arrivals": {"process": "poisson", "rate_per_s": 2})" +
         workload_extra + R"(}],
  "faults": [)" +
         fault + R"(],
  "patterns": [)" +
         patterns + R"(]
})";
}

ScenarioLoadResult load(const std::string& text) {
  return ScenarioLoader::load_text(text, kFile, faultline::testing::source_path("scenarios"));
}

// The error at `path`, which must be the only one there.
const faultline::base::LoadError& error_at(const ScenarioLoadResult& result, const std::string& path) {
  INFO(result.error_report());
  REQUIRE_FALSE(result.scenario);
  const auto n = std::count_if(result.errors.begin(), result.errors.end(),
                               [&](const faultline::base::LoadError& e) { return e.json_path == path; });
  REQUIRE(n == 1);
  return *std::find_if(result.errors.begin(), result.errors.end(),
                       [&](const faultline::base::LoadError& e) { return e.json_path == path; });
}

void check(const ScenarioLoadResult& result, const std::string& path, const std::string& problem,
           const std::string& allowed) {
  const faultline::base::LoadError& e = error_at(result, path);
  CHECK(e.file == kFile);
  CHECK(e.problem == problem);
  CHECK(e.allowed == allowed);
}

const std::string kDurationAllowed =
    "a number of seconds >= 0 or a string like \"500ms\", \"90s\", \"15m\", \"2h\", at most 366 days";

}  // namespace

TEST_CASE("a valid scenario loads with the documented defaults", "[scenario_loader]") {
  const ScenarioLoadResult result = load(scenario_text());
  INFO(result.error_report());
  REQUIRE(result.scenario);
  const auto& s = *result.scenario;

  SECTION("top level and workload defaults") {
    CHECK(s.seed == 1);
    CHECK(s.duration == std::chrono::hours(1));
    CHECK(s.recovery.window == std::chrono::seconds(60));
    CHECK(s.recovery.threshold == 0.99);
    CHECK(s.slo.success_ratio == 0.999);
    REQUIRE(s.workloads.size() == 1);
    CHECK(s.workloads[0].timeout == std::chrono::seconds(30));
    CHECK(s.workloads[0].latency_slo == std::chrono::seconds(10));
    CHECK(s.workloads[0].prompt_tokens.mean() == 500);
    CHECK(s.workloads[0].completion_tokens.mean() == 200);
    CHECK(s.faults.empty());
    CHECK(s.topology_file == faultline::testing::source_path("scenarios/topologies/foundry-two-region.json"));
  }
  SECTION("presets: hot-hot is active-active at full capacity, hot-warm a 25 % standby ramping in 10 min") {
    REQUIRE(s.patterns.size() == 2);
    const auto& hot = s.patterns[0];
    CHECK(hot.is_active_active);
    CHECK(hot.standby_fraction == 1.0);
    CHECK(hot.time_to_capacity.count() == 0);
    const auto& warm = s.patterns[1];
    CHECK_FALSE(warm.is_active_active);
    CHECK(warm.standby_fraction == 0.25);
    CHECK(warm.trigger_delay.count() == 0);
    CHECK(warm.time_to_capacity == std::chrono::minutes(10));
    CHECK(warm.warmup == std::chrono::minutes(5));
    CHECK(warm.cold_cache_latency == std::chrono::milliseconds(200));
  }
  SECTION("the default router comes from the topology's global entry") {
    // foundry-two-region: origins eastus2 (priority 1) and centralus (priority 2), weights 1000,
    // health probe 30 s with 3 of 4 samples; the probe timeout is the router default (10 s).
    const auto& warm = s.patterns[1].router;
    REQUIRE(warm.endpoints.size() == 2);
    CHECK(warm.endpoints[0].name == "eastus2");
    CHECK(warm.endpoints[0].priority == 1);
    CHECK(warm.endpoints[1].name == "centralus");
    CHECK(warm.endpoints[1].priority == 2);
    CHECK(warm.endpoints[1].weight == 1000);
    CHECK(warm.endpoints[0].boundary == std::optional<std::string>("US"));
    // Lowest client latency to each region: us-east-users, 12 ms to eastus2 and 32 ms to centralus.
    CHECK(warm.endpoints[0].latency == std::chrono::milliseconds(12));
    CHECK(warm.endpoints[1].latency == std::chrono::milliseconds(32));
    REQUIRE(warm.probe);
    CHECK(warm.probe->interval == std::chrono::seconds(30));
    CHECK(warm.probe->sample_size == 4);
    CHECK(warm.probe->successful_samples_required == 3);
    CHECK(warm.probe->timeout == std::chrono::seconds(10));
    CHECK_FALSE(warm.breaker);
    CHECK_FALSE(warm.retry);
    // Active-active puts every origin at priority 1.
    CHECK(s.patterns[0].router.endpoints[1].priority == 1);
  }
}

TEST_CASE("scenario files: pattern overrides, router sections and faults", "[scenario_loader]") {
  SECTION("keys next to a preset override it; a router section without a probe keeps the topology's") {
    const auto result = load(scenario_text(
        "", R"({"name": "slow", "type": "throttling", "target": "chat-centralus", "start": "10m", "fraction": 0.5})",
        R"({"name": "warm", "preset": "hot-warm", "standby_fraction": 0.5, "trigger_delay": "2m",
            "router": {"breaker": {"minimum_calls": 20}}})"));
    INFO(result.error_report());
    REQUIRE(result.scenario);
    const auto& p = result.scenario->patterns[0];
    CHECK(p.standby_fraction == 0.5);
    CHECK(p.trigger_delay == std::chrono::minutes(2));
    CHECK(p.time_to_capacity == std::chrono::minutes(10));  // from the preset
    REQUIRE(p.router.probe);  // merged from the global entry's health_probe (issue 22: no silent loss)
    REQUIRE(p.router.breaker);
    CHECK(p.router.breaker->minimum_calls == 20);
    REQUIRE(p.router.endpoints.size() == 2);  // filled in from the topology
    const auto& f = result.scenario->faults[0];
    CHECK(f.type == FaultType::kThrottling);
    CHECK(f.fraction == 0.5);
    CHECK(f.retry_after.count() < 0);  // no Retry-After unless the file gives one
    CHECK_FALSE(f.duration);           // lasts to the end of the run
  }
  SECTION("\"probe\": null turns the topology's probes off; a retry-only router keeps them") {
    const auto result =
        load(scenario_text("", "",
                           R"({"name": "breaker-only", "preset": "hot-warm", "router": {"probe": null, "breaker": {}}},
            {"name": "retry-only", "preset": "hot-warm", "router": {"retry": {"max_attempts": 2}}})"));
    INFO(result.error_report());
    REQUIRE(result.scenario);
    CHECK_FALSE(result.scenario->patterns[0].router.probe);
    REQUIRE(result.scenario->patterns[1].router.probe);
    // The topology's Front Door probe: every 30 s.
    CHECK(result.scenario->patterns[1].router.probe->interval == std::chrono::seconds(30));
  }
  SECTION("router_file: the gateway's own file, its gateway keys ignored") {
    // docs/examples/gateway-two-region.json: probes 10 s, 2 of 4, 2 s timeout; retries; no breaker.
    const auto result = load(scenario_text("", "", R"({"name": "as-deployed", "preset": "hot-warm",
            "router_file": "../docs/examples/gateway-two-region.json"})"));
    INFO(result.error_report());
    REQUIRE(result.scenario);
    const auto& router = result.scenario->patterns[0].router;
    REQUIRE(router.endpoints.size() == 2);
    CHECK(router.endpoints[0].name == "eastus2");
    CHECK(router.endpoints[1].priority == 2);
    REQUIRE(router.probe);
    CHECK(router.probe->interval == std::chrono::seconds(10));
    CHECK(router.probe->timeout == std::chrono::seconds(2));
    REQUIRE(router.retry);
    CHECK(router.retry->max_attempts == 2);
    CHECK_FALSE(router.breaker);
  }
  SECTION("router_file: a missing file is reported at the pattern's router_file") {
    const auto result = load(scenario_text("", "", R"({"name": "x", "router_file": "absent-gateway.json"})"));
    const auto& e = error_at(result, "patterns[0].router_file");
    CHECK_THAT(e.problem, Catch::Contains("absent-gateway.json: no such file"));
  }
}

TEST_CASE("bad scenario files: every message names file, path, problem and what is allowed", "[scenario_loader]") {
  SECTION("malformed JSON: line and column of the offending character") {
    // Line 4 is the closing brace after a trailing comma; column 1.
    const auto result = load("{\n  \"name\": \"x\",\n  \"duration\": 60,\n}");
    REQUIRE(result.errors.size() == 1);
    const faultline::base::LoadError& e = result.errors[0];
    CHECK(e.file == kFile);
    CHECK(e.line == 4);
    CHECK(e.column == 1);
    CHECK(e.problem.rfind("syntax error while parsing", 0) == 0);
    CHECK(e.problem.find("unexpected '}'") != std::string::npos);
    CHECK(e.allowed == "JSON (RFC 8259): no comments, no trailing commas");
    CHECK(result.error_report() ==
          std::string(kFile) + ":4:1: " + e.problem + " (allowed: JSON (RFC 8259): no comments, no trailing commas)\n");
  }
  SECTION("unknown key, with the nearest allowed key suggested") {
    check(load(scenario_text("", "", R"({"name": "hot-hot"})", R"( "sed": 7,)")), "sed",
          "unknown key \"sed\"; did you mean \"seed\"?",
          "$schema, name, description, topology, duration, seed, recovery, slo, workloads, faults, patterns, targets, "
          "costs, reliability, plan, lint");
  }
  SECTION("missing required key") {
    const std::string text = R"({"name": "x", "topology": "topologies/foundry-two-region.json", "duration": 60,
                                 "patterns": [{"name": "hot-hot"}]})";
    check(load(text), "workloads", "missing required key \"workloads\"", "an array");
  }
  SECTION("wrong type") {
    check(load(scenario_text("", "", R"({"name": "hot-hot"})", R"( "seed": "42",)")), "seed",
          "expected a number, got string", "an integer from 0 to 9007199254740991");
  }
  SECTION("negative duration") {
    check(load(scenario_text("", R"({"name": "f", "type": "region_outage", "target": "eastus2", "start": 60,
                                     "duration": -5})")),
          "faults[0].duration", "negative duration", kDurationAllowed);
  }
  SECTION("a fault that starts after the run") {
    // The run lasts 1 h; a fault at 2 h would never happen.
    check(load(scenario_text("", R"({"name": "f", "type": "region_outage", "target": "eastus2", "start": "2h"})")),
          "faults[0].start", "the fault starts at or after the end of the run", "a start before the run's duration");
  }
  SECTION("unknown fault target") {
    check(load(scenario_text("", R"({"name": "f", "type": "region_outage", "target": "westeurope", "start": 60})")),
          "faults[0].target", "unknown node \"westeurope\"", "the id of a region of the topology");
  }
  SECTION("fault target of the wrong kind") {
    check(load(scenario_text("", R"({"name": "f", "type": "region_outage", "target": "chat-eastus2", "start": 60})")),
          "faults[0].target", "\"chat-eastus2\" is a model_deployment, which a region_outage cannot target",
          "the id of a region");
  }
}

TEST_CASE("bad scenario files: workload stores, models, boundaries, names, distributions and router sections",
          "[scenario_loader]") {
  SECTION("writes_to names a store the topology does not have") {
    check(load(scenario_text(R"(, "writes_to": ["cosmos-eastus2", "cosmos-westus"])")), "workloads[0].writes_to[1]",
          "\"cosmos-westus\" is not a data store of the topology",
          "one of acr-centralus, acr-eastus2, cosmos-centralus, cosmos-eastus2, kv-centralus, kv-eastus2, "
          "search-centralus, search-eastus2, storage-centralus, storage-eastus2");
  }
  SECTION("writes_to names a node that is not a data store, or lists nothing") {
    const std::string stores =
        "one of acr-centralus, acr-eastus2, cosmos-centralus, cosmos-eastus2, kv-centralus, kv-eastus2, "
        "search-centralus, search-eastus2, storage-centralus, storage-eastus2";
    check(load(scenario_text(R"(, "writes_to": ["chat-eastus2"])")), "workloads[0].writes_to[0]",
          "\"chat-eastus2\" is not a data store of the topology", stores);
    check(load(scenario_text(R"(, "writes_to": [])")), "workloads[0].writes_to", "an empty list of stores",
          "one or more data store ids, or no \"writes_to\" key");
  }
  SECTION("a workload whose model no deployment serves") {
    const std::string text = R"({"name": "x", "topology": "topologies/foundry-two-region.json", "duration": 60,
      "workloads": [{"name": "chat", "model": "gpt-5", "arrivals": {"process": "constant", "rate_per_s": 1}}],
      "patterns": [{"name": "hot-hot"}]})";
    check(load(text), "workloads[0].model", "no model deployment of the topology serves model \"gpt-5\"",
          "a model the topology deploys: gpt-4.1-mini, text-embedding-3-large");
  }
  SECTION("impossible residency boundary") {
    // Both regions of the topology lie in the US boundary.
    check(load(scenario_text(R"(, "boundary": "EU")")), "workloads[0].boundary",
          "impossible residency: no region of the topology lies in boundary \"EU\"", "one of US");
  }
  SECTION("duplicate names") {
    check(load(scenario_text("", "", R"({"name": "hot-hot"}, {"name": "hot-hot"})")), "patterns[1].name",
          "duplicate pattern name \"hot-hot\"", "a name unique among patterns");
    check(load(scenario_text("", R"({"name": "f", "type": "region_outage", "target": "eastus2", "start": 60},
                                    {"name": "f", "type": "region_outage", "target": "centralus", "start": 90})")),
          "faults[1].name", "duplicate fault name \"f\"", "a name unique among faults");
  }
  SECTION("bad distribution: unknown kind, and parameters the distribution refuses") {
    const std::string allowed =
        "a number of seconds or an object {\"distribution\": constant|uniform|exponential|normal|lognormal|"
        "weibull|piecewise_linear|empirical, ...}";
    check(load(scenario_text(R"(, "service_time": {"distribution": "lognormal", "median": 5, "p95": 2})")),
          "workloads[0].service_time", "lognormal: need 0 < median <= p95", allowed);
    check(load(scenario_text(R"(, "service_time": {"distribution": "gama", "mean": 2})")),
          "workloads[0].service_time.distribution", "unknown value \"gama\"",
          "constant, uniform, exponential, normal, lognormal, weibull, piecewise_linear, empirical");
    check(load(scenario_text(R"(, "prompt_tokens": -3)")), "workloads[0].prompt_tokens", "negative value -3",
          "a number of tokens or an object {\"distribution\": constant|uniform|exponential|normal|lognormal|"
          "weibull|piecewise_linear|empirical, ...}");
  }
  SECTION("bad router section: the router loader's message at the pattern's router path") {
    check(load(scenario_text("", "", R"({"name": "hot-hot", "router": {"breaker": {"minimum_calls": 0}}})")),
          "patterns[0].router.breaker.minimum_calls", "minimum_calls must be an integer from 1 to 1000000000, got 0",
          "");
    check(load(scenario_text("", "", R"({"name": "hot-hot", "router": {"endpoints": [{"name": "westus"}]}})")),
          "patterns[0].router.endpoints[0].name", "\"westus\" is not a region behind the global entry",
          "one of eastus2, centralus");
  }
}

TEST_CASE("bad scenario files: presets, fault parameters, run length, rates, recovery and a missing topology",
          "[scenario_loader]") {
  SECTION("unknown pattern preset, and a custom pattern missing what a preset would give") {
    check(load(scenario_text("", "", R"({"name": "mine", "preset": "hot-wram"})")), "patterns[0].preset",
          "unknown value \"hot-wram\"; did you mean \"hot-warm\"?", "hot-hot, hot-warm, hot-cold");
    const auto result = load(scenario_text("", "", R"({"name": "mine", "routing": "priority"})"));
    check(result, "patterns[0].standby_fraction",
          "missing required key \"standby_fraction\" for a custom pattern \"mine\"",
          "a name or \"preset\" of hot-hot, hot-warm or hot-cold, or both \"routing\" and \"standby_fraction\"");
  }
  SECTION("a gray failure without parameters") {
    check(load(scenario_text("", R"({"name": "g", "type": "gray_failure", "target": "chat-eastus2", "start": 60})")),
          "faults[0]", "a gray failure with neither error_rate nor added_latency",
          "\"error_rate\" (0..1) and/or \"added_latency\"");
  }
  SECTION("a key meaningless for the fault's type") {
    check(load(scenario_text("", R"({"name": "f", "type": "region_outage", "target": "eastus2", "start": 60,
                                     "fraction": 0.5})")),
          "faults[0].fraction", "\"fraction\" has no meaning for a region_outage",
          "only with type gpu_capacity_loss or throttling");
    check(load(scenario_text("", R"({"name": "f", "type": "gpu_capacity_loss", "target": "chat-eastus2", "start": 60,
                                     "retry_after": "5s"})")),
          "faults[0].retry_after", "\"retry_after\" has no meaning for a gpu_capacity_loss",
          "only with type throttling");
  }
  SECTION("a run of no length") {
    const std::string text = R"({"name": "x", "topology": "topologies/foundry-two-region.json", "duration": "0s",
      "workloads": [{"name": "chat", "model": "gpt-4.1-mini", "arrivals": {"process": "poisson", "rate_per_s": 1}}],
      "patterns": [{"name": "hot-hot"}]})";
    check(load(text), "duration", "the run has no length", "a duration > 0");
  }
  SECTION("an arrival rate of 0 and an unknown fault type") {
    check(load(R"({"name": "x", "topology": "topologies/foundry-two-region.json", "duration": 60,
      "workloads": [{"name": "chat", "model": "gpt-4.1-mini", "arrivals": {"process": "constant", "rate_per_s": 0}}],
      "patterns": [{"name": "hot-hot"}]})"),
          "workloads[0].arrivals.rate_per_s", "a rate of 0", "a rate > 0 requests per second");
    check(load(scenario_text("", R"({"name": "f", "type": "region_outtage", "target": "eastus2", "start": 60})")),
          "faults[0].type", "unknown value \"region_outtage\"; did you mean \"region_outage\"?",
          "region_outage, zone_outage, gpu_capacity_loss, gray_failure, throttling, gateway_failure, "
          "global_entry_failure, dns_failure, quota_reclaimed, model_version_drift, replication_partition, "
          "data_store_outage");
  }
  SECTION("a recovery window that is not whole seconds, and a by_fault key that is not a fault type") {
    check(load(scenario_text("", "", R"({"name": "hot-hot"})", R"( "recovery": {"window": "1500ms"},)")),
          "recovery.window", "not a whole number of seconds", "a whole number of seconds >= 1");
    const auto result =
        load(scenario_text("", "", R"({"name": "hot-hot"})", R"( "targets": {"by_fault": {"zone": {"rto_s": 5}}},)"));
    check(result, "targets.by_fault.zone", "unknown fault type \"zone\"",
          "region_outage, zone_outage, gpu_capacity_loss, gray_failure, throttling, gateway_failure, "
          "global_entry_failure, dns_failure, quota_reclaimed, model_version_drift, replication_partition, "
          "data_store_outage");
  }
  SECTION("a missing topology file is reported with its path, and every problem is collected") {
    const std::string text = R"({"name": "x", "topology": "topologies/none.json", "duration": 60, "sede": 1,
      "workloads": [], "patterns": [{"name": "hot-hot"}]})";
    const auto result = load(text);
    REQUIRE_FALSE(result.scenario);
    // The unknown key, the missing topology file and the empty workload list, in one report.
    REQUIRE(result.errors.size() == 3);
    check(result, "workloads", "no workloads", "at least one workload class");
    const auto missing =
        std::find_if(result.errors.begin(), result.errors.end(),
                     [](const faultline::base::LoadError& e) { return e.problem == "cannot open the file"; });
    REQUIRE(missing != result.errors.end());
    CHECK(missing->file == faultline::testing::source_path("scenarios/topologies/none.json"));
    CHECK(missing->allowed == "a readable topology JSON file");
  }
}

TEST_CASE("every shipped scenario loads", "[scenario_loader]") {
  for (const char* name : {"reference.json", "probe-detection.json", "breaker-detection.json", "capped-standby.json",
                           "zone-redundant-pool.json", "version-drift-standby.json"}) {
    const auto result = ScenarioLoader::load_file(faultline::testing::source_path(std::string("scenarios/") + name));
    INFO(name << "\n" << result.error_report());
    CHECK(result.scenario);
  }
}
