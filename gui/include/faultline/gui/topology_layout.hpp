#pragma once
// Where the topology view draws each node, computed from the graph: global
// nodes (clients, global entries) in a top band, one column per region with its
// zones and then its components, and the links between them.

#include <cstddef>
#include <string>
#include <vector>

#include "faultline/engine/model/scenario.hpp"
#include "faultline/topology/topology.hpp"

namespace faultline::gui {

/// State of a node at one instant, from the faults active then.
enum class NodeState { kUp, kDegraded, kDown };

/// A rectangle in layout units: the whole layout is [0, 1] x [0, 1], y down.
struct LayoutBox {
  topology::VertexId vertex = 0;
  std::string label;
  double x = 0, y = 0, w = 0, h = 0;
  bool is_container = false;  ///< a region (drawn behind its members)
};

/// A link to draw between two boxes (indices into boxes()).
struct LayoutLink {
  std::size_t from = 0;
  std::size_t to = 0;
  topology::EdgeKind kind = topology::EdgeKind::kDependency;
};

/// Boxes and links for one topology; immutable once built.
class TopologyLayout {
 public:
  /// Lays out every node of `topology` (regions in file order, left to right).
  explicit TopologyLayout(const topology::Topology& topology);

  /// Every node's box, in vertex order (draw containers first).
  [[nodiscard]] const std::vector<LayoutBox>& boxes() const { return boxes_; }
  /// Dependency, network (one per node pair) and replication links; containment is drawn by nesting.
  [[nodiscard]] const std::vector<LayoutLink>& links() const { return links_; }
  /// Index into boxes() of a vertex.
  [[nodiscard]] std::size_t box_of(topology::VertexId v) const { return box_of_vertex_[v]; }

 private:
  std::vector<LayoutBox> boxes_;
  std::vector<LayoutLink> links_;
  std::vector<std::size_t> box_of_vertex_;
};

/// State of every vertex of the scenario's topology at t_s (s since run start):
/// a fault of type region, zone, gateway, data store or global entry outage takes
/// its target and its blast radius down; any other active fault degrades its
/// target (a DNS failure degrades the target's region). Indexed by vertex.
std::vector<NodeState> node_states_at(const engine::Scenario& scenario, double t_s);

}  // namespace faultline::gui
