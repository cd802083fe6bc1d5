#include "faultline/topology/topology.hpp"

#include <stdexcept>

namespace faultline::topology {

Topology::Topology(std::string name, std::string description, std::string source_file, TopologyGraph graph)
    : name_(std::move(name)),
      description_(std::move(description)),
      source_file_(std::move(source_file)),
      graph_(std::move(graph)) {
  for (VertexId v : boost::make_iterator_range(boost::vertices(graph_))) index_.emplace(graph_[v].id, v);
}

std::optional<VertexId> Topology::find(std::string_view id) const {
  const auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

const Node& Topology::node(std::string_view id) const {
  const auto v = find(id);
  if (!v) throw std::out_of_range("topology " + name_ + " has no node \"" + std::string(id) + "\"");
  return graph_[*v];
}

std::vector<VertexId> Topology::nodes_of_kind(NodeKind kind) const {
  std::vector<VertexId> out;
  for (VertexId v : boost::make_iterator_range(boost::vertices(graph_))) {
    if (graph_[v].kind == kind) out.push_back(v);
  }
  return out;
}

std::vector<VertexId> Topology::members_of_region(std::string_view region_id) const {
  std::vector<VertexId> out;
  for (VertexId v : boost::make_iterator_range(boost::vertices(graph_))) {
    const Node& n = graph_[v];
    if (n.kind != NodeKind::kRegion && n.region == region_id) out.push_back(v);
  }
  return out;
}

}  // namespace faultline::topology
