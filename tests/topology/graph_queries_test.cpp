#include <catch2/catch.hpp>

#include "faultline/topology/blast_radius.hpp"
#include "faultline/topology/lowest_latency_path.hpp"
#include "faultline/topology/reachability.hpp"
#include "faultline/topology/startup_order.hpp"
#include "topology_test_support.hpp"

using namespace faultline::topology;
using faultline::testing::load_ok;
using nlohmann::json;
using Ids = std::vector<std::string>;
using std::chrono::milliseconds;

namespace {

// Hand-drawn world (file order = vertex order):
//   r1: zones z1, z2; pool-a spans z1+z2; pool-b sits in z1 only; gw1 routes to pool-a, pool-b, agent1;
//       agent1 needs pool-a and db1 (regional, no zone)
//   r2: zone z3; pool-c in z3; gw2 routes to pool-c
//   r3: no zones, nothing inside (a network transit region)
//   fd (global entry) -> origins gw1, gw2;  c1 -> fd (70 %), c2 -> gw1 (30 %)
//   network: r1-r2 40 ms, r1-r3 10 ms, r3-r2 15 ms; c1 -> r1 10 ms, c1 -> r2 20 ms; c2 -> r1 30 ms
json hand_drawn() {
  return json::parse(R"({
    "name": "hand-drawn",
    "regions": [
      {"id": "r1", "geography": "us",
       "zones": [{"id": "z1"}, {"id": "z2"}],
       "model_deployments": [
         {"id": "pool-a", "model": "m", "version": "1", "deployment_name": "chat", "deployment_type": "standard",
          "capacity": {"tokens_per_minute": 10}, "quota_tokens_per_minute": 10, "zones": ["z1", "z2"]},
         {"id": "pool-b", "model": "m", "version": "1", "deployment_name": "batch", "deployment_type": "standard",
          "capacity": {"tokens_per_minute": 10}, "quota_tokens_per_minute": 10, "zones": ["z1"]}],
       "gateways": [{"id": "gw1", "backends": ["pool-a", "pool-b", "agent1"]}],
       "agent_services": [{"id": "agent1", "threads_persisted": false, "depends_on": ["pool-a", "db1"]}],
       "data_stores": [{"id": "db1", "kind": "database"}]},
      {"id": "r2", "geography": "us",
       "zones": [{"id": "z3"}],
       "model_deployments": [
         {"id": "pool-c", "model": "m", "version": "1", "deployment_name": "chat", "deployment_type": "standard",
          "capacity": {"tokens_per_minute": 10}, "quota_tokens_per_minute": 10, "zones": ["z3"]}],
       "gateways": [{"id": "gw2", "backends": ["pool-c"]}]},
      {"id": "r3", "geography": "us"}
    ],
    "global_entry": {"id": "fd", "origins": [{"gateway": "gw1"}, {"gateway": "gw2", "priority": 2}]},
    "network_links": [
      {"from": "r1", "to": "r2", "latency": "40ms"},
      {"from": "r1", "to": "r3", "latency": "10ms"},
      {"from": "r3", "to": "r2", "latency": "15ms"}],
    "clients": [
      {"id": "c1", "geography": "us", "traffic_share": 0.7, "entry": "fd", "latency": {"r1": "10ms", "r2": "20ms"}},
      {"id": "c2", "geography": "us", "traffic_share": 0.3, "entry": "gw1", "latency": {"r1": "30ms"}}]
  })");
}

std::size_t position(const Ids& order, const std::string& id) {
  return static_cast<std::size_t>(std::find(order.begin(), order.end(), id) - order.begin());
}

}  // namespace

TEST_CASE("blast radius follows containment and dependency edges, honouring alternatives", "[topology][queries]") {
  const Topology t = load_ok(hand_drawn());
  SECTION("one zone: only the pool pinned to it; the two-zone pool and the gateway survive") {
    CHECK(blast_radius(t, {"z1"}).down == Ids{"z1", "pool-b"});
  }
  SECTION("both zones of r1: both pools, the agent that needs pool-a, gw1 (no backend left) and c2 behind gw1") {
    CHECK(blast_radius(t, {"z1", "z2"}).down == Ids{"z1", "z2", "pool-a", "pool-b", "gw1", "agent1", "c2"});
  }
  SECTION("a region: everything inside it, and c2; fd survives through gw2") {
    CHECK(blast_radius(t, {"r1"}).down == Ids{"r1", "z1", "z2", "pool-a", "pool-b", "gw1", "agent1", "db1", "c2"});
  }
  SECTION("a store: what needs it") { CHECK(blast_radius(t, {"db1"}).down == Ids{"agent1", "db1"}); }
  SECTION("a gateway: its own clients, not the pools behind it") {
    CHECK(blast_radius(t, {"gw1"}).down == Ids{"gw1", "c2"});
  }
  SECTION("both serving regions: the global entry loses every origin and c1 goes down too") {
    CHECK(blast_radius(t, {"r1", "r2"}).down == Ids{"r1", "z1", "z2", "pool-a", "pool-b", "gw1", "agent1", "db1", "r2",
                                                    "z3", "pool-c", "gw2", "fd", "c1", "c2"});
  }
  SECTION("the failed set is echoed and the flags match the list") {
    const BlastRadius b = blast_radius(t, {"pool-c"});
    CHECK(b.failed == Ids{"pool-c"});
    CHECK(b.down == Ids{"pool-c", "gw2"});
    CHECK(b.is_down[*t.find("gw2")]);
    CHECK_FALSE(b.is_down[*t.find("fd")]);
  }
  SECTION("an unknown id is an error naming it") {
    CHECK_THROWS_WITH(blast_radius(t, {"r9"}), "blast radius: topology hand-drawn has no node \"r9\"");
  }
}

TEST_CASE("reachability from each client geography after faults", "[topology][queries]") {
  const Topology t = load_ok(hand_drawn());
  SECTION("no fault: c1 reaches both regions through fd, c2 only r1 through gw1") {
    const auto reach = reachability(t, {});
    REQUIRE(reach.size() == 2);
    CHECK(reach[0].client == "c1");
    CHECK(reach[0].traffic_share == 0.7);
    CHECK(reach[0].is_served);
    CHECK(reach[0].reachable == Ids{"pool-a", "pool-b", "gw1", "agent1", "db1", "pool-c", "gw2", "fd"});
    CHECK(reach[0].serving_regions == Ids{"r1", "r2"});
    CHECK(reach[1].reachable == Ids{"pool-a", "pool-b", "gw1", "agent1", "db1"});
    CHECK(reach[1].serving_regions == Ids{"r1"});
  }
  SECTION("r1 down: c1 is served from r2 only, c2 is not served") {
    const auto reach = reachability(t, {"r1"});
    CHECK(reach[0].is_served);
    CHECK(reach[0].reachable == Ids{"pool-c", "gw2", "fd"});
    CHECK(reach[0].serving_regions == Ids{"r2"});
    CHECK_FALSE(reach[1].is_served);
    CHECK(reach[1].reachable.empty());
  }
  SECTION("gw2 down: pool-c is up but unreachable") {
    const auto reach = reachability(t, {"gw2"});
    CHECK(reach[0].reachable == Ids{"pool-a", "pool-b", "gw1", "agent1", "db1", "fd"});
    CHECK(reach[0].serving_regions == Ids{"r1"});
  }
}

TEST_CASE("lowest-latency path over network links (Dijkstra)", "[topology][queries]") {
  const Topology t = load_ok(hand_drawn());
  SECTION("c2 to r2 goes through r1 and r3: 30 + 10 + 15 = 55 ms, not 30 + 40 = 70 ms") {
    const LatencyPath p = lowest_latency_path(t, "c2", "r2");
    CHECK(p.is_found);
    CHECK(p.hops == Ids{"c2", "r1", "r3", "r2"});
    CHECK(p.latency == milliseconds(55));
  }
  SECTION("a component stands for its region: c1 to pool-c is the direct 20 ms link") {
    const LatencyPath p = lowest_latency_path(t, "c1", "pool-c");
    CHECK(p.hops == Ids{"c1", "r2"});
    CHECK(p.latency == milliseconds(20));
  }
  SECTION("with r3 failed the direct link is best: 30 + 40 = 70 ms") {
    const LatencyPath p = lowest_latency_path(t, "c2", "r2", {"r3"});
    CHECK(p.hops == Ids{"c2", "r1", "r2"});
    CHECK(p.latency == milliseconds(70));
  }
  SECTION("with r1 failed c2 has no route") {
    const LatencyPath p = lowest_latency_path(t, "c2", "r2", {"r1"});
    CHECK_FALSE(p.is_found);
    CHECK(p.hops.empty());
  }
}

TEST_CASE("startup order puts what is needed first; cycles are named", "[topology][queries]") {
  SECTION("every node comes after what it needs") {
    const Topology t = load_ok(hand_drawn());
    const Ids order = startup_order(t);
    CHECK(order.size() == t.node_count());
    CHECK(position(order, "r1") < position(order, "z1"));
    CHECK(position(order, "z1") < position(order, "pool-b"));
    CHECK(position(order, "z2") < position(order, "pool-a"));
    CHECK(position(order, "pool-a") < position(order, "agent1"));
    CHECK(position(order, "db1") < position(order, "agent1"));
    CHECK(position(order, "agent1") < position(order, "gw1"));
    CHECK(position(order, "gw1") < position(order, "fd"));
    CHECK(position(order, "gw2") < position(order, "fd"));
    CHECK(position(order, "fd") < position(order, "c1"));
  }
  SECTION("a hand-built graph with a cycle a -> b -> c -> a") {
    TopologyGraph g;
    Node n;
    for (const char* id : {"a", "b", "c", "d"}) {
      n.id = id;
      g[boost::add_vertex(g)] = n;
    }
    Edge needs;
    needs.kind = EdgeKind::kDependency;
    boost::add_edge(0, 1, needs, g);
    boost::add_edge(1, 2, needs, g);
    boost::add_edge(2, 0, needs, g);
    boost::add_edge(3, 0, needs, g);
    CHECK(find_dependency_cycle(g) == Ids{"a", "b", "c", "a"});
    const DependencyCycleError error(find_dependency_cycle(g));
    CHECK(std::string(error.what()) == "dependency cycle: a -> b -> c -> a");
  }
  SECTION("network and replication edges do not count as needs") {
    TopologyGraph g;
    Node n;
    n.id = "x";
    g[boost::add_vertex(g)] = n;
    n.id = "y";
    g[boost::add_vertex(g)] = n;
    Edge link;
    link.kind = EdgeKind::kNetwork;
    boost::add_edge(0, 1, link, g);
    boost::add_edge(1, 0, link, g);
    CHECK(find_dependency_cycle(g).empty());
  }
}
