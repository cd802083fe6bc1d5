#include "faultline/topology/lowest_latency_path.hpp"

#include <algorithm>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <limits>
#include <stdexcept>

namespace faultline::topology {
namespace {

struct NetworkEdges {
  const TopologyGraph* graph = nullptr;
  bool operator()(const EdgeId& e) const { return (*graph)[e].kind == EdgeKind::kNetwork; }
};

struct NotFailed {
  const std::vector<bool>* is_failed = nullptr;
  bool operator()(const VertexId& v) const { return !(*is_failed)[v]; }
};

// The node that network links attach to: a region for components and zones, else the node itself.
VertexId network_anchor(const Topology& topology, std::string_view id) {
  const auto v = topology.find(id);
  if (!v)
    throw std::out_of_range("latency path: topology " + topology.name() + " has no node \"" + std::string(id) + "\"");
  const Node& node = topology.node(*v);
  if (node.kind == NodeKind::kRegion || node.kind == NodeKind::kClient || node.region.empty()) return *v;
  return *topology.find(node.region);
}

}  // namespace

LatencyPath lowest_latency_path(const Topology& topology, std::string_view from_id, std::string_view to_id,
                                const std::vector<std::string>& failed_ids) {
  const TopologyGraph& graph = topology.graph();
  const VertexId from = network_anchor(topology, from_id);
  const VertexId to = network_anchor(topology, to_id);
  std::vector<bool> is_failed(boost::num_vertices(graph), false);
  for (const std::string& id : failed_ids) is_failed[network_anchor(topology, id)] = true;
  LatencyPath path;
  if (is_failed[from] || is_failed[to]) return path;
  const boost::filtered_graph<TopologyGraph, NetworkEdges, NotFailed> network(graph, NetworkEdges{&graph},
                                                                              NotFailed{&is_failed});
  const std::size_t n = boost::num_vertices(graph);
  std::vector<VertexId> predecessor(n);
  std::vector<std::int64_t> distance(n, std::numeric_limits<std::int64_t>::max());
  const auto index = boost::get(boost::vertex_index, graph);
  boost::dijkstra_shortest_paths(network, from,
                                 boost::weight_map(boost::get(&Edge::latency_us, graph))
                                     .predecessor_map(boost::make_iterator_property_map(predecessor.begin(), index))
                                     .distance_map(boost::make_iterator_property_map(distance.begin(), index)));
  if (distance[to] == std::numeric_limits<std::int64_t>::max()) return path;
  path.is_found = true;
  path.latency = std::chrono::microseconds{distance[to]};
  for (VertexId v = to;; v = predecessor[v]) {
    path.hops.push_back(graph[v].id);
    if (v == from) break;
  }
  std::reverse(path.hops.begin(), path.hops.end());
  return path;
}

}  // namespace faultline::topology
