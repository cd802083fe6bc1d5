#include "faultline/topology/reachability.hpp"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/pending/queue.hpp>

#include "faultline/topology/blast_radius.hpp"

namespace faultline::topology {
namespace {

// Request paths: dependency edges (client -> entry -> gateway -> deployment -> ...).
struct RequestEdges {
  const TopologyGraph* graph = nullptr;
  bool operator()(const EdgeId& e) const { return (*graph)[e].kind == EdgeKind::kDependency; }
};

// Nodes still up.
struct UpNodes {
  const std::vector<bool>* is_down = nullptr;
  bool operator()(const VertexId& v) const { return !(*is_down)[v]; }
};

}  // namespace

std::vector<ClientReach> reachability(const Topology& topology, const std::vector<std::string>& failed_ids) {
  const TopologyGraph& graph = topology.graph();
  const BlastRadius down = blast_radius(topology, failed_ids);
  const boost::filtered_graph<TopologyGraph, RequestEdges, UpNodes> up(graph, RequestEdges{&graph},
                                                                       UpNodes{&down.is_down});
  std::vector<ClientReach> out;
  for (VertexId client : topology.nodes_of_kind(NodeKind::kClient)) {
    ClientReach reach;
    reach.client = graph[client].id;
    reach.traffic_share = std::get<ClientInfo>(graph[client].details).traffic_share;
    reach.is_served = !down.is_down[client];
    if (reach.is_served) {
      std::vector<boost::default_color_type> colors(boost::num_vertices(graph), boost::white_color);
      boost::queue<VertexId> queue;
      boost::breadth_first_visit(
          up, client, queue, boost::default_bfs_visitor(),
          boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, graph)));
      for (VertexId v : boost::make_iterator_range(boost::vertices(graph))) {
        if (v == client || colors[v] == boost::white_color) continue;
        const Node& node = graph[v];
        reach.reachable.push_back(node.id);
        const bool is_serving = node.kind == NodeKind::kModelDeployment || node.kind == NodeKind::kAgentService;
        if (is_serving && std::find(reach.serving_regions.begin(), reach.serving_regions.end(), node.region) ==
                              reach.serving_regions.end()) {
          reach.serving_regions.push_back(node.region);
        }
      }
    }
    out.push_back(std::move(reach));
  }
  return out;
}

}  // namespace faultline::topology
