// The global entry's two products: Front Door (probe window n / x) and Traffic
// Manager (interval 10 or 30 s, tolerated failures 0-9, timeout 5-10 s, a DNS TTL),
// each rejecting the other's keys, and the probes' vantage (health_probe.source).

#include <catch2/catch.hpp>

#include "faultline/topology/topology_loader.hpp"
#include "topology_test_support.hpp"

using faultline::testing::error_lines;
using faultline::testing::load_json;
using faultline::testing::load_ok;
using faultline::topology::GlobalEntryInfo;
using faultline::topology::NodeKind;
using nlohmann::json;

namespace {

json minimal() {
  return json::parse(R"({
    "name": "t",
    "regions": [{
      "id": "r1", "geography": "us",
      "model_deployments": [{"id": "m1", "model": "gpt-4.1-mini", "version": "2025-04-14",
        "deployment_name": "chat", "deployment_type": "standard",
        "capacity": {"tokens_per_minute": 1000}, "quota_tokens_per_minute": 1000}],
      "gateways": [{"id": "g1", "backends": ["m1"]}]
    }],
    "global_entry": {"id": "tm", "product": "traffic_manager", "origins": [{"gateway": "g1"}],
                     "health_probe": {"path": "/status"}},
    "clients": [{"id": "east", "geography": "us", "traffic_share": 0.7, "entry": "tm"},
                {"id": "west", "geography": "us", "traffic_share": 0.3, "entry": "tm"}]
  })");
}

GlobalEntryInfo entry_of(const json& doc) {
  const auto topo = load_ok(doc);
  return std::get<GlobalEntryInfo>(topo.node(topo.nodes_of_kind(NodeKind::kGlobalEntry).front()).details);
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("traffic manager: documented defaults and ranges", "[topology][traffic-manager]") {
  SECTION("defaults: 30 s interval, 3 tolerated failures, 10 s timeout, 60 s TTL, 10 resolvers") {
    const GlobalEntryInfo e = entry_of(minimal());
    REQUIRE(e.is_traffic_manager());
    REQUIRE(e.health_probe);
    CHECK(e.health_probe->interval == std::chrono::seconds(30));
    CHECK(e.health_probe->tolerated_failures == 3);
    CHECK(e.health_probe->timeout == std::chrono::seconds(10));
    // Unhealthy after 3 + 1 consecutive failures, healthy after 1 success: 1 of the last 4.
    CHECK(e.health_probe->sample_size == 4);
    CHECK(e.health_probe->successful_samples_required == 1);
    CHECK(e.dns_ttl == std::chrono::seconds(60));
    CHECK(e.dns_resolvers == 10);
  }
  SECTION("fast probing: 10 s with at most a 9 s timeout") {
    json doc = minimal();
    doc["global_entry"]["health_probe"]["interval"] = "10s";
    doc["global_entry"]["health_probe"]["tolerated_failures"] = 0;
    const GlobalEntryInfo e = entry_of(doc);
    CHECK(e.health_probe->timeout == std::chrono::seconds(9));
    CHECK(e.health_probe->sample_size == 1);
  }
  SECTION("an interval other than 10 or 30 s, a short timeout, too many tolerated failures") {
    json doc = minimal();
    doc["global_entry"]["health_probe"]["interval"] = "20s";
    doc["global_entry"]["health_probe"]["timeout"] = "2s";
    doc["global_entry"]["health_probe"]["tolerated_failures"] = 10;
    CHECK(
        error_lines(doc) ==
        Lines{"t.json: global_entry.health_probe.interval: Traffic Manager probes every 10 s or 30 s (allowed: 30 "
              "(the default) or 10 (fast probing))",
              "t.json: global_entry.health_probe.tolerated_failures: 10 is absurdly large (allowed: an integer from 0 "
              "to 9)",
              "t.json: global_entry.health_probe.timeout: a probe timeout under 5 s (allowed: 5-10 s)"});
  }
  SECTION("Front Door's keys on Traffic Manager, and Traffic Manager's on Front Door") {
    json doc = minimal();
    doc["global_entry"]["health_probe"]["sample_size"] = 4;
    CHECK(error_lines(doc) == Lines{"t.json: global_entry.health_probe.sample_size: Traffic Manager has no "
                                    "\"sample_size\" (allowed: for this product: tolerated_failures, timeout)"});
    doc = minimal();
    doc["global_entry"]["product"] = "front_door";
    doc["global_entry"]["health_probe"]["tolerated_failures"] = 3;
    doc["global_entry"]["dns_ttl"] = "30s";
    CHECK(error_lines(doc) ==
          Lines{"t.json: global_entry.dns_ttl: a Front Door entry answers every request, it has no DNS cache (allowed: "
                "\"dns_ttl\" and \"dns_resolvers\" only with \"product\": \"traffic_manager\")",
                "t.json: global_entry.health_probe.tolerated_failures: Front Door has no \"tolerated_failures\" "
                "(allowed: for this product: sample_size, successful_samples_required)"});
  }
}

TEST_CASE("the probes' vantage: a client geography, by default the largest", "[topology][probe]") {
  SECTION("given") {
    json doc = minimal();
    doc["global_entry"]["health_probe"]["source"] = "west";
    CHECK(entry_of(doc).health_probe->source == "west");
  }
  SECTION("an unknown client is named with the nearest id") {
    json doc = minimal();
    doc["global_entry"]["health_probe"]["source"] = "wes";
    CHECK(error_lines(doc) == Lines{"t.json: global_entry.health_probe.source: unknown id \"wes\"; did you mean "
                                    "\"west\"? (allowed: the id of a client)"});
  }
}
