#pragma once
// What a fault takes down: everything that needs a failed node, through
// containment (a zone needs its region, a pool its zones) and dependency edges.

#include <string>
#include <vector>

#include "faultline/topology/topology.hpp"

namespace faultline::topology {

/// Nodes down after a fault.
struct BlastRadius {
  std::vector<std::string> failed;  // the fault's own nodes, as given
  std::vector<std::string> down;    // failed nodes plus everything taken down with them, in graph order
  /// Vertex flags: is_down[v] for every vertex of the graph.
  std::vector<bool> is_down;
};

/// Nodes down when the nodes `failed_ids` fail. A node is down when a node it
/// requires is down, or when every node of one of its alternative groups is down
/// (all zones a pool spans, all origins of a global entry, all backends of a gateway).
/// Throws std::out_of_range naming an unknown id.
BlastRadius blast_radius(const Topology& topology, const std::vector<std::string>& failed_ids);

}  // namespace faultline::topology
