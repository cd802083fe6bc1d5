// The regional gateway's APIM pool keys (issue 16): `pool_weight` on model deployments,
// `instances` and `backend_circuit_breaker` on gateways, read with their defaults and
// ranges (docs/topology.md), bad values named by JSON path.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "faultline/topology/topology_loader.hpp"
#include "topology_test_support.hpp"

using faultline::testing::error_lines;
using faultline::testing::load_ok;
using faultline::testing::read_source_json;
using nlohmann::json;
using namespace faultline::topology;

namespace {

const GatewayInfo& gateway(const Topology& t, const std::string& id) {
  return std::get<GatewayInfo>(t.node(*t.find(id)).details);
}

const ModelDeploymentInfo& deployment(const Topology& t, const std::string& id) {
  return std::get<ModelDeploymentInfo>(t.node(*t.find(id)).details);
}

// Every error line that contains `text`.
std::size_t lines_with(const std::vector<std::string>& lines, const std::string& text) {
  std::size_t n = 0;
  for (const std::string& l : lines) n += l.find(text) != std::string::npos ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("APIM pool keys: defaults, the shipped pool topologies, and bad values", "[topology][loader]") {
  SECTION("defaults: weight 1, one instance, no breaker") {
    const Topology t = load_ok(read_source_json("scenarios/topologies/foundry-two-region.json"));
    CHECK(deployment(t, "chat-eastus2").pool_weight == 1);
    CHECK(gateway(t, "apim-eastus2").instances == 1);
    CHECK_FALSE(gateway(t, "apim-eastus2").backend_breaker.has_value());
  }
  SECTION("the shipped weighted pool and breaker topologies") {
    const Topology w = load_ok(read_source_json("scenarios/topologies/foundry-two-region-weighted-pool.json"));
    CHECK(deployment(w, "chat-eastus2-b").pool_weight == 3);
    const Topology b = load_ok(read_source_json("scenarios/topologies/foundry-two-region-apim-pool.json"));
    const GatewayInfo& g = gateway(b, "apim-eastus2");
    CHECK(g.instances == 2);
    REQUIRE(g.backend_breaker.has_value());
    CHECK(g.backend_breaker->failure_count == 3);
    CHECK(g.backend_breaker->failure_percentage == 0);
    CHECK(g.backend_breaker->interval == std::chrono::seconds(10));
    CHECK(g.backend_breaker->trip_duration == std::chrono::seconds(60));
    CHECK(g.backend_breaker->status_ranges == std::vector<std::pair<int, int>>{{500, 599}});
    CHECK(g.backend_breaker->counts_no_answer);
    CHECK_FALSE(g.backend_breaker->accept_retry_after);
  }
  SECTION("bad values are named by path") {
    json doc = read_source_json("scenarios/topologies/foundry-two-region.json");
    doc["regions"][0]["model_deployments"][0]["pool_weight"] = 0;
    doc["regions"][0]["gateways"][0]["instances"] = 101;
    doc["regions"][0]["gateways"][0]["backend_circuit_breaker"] = {
        {"interval", "500ms"}, {"status_code_ranges", {{{"min", 599}, {"max", 500}}}}};
    const std::vector<std::string> lines = error_lines(doc);
    CHECK(lines_with(lines, "regions[0].model_deployments[0].pool_weight") == 1);
    CHECK(lines_with(lines, "regions[0].gateways[0].instances") == 1);
    CHECK(lines_with(lines, "neither failure_count nor failure_percentage is set") == 1);
    CHECK(lines_with(lines, "backend_circuit_breaker.interval: an interval under 1 s") == 1);
    CHECK(lines_with(lines, "status_code_ranges[0]: min above max") == 1);
  }
}
