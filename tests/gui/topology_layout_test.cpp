#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/gui/topology_layout.hpp"

using namespace faultline;
using gui::NodeState;

namespace {

std::string source_dir() {
  const char* dir = std::getenv("FAULTLINE_SOURCE_DIR");
  return dir != nullptr ? dir : ".";
}

engine::Scenario reference() {
  engine::ScenarioLoadResult loaded = engine::ScenarioLoader::load_file(source_dir() + "/scenarios/reference.json");
  INFO(loaded.error_report());
  REQUIRE(loaded.scenario.has_value());
  return *loaded.scenario;
}

NodeState state_of(const engine::Scenario& s, const std::vector<NodeState>& states, const std::string& id) {
  return states[*s.topology->find(id)];
}

}  // namespace

// reference.json: region_outage of eastus2 from 30 min for 2 h (1800 s .. 9000 s).
TEST_CASE("node_states_at: a region outage takes the region and everything in it down while active",
          "[gui][topology]") {
  const engine::Scenario s = reference();
  const std::vector<NodeState> before = gui::node_states_at(s, 1799.999);
  for (NodeState st : before) CHECK(st == NodeState::kUp);
  const std::vector<NodeState> during = gui::node_states_at(s, 1800);
  CHECK(state_of(s, during, "eastus2") == NodeState::kDown);
  CHECK(state_of(s, during, "eastus2-az1") == NodeState::kDown);
  CHECK(state_of(s, during, "apim-eastus2") == NodeState::kDown);
  CHECK(state_of(s, during, "centralus") == NodeState::kUp);
  CHECK(state_of(s, during, "apim-centralus") == NodeState::kUp);
  CHECK(state_of(s, during, "frontdoor") == NodeState::kUp);  // its other origin is up
  for (topology::VertexId v : s.topology->members_of_region("eastus2")) CHECK(during[v] == NodeState::kDown);
  for (topology::VertexId v : s.topology->members_of_region("centralus")) CHECK(during[v] == NodeState::kUp);
  const std::vector<NodeState> after = gui::node_states_at(s, 9000);
  for (NodeState st : after) CHECK(st == NodeState::kUp);
}

TEST_CASE("node_states_at: a capacity loss degrades only its target", "[gui][topology]") {
  engine::Scenario s = reference();
  const std::vector<topology::VertexId> pools = s.topology->nodes_of_kind(topology::NodeKind::kModelDeployment);
  REQUIRE_FALSE(pools.empty());
  engine::FaultSpec f;
  f.name = "gpu";
  f.type = engine::FaultType::kGpuCapacityLoss;
  f.target = s.topology->node(pools.back()).id;
  f.start = engine::at_micros(0);
  f.duration = engine::seconds(60);
  s.faults = {f};
  const std::vector<NodeState> states = gui::node_states_at(s, 30);
  for (topology::VertexId v = 0; v < states.size(); ++v) {
    CHECK(states[v] == (v == pools.back() ? NodeState::kDegraded : NodeState::kUp));
  }
}

TEST_CASE("TopologyLayout: every node boxed inside the unit square, members inside their region", "[gui][topology]") {
  const engine::Scenario s = reference();
  const topology::Topology& topo = *s.topology;
  const gui::TopologyLayout layout(topo);
  REQUIRE(layout.boxes().size() == topo.node_count());
  for (topology::VertexId v = 0; v < topo.node_count(); ++v) {
    const gui::LayoutBox& b = layout.boxes()[layout.box_of(v)];
    INFO(b.label);
    CHECK(b.vertex == v);
    CHECK(b.label == topo.node(v).id);
    CHECK(b.w > 0);
    CHECK(b.h > 0);
    CHECK(b.x >= 0);
    CHECK(b.y >= 0);
    CHECK(b.x + b.w <= 1.0);
    CHECK(b.y + b.h <= 1.0);
    CHECK(b.is_container == (topo.node(v).kind == topology::NodeKind::kRegion));
  }
  const std::vector<topology::VertexId> regions = topo.nodes_of_kind(topology::NodeKind::kRegion);
  REQUIRE(regions.size() == 2);
  const gui::LayoutBox& east = layout.boxes()[layout.box_of(regions[0])];
  const gui::LayoutBox& central = layout.boxes()[layout.box_of(regions[1])];
  CHECK(east.x + east.w < central.x);  // side by side, in file order
  for (topology::VertexId region : regions) {
    const gui::LayoutBox& r = layout.boxes()[layout.box_of(region)];
    for (topology::VertexId m : topo.members_of_region(topo.node(region).id)) {
      const gui::LayoutBox& b = layout.boxes()[layout.box_of(m)];
      INFO(b.label);
      CHECK(b.x >= r.x);
      CHECK(b.y >= r.y);
      CHECK(b.x + b.w <= r.x + r.w);
      CHECK(b.y + b.h <= r.y + r.h);
    }
  }
  // Containment is drawn by nesting, never as a link.
  for (const gui::LayoutLink& l : layout.links()) CHECK(l.kind != topology::EdgeKind::kContainment);
  CHECK_FALSE(layout.links().empty());
}
