// What the simulation derives from where work can actually be served (issue 22 item 5):
// agent threads are rehydrated only once a turn is served outside the failed region, and
// a region missing its pair's private DNS zone (lint FL006) fails calls by itself.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "command_runner.hpp"
#include "json_run.hpp"

namespace {

using faultline::testing::faultline_binary;
using faultline::testing::read_text;
using faultline::testing::run_command;
using faultline::testing::run_scenario_json;
using faultline::testing::source_path;
using faultline::testing::temp_path;
using nlohmann::json;

// scenarios/agent-threads-persisted.json with `extra_faults` added, run; the result document.
json run_persisted_threads(const json& extra_faults, const std::string& name) {
  json scenario = json::parse(read_text(source_path("scenarios/agent-threads-persisted.json")));
  scenario["topology"] = source_path("scenarios/topologies/foundry-two-region.json");
  for (const json& f : extra_faults) scenario["faults"].push_back(f);
  return run_scenario_json(scenario, name);
}

// Failed requests of pattern `name`, over its workloads.
std::int64_t failed(const json& result, const std::string& name) {
  std::int64_t n = 0;
  for (const json& p : result.at("patterns")) {
    if (p.at("name") != name) continue;
    for (const json& w : p.at("workloads"))
      n += w.at("offered").get<std::int64_t>() - w.at("succeeded").get<std::int64_t>();
  }
  return n;
}

const json& outage_work(const json& result) {
  for (const json& p : result.at("patterns")) {
    if (p.at("name") != "hot-warm") continue;
    for (const json& i : p.at("incidents")) {
      if (i.at("fault") == "eastus2-outage") return i.at("work");
    }
  }
  FAIL("no hot-warm eastus2-outage incident");
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("agent threads are rehydrated only where a turn is served", "[e2e][drills][work]") {
  // Hot/Warm: all 500 open threads live in eastus2 when it fails at 1,200 s; they are
  // persisted to the replicated Cosmos DB.
  SECTION("centralus serves turns after the failover: 500 rehydrated, none lost") {
    const json result = run_persisted_threads(json::array(), "threads-served");
    const json& work = outage_work(result);
    CHECK(work.at("agent_threads_rehydrated") == 500);
    CHECK(work.at("agent_threads_lost") == 0);
  }
  SECTION("centralus's gateway answers 503 for the whole run: no turn is served elsewhere, all 500 lost") {
    const json gateway_down = json::array({{{"name", "apim-centralus-down"},
                                            {"type", "gateway_failure"},
                                            {"target", "apim-centralus"},
                                            {"start", 0},
                                            {"duration", "48h"}}});
    const json result = run_persisted_threads(gateway_down, "threads-unserved");
    const json& work = outage_work(result);
    CHECK(work.at("agent_threads_rehydrated") == 0);
    CHECK(work.at("agent_threads_lost") == 500);
  }
}

TEST_CASE("a region missing its pair's private DNS zone fails calls without a scripted fault", "[e2e][drills]") {
  // scenarios/private-dns-missing.json scripts a dns_failure on centralus for the whole run
  // to stand for the missing privatelink zone (FL006). The simulator now derives it from the
  // topology, so the scenario without that fault fails exactly the same requests: Hot/Hot's
  // 30 calls sent to centralus before its probes mark it unhealthy at 30.024 s among them.
  json scenario = json::parse(read_text(source_path("scenarios/private-dns-missing.json")));
  scenario["topology"] = source_path("scenarios/topologies/foundry-two-region-dns-asymmetry.json");
  const json scripted = run_scenario_json(scenario, "dns-scripted", "");
  scenario["faults"].erase(0);  // the scripted dns_failure
  const json derived = run_scenario_json(scenario, "dns-derived", "");
  CHECK(failed(derived, "hot-hot") == failed(scripted, "hot-hot"));
  CHECK(failed(derived, "hot-warm") == failed(scripted, "hot-warm"));
  CHECK(failed(derived, "hot-hot") - failed(derived, "hot-warm") == 30);
}
