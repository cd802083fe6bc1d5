#include "faultline/gui/topology_layout.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "faultline/gui/cursor_state.hpp"
#include "faultline/topology/blast_radius.hpp"

namespace faultline::gui {
namespace {

using topology::NodeKind;
using topology::VertexId;

// Order of components inside a region column, top to bottom.
int component_rank(NodeKind kind) {
  switch (kind) {
    case NodeKind::kGateway:
      return 0;
    case NodeKind::kModelDeployment:
      return 1;
    case NodeKind::kAgentService:
      return 2;
    default:
      return 3;  // data stores
  }
}

// Lays `count` boxes of height h in a row across [x, x + w] at y, with a gap between them.
void lay_row(std::vector<LayoutBox>& boxes, const std::vector<std::size_t>& members, double x, double w, double y,
             double h) {
  if (members.empty()) return;
  const double gap = 0.01;
  const double n = static_cast<double>(members.size());
  const double bw = (w - gap * (n + 1)) / n;
  for (std::size_t i = 0; i < members.size(); ++i) {
    LayoutBox& b = boxes[members[i]];
    b.x = x + gap + static_cast<double>(i) * (bw + gap);
    b.y = y;
    b.w = bw;
    b.h = h;
  }
}

}  // namespace

TopologyLayout::TopologyLayout(const topology::Topology& topology) {
  const auto& g = topology.graph();
  const std::size_t n = topology.node_count();
  box_of_vertex_.assign(n, 0);
  boxes_.reserve(n);
  // Boxes in vertex order first; positions below.
  for (VertexId v = 0; v < n; ++v) {
    LayoutBox b;
    b.vertex = v;
    b.label = g[v].id;
    b.is_container = g[v].kind == NodeKind::kRegion;
    box_of_vertex_[v] = boxes_.size();
    boxes_.push_back(std::move(b));
  }
  // Top band: clients, then global nodes (global entry and anything without a region).
  std::vector<std::size_t> clients;
  std::vector<std::size_t> globals;
  std::vector<VertexId> regions = topology.nodes_of_kind(NodeKind::kRegion);
  for (VertexId v = 0; v < n; ++v) {
    if (g[v].kind == NodeKind::kClient) {
      clients.push_back(v);
    } else if (g[v].kind != NodeKind::kRegion && g[v].region.empty()) {
      globals.push_back(v);
    }
  }
  lay_row(boxes_, clients, 0.15, 0.7, 0.01, 0.07);
  lay_row(boxes_, globals, 0.3, 0.4, 0.12, 0.07);
  // One column per region.
  const double top = 0.23;
  const double bottom = 0.99;
  const double gap = 0.03;
  const double columns = static_cast<double>(std::max<std::size_t>(1, regions.size()));
  const double cw = (1.0 - gap * (columns + 1)) / columns;
  for (std::size_t r = 0; r < regions.size(); ++r) {
    LayoutBox& region = boxes_[box_of_vertex_[regions[r]]];
    region.x = gap + static_cast<double>(r) * (cw + gap);
    region.y = top;
    region.w = cw;
    region.h = bottom - top;
    std::vector<std::size_t> zones;
    std::vector<std::size_t> components;
    for (VertexId v : topology.members_of_region(g[regions[r]].id)) {
      (g[v].kind == NodeKind::kZone ? zones : components).push_back(v);
    }
    std::stable_sort(components.begin(), components.end(), [&](std::size_t a, std::size_t b) {
      return component_rank(g[a].kind) < component_rank(g[b].kind);
    });
    const double zone_y = top + 0.05;
    lay_row(boxes_, zones, region.x, cw, zone_y, 0.06);
    // Components two per row below the zones.
    const double first = zone_y + 0.08;
    const std::size_t rows = (components.size() + 1) / 2;
    const double row_h = rows == 0 ? 0.0 : std::min(0.09, (bottom - 0.01 - first) / static_cast<double>(rows));
    for (std::size_t k = 0; k < rows; ++k) {
      std::vector<std::size_t> row{components[2 * k]};
      if (2 * k + 1 < components.size()) row.push_back(components[2 * k + 1]);
      lay_row(boxes_, row, region.x, cw, first + static_cast<double>(k) * row_h, row_h * 0.8);
    }
  }
  // Links (containment is shown by nesting). A network link is stored once per direction: keep one.
  std::set<std::pair<std::size_t, std::size_t>> network_pairs;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const topology::Edge& e = g[*it];
    if (e.kind == topology::EdgeKind::kContainment) continue;
    const std::size_t from = box_of_vertex_[boost::source(*it, g)];
    const std::size_t to = box_of_vertex_[boost::target(*it, g)];
    if (e.kind == topology::EdgeKind::kNetwork &&
        !network_pairs.insert({std::min(from, to), std::max(from, to)}).second) {
      continue;
    }
    links_.push_back({from, to, e.kind});
  }
}

std::vector<NodeState> node_states_at(const engine::Scenario& scenario, double t_s) {
  const topology::Topology& topo = *scenario.topology;
  std::vector<NodeState> states(topo.node_count(), NodeState::kUp);
  for (const engine::FaultSpec& f : scenario.faults) {
    if (!is_fault_active(f, t_s)) continue;
    const auto target = topo.find(f.target);
    if (!target) continue;
    switch (f.type) {
      case engine::FaultType::kRegionOutage:
      case engine::FaultType::kZoneOutage:
      case engine::FaultType::kGatewayFailure:
      case engine::FaultType::kDataStoreOutage:
      case engine::FaultType::kGlobalEntryFailure: {
        const topology::BlastRadius radius = topology::blast_radius(topo, {f.target});
        for (std::size_t v = 0; v < states.size(); ++v) {
          if (radius.is_down[v]) states[v] = NodeState::kDown;
        }
        break;
      }
      case engine::FaultType::kDnsFailure: {
        const auto region = topo.find(topo.node(*target).region);
        const VertexId v = region ? *region : *target;
        if (states[v] == NodeState::kUp) states[v] = NodeState::kDegraded;
        break;
      }
      default:
        if (states[*target] == NodeState::kUp) states[*target] = NodeState::kDegraded;
        break;
    }
  }
  return states;
}

}  // namespace faultline::gui
