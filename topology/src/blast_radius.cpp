#include "faultline/topology/blast_radius.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/pending/queue.hpp>
#include <stdexcept>

namespace faultline::topology {
namespace {

using ReverseGraph = boost::reverse_graph<TopologyGraph, const TopologyGraph&>;
using ReverseEdge = boost::graph_traits<ReverseGraph>::edge_descriptor;
using Color = boost::default_color_type;

// Keeps a reversed needs-edge (provider -> dependent) when the provider's
// failure takes the dependent down. Required edges always do. An alternative
// edge does only when every alternative of the same kind leaving the
// dependent already leads to a down (discovered, i.e. non-white) node. The
// search examines a vertex's out-edges after discovering it, so when the last
// alternative of a group is examined all others are already discovered and
// the dependent is reached then: the propagation is exact, not an over-estimate.
struct PropagatesFailure {
  const TopologyGraph* graph = nullptr;
  const ReverseGraph* reversed_graph = nullptr;
  const std::vector<Color>* colors = nullptr;

  bool operator()(const ReverseEdge& reversed) const {
    const Edge& edge = (*reversed_graph)[reversed];
    if (edge.kind != EdgeKind::kContainment && edge.kind != EdgeKind::kDependency) return false;
    if (!edge.is_alternative) return true;
    const VertexId dependent = boost::target(reversed, *reversed_graph);
    for (const EdgeId& other : boost::make_iterator_range(boost::out_edges(dependent, *graph))) {
      const Edge& alternative = (*graph)[other];
      if (!alternative.is_alternative || alternative.kind != edge.kind) continue;
      if ((*colors)[boost::target(other, *graph)] == boost::white_color) return false;
    }
    return true;
  }
};

}  // namespace

BlastRadius blast_radius(const Topology& topology, const std::vector<std::string>& failed_ids) {
  const TopologyGraph& graph = topology.graph();
  std::vector<VertexId> sources;
  for (const std::string& id : failed_ids) {
    const auto v = topology.find(id);
    if (!v) throw std::out_of_range("blast radius: topology " + topology.name() + " has no node \"" + id + "\"");
    sources.push_back(*v);
  }
  std::vector<Color> colors(boost::num_vertices(graph), boost::white_color);
  const ReverseGraph reversed = boost::make_reverse_graph(graph);
  const boost::filtered_graph<ReverseGraph, PropagatesFailure> propagation(
      reversed, PropagatesFailure{&graph, &reversed, &colors});
  boost::queue<VertexId> queue;
  boost::breadth_first_visit(propagation, sources.begin(), sources.end(), queue, boost::default_bfs_visitor(),
                             boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, graph)));
  BlastRadius result;
  result.failed = failed_ids;
  result.is_down.resize(colors.size());
  for (VertexId v : boost::make_iterator_range(boost::vertices(graph))) {
    result.is_down[v] = colors[v] != boost::white_color;
    if (result.is_down[v]) result.down.push_back(graph[v].id);
  }
  return result;
}

}  // namespace faultline::topology
