#pragma once
// The world: an immutable Boost.Graph of typed nodes and edges. Only
// TopologyLoader builds one, after checking every reference and value.

#include <boost/graph/adjacency_list.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/topology/edge.hpp"
#include "faultline/topology/node.hpp"

namespace faultline::topology {

/// Bidirectional so that queries can walk in-edges (reverse_graph) for blast radius.
using TopologyGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge>;
using VertexId = TopologyGraph::vertex_descriptor;
using EdgeId = TopologyGraph::edge_descriptor;

/// An immutable, validated topology.
class Topology {
 public:
  /// The graph; vertices and edges carry Node and Edge bundles.
  const TopologyGraph& graph() const { return graph_; }
  /// Name from the file's "name".
  const std::string& name() const { return name_; }
  /// Free text from the file's "description".
  const std::string& description() const { return description_; }
  /// Path of the file it was loaded from (or the name given to load_text).
  const std::string& source_file() const { return source_file_; }

  /// Vertex of the node with this id, if any.
  std::optional<VertexId> find(std::string_view id) const;
  /// Node with this id; throws std::out_of_range naming the id when there is none.
  const Node& node(std::string_view id) const;
  /// Node bundle of a vertex.
  const Node& node(VertexId v) const { return graph_[v]; }
  /// Vertices of one kind, in file order.
  std::vector<VertexId> nodes_of_kind(NodeKind kind) const;
  /// Vertices whose containing region is `region_id` (components and zones, not the region itself), in file order.
  std::vector<VertexId> members_of_region(std::string_view region_id) const;
  /// Number of nodes.
  std::size_t node_count() const { return boost::num_vertices(graph_); }
  /// Number of edges (a network link counts twice, one per direction).
  std::size_t edge_count() const { return boost::num_edges(graph_); }

 private:
  friend class TopologyLoader;
  Topology(std::string name, std::string description, std::string source_file, TopologyGraph graph);

  std::string name_;
  std::string description_;
  std::string source_file_;
  TopologyGraph graph_;
  std::map<std::string, VertexId, std::less<>> index_;
};

}  // namespace faultline::topology
