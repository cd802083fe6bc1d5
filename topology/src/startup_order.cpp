#include "faultline/topology/startup_order.hpp"

#include <algorithm>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/topological_sort.hpp>
#include <iterator>

namespace faultline::topology {
namespace {

// Keeps the edges that mean "needs": containment and dependency.
struct NeedsEdges {
  const TopologyGraph* graph = nullptr;
  bool operator()(const EdgeId& e) const {
    const EdgeKind kind = (*graph)[e].kind;
    return kind == EdgeKind::kContainment || kind == EdgeKind::kDependency;
  }
};

using NeedsGraph = boost::filtered_graph<TopologyGraph, NeedsEdges>;

// Records the first back edge of a depth-first search and the tree parents, from which the cycle is read.
class CycleRecorder : public boost::default_dfs_visitor {
 public:
  CycleRecorder(std::vector<VertexId>& parent, std::vector<VertexId>& back_edge)
      : parent_(&parent), back_edge_(&back_edge) {}
  void tree_edge(const EdgeId& e, const NeedsGraph& g) { (*parent_)[boost::target(e, g)] = boost::source(e, g); }
  void back_edge(const EdgeId& e, const NeedsGraph& g) {
    if (back_edge_->empty()) *back_edge_ = {boost::source(e, g), boost::target(e, g)};
  }

 private:
  std::vector<VertexId>* parent_;
  std::vector<VertexId>* back_edge_;
};

std::string join_cycle(const std::vector<std::string>& cycle) {
  std::string out;
  for (const std::string& id : cycle) out += (out.empty() ? "" : " -> ") + id;
  return out;
}

}  // namespace

DependencyCycleError::DependencyCycleError(std::vector<std::string> cycle)
    : std::runtime_error("dependency cycle: " + join_cycle(cycle)), cycle_(std::move(cycle)) {}

std::vector<std::string> find_dependency_cycle(const TopologyGraph& graph) {
  const NeedsGraph needs(graph, NeedsEdges{&graph});
  const std::size_t n = boost::num_vertices(graph);
  std::vector<VertexId> parent(n);
  for (std::size_t v = 0; v < n; ++v) parent[v] = v;
  std::vector<VertexId> back_edge;
  std::vector<boost::default_color_type> colors(n);
  boost::depth_first_search(needs, CycleRecorder(parent, back_edge),
                            boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, graph)));
  if (back_edge.empty()) return {};
  // Back edge u -> v: v is an ancestor of u in the DFS tree, so v -> ... -> u -> v is the cycle.
  std::vector<std::string> cycle;
  for (VertexId v = back_edge[0]; v != back_edge[1]; v = parent[v]) cycle.push_back(graph[v].id);
  cycle.push_back(graph[back_edge[1]].id);
  std::reverse(cycle.begin(), cycle.end());
  cycle.push_back(graph[back_edge[1]].id);
  return cycle;
}

std::vector<std::string> startup_order(const Topology& topology) {
  const TopologyGraph& graph = topology.graph();
  const NeedsGraph needs(graph, NeedsEdges{&graph});
  std::vector<VertexId> finished;
  try {
    // Edges point from a node to what it needs, so topological_sort's output
    // (reverse topological order) lists what is needed first.
    boost::topological_sort(needs, std::back_inserter(finished));
  } catch (const boost::not_a_dag&) {
    throw DependencyCycleError(find_dependency_cycle(graph));
  }
  std::vector<std::string> order;
  order.reserve(finished.size());
  for (VertexId v : finished) order.push_back(graph[v].id);
  return order;
}

}  // namespace faultline::topology
