// Agent thread accounting follows where work was actually served (issue 22): persisted
// threads count as rehydrated only once a turn is served outside the failed region.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "command_runner.hpp"

namespace {

using faultline::testing::faultline_binary;
using faultline::testing::read_text;
using faultline::testing::run_command;
using faultline::testing::source_path;
using faultline::testing::temp_path;
using nlohmann::json;

// scenarios/agent-threads-persisted.json with `extra_faults` added, run; the result document.
json run_persisted_threads(const json& extra_faults, const std::string& name) {
  json scenario = json::parse(read_text(source_path("scenarios/agent-threads-persisted.json")));
  scenario["topology"] = source_path("scenarios/topologies/foundry-two-region.json");
  for (const json& f : extra_faults) scenario["faults"].push_back(f);
  const std::string in = temp_path(name + ".json");
  const std::string out = temp_path(name + "-result.json");
  std::ofstream(in) << scenario.dump(2);
  std::filesystem::remove(out);
  const auto r = run_command(faultline_binary() + " run " + in + " --json " + out + " -q");
  INFO(r.output);
  REQUIRE(std::filesystem::exists(out));
  return json::parse(read_text(out));
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
    const json gateway_down = json::array(
        {{{"name", "apim-centralus-down"}, {"type", "gateway_failure"}, {"target", "apim-centralus"}, {"start", 0},
          {"duration", "48h"}}});
    const json result = run_persisted_threads(gateway_down, "threads-unserved");
    const json& work = outage_work(result);
    CHECK(work.at("agent_threads_rehydrated") == 0);
    CHECK(work.at("agent_threads_lost") == 500);
  }
}
