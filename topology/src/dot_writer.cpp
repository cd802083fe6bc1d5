#include "faultline/topology/dot_writer.hpp"

#include <iomanip>
#include <sstream>

namespace faultline::topology {
namespace {

// A double-quoted DOT id with quotes and backslashes escaped.
std::string dot_id(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string node_style(const Node& node) {
  switch (node.kind) {
    case NodeKind::kRegion:
      return "shape=plaintext, fontsize=10";
    case NodeKind::kZone:
      return "shape=plaintext, fontsize=9, fontcolor=gray40";
    case NodeKind::kModelDeployment:
      return "shape=box3d, style=filled, fillcolor=\"#dbe9ff\"";
    case NodeKind::kGateway:
      return "shape=box, style=\"rounded,filled\", fillcolor=\"#e4f5e1\"";
    case NodeKind::kGlobalEntry:
      return "shape=hexagon, style=filled, fillcolor=\"#fff2cc\"";
    case NodeKind::kAgentService:
      return "shape=component, style=filled, fillcolor=\"#f3e5f5\"";
    case NodeKind::kClient:
      return "shape=ellipse, style=filled, fillcolor=\"#eeeeee\"";
    default:
      return "shape=cylinder, style=filled, fillcolor=\"#fde2cf\"";
  }
}

std::string node_label(const Node& node) {
  std::string label = node.id + "\n" + std::string(to_string(node.kind));
  if (const auto* d = std::get_if<ModelDeploymentInfo>(&node.details)) {
    label += "\n" + d->model + " " + d->version + " (" + std::string(to_string(d->deployment_type)) + ")";
  }
  if (const auto* c = std::get_if<ClientInfo>(&node.details)) {
    std::ostringstream share;
    share << c->traffic_share * 100;
    label += "\n" + share.str() + " % of traffic";
  }
  return label;
}

std::string milliseconds(std::int64_t us) {
  std::ostringstream out;
  out << static_cast<double>(us) / 1000.0 << " ms";
  return out.str();
}

void write_node(std::ostringstream& out, const Node& node, std::string_view indent) {
  out << indent << dot_id(node.id) << " [label=" << dot_id(node_label(node)) << ", " << node_style(node) << "];\n";
}

}  // namespace

std::string to_dot(const Topology& topology) {
  const TopologyGraph& graph = topology.graph();
  std::ostringstream out;
  out << "digraph " << dot_id(topology.name()) << " {\n"
      << "  graph [rankdir=LR, compound=true, fontname=\"Helvetica\", label=" << dot_id(topology.name())
      << ", labelloc=t];\n"
      << "  node [fontname=\"Helvetica\", fontsize=11];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  // Global nodes first, then one cluster per region with a nested cluster per zone.
  for (VertexId v : boost::make_iterator_range(boost::vertices(graph))) {
    if (graph[v].kind == NodeKind::kGlobalEntry || graph[v].kind == NodeKind::kClient) write_node(out, graph[v], "  ");
  }
  for (VertexId region : topology.nodes_of_kind(NodeKind::kRegion)) {
    const Node& r = graph[region];
    const auto& info = std::get<RegionInfo>(r.details);
    std::string title =
        r.id + " (" + info.geography + (info.data_boundary.empty() ? "" : ", " + info.data_boundary) + ")";
    out << "  subgraph " << dot_id("cluster_" + r.id) << " {\n"
        << "    label=" << dot_id(title) << "; style=rounded; color=\"#5b7db1\";\n";
    write_node(out, r, "    ");
    const std::vector<VertexId> members = topology.members_of_region(r.id);
    for (VertexId zone : members) {
      if (graph[zone].kind != NodeKind::kZone) continue;
      out << "    subgraph " << dot_id("cluster_" + graph[zone].id) << " {\n"
          << "      label=" << dot_id(graph[zone].id) << "; style=dashed; color=gray60;\n";
      write_node(out, graph[zone], "      ");
      for (VertexId member : members) {
        if (graph[member].zones.size() == 1 && graph[member].zones.front() == graph[zone].id) {
          write_node(out, graph[member], "      ");
        }
      }
      out << "    }\n";
    }
    for (VertexId member : members) {
      if (graph[member].kind != NodeKind::kZone && graph[member].zones.size() != 1)
        write_node(out, graph[member], "    ");
    }
    out << "  }\n";
  }
  for (const EdgeId& e : boost::make_iterator_range(boost::edges(graph))) {
    const Edge& edge = graph[e];
    const Node& from = graph[boost::source(e, graph)];
    const Node& to = graph[boost::target(e, graph)];
    std::string attributes;
    switch (edge.kind) {
      case EdgeKind::kContainment:
        // Clusters show containment; only the zones a multi-zone component spans are drawn.
        if (!edge.is_alternative || from.zones.size() < 2) continue;
        attributes = "style=dotted, color=gray50, arrowhead=none";
        break;
      case EdgeKind::kDependency:
        attributes = edge.is_alternative ? "style=dashed, color=\"#2e7d32\"" : "style=solid, color=black";
        break;
      case EdgeKind::kNetwork:
        // Links between regions are stored in both directions; draw each once.
        if (to.kind == NodeKind::kRegion && from.kind == NodeKind::kRegion && from.id > to.id) continue;
        attributes = "style=dotted, color=\"#1565c0\", label=" + dot_id(milliseconds(edge.latency_us)) +
                     (from.kind == NodeKind::kRegion ? ", dir=both" : "");
        break;
      case EdgeKind::kReplication:
        attributes = "style=bold, color=\"#c62828\", label=" + dot_id(std::string(to_string(edge.replication_mode)));
        break;
    }
    out << "  " << dot_id(from.id) << " -> " << dot_id(to.id) << " [" << attributes << "];\n";
  }
  out << "}\n";
  return out.str();
}

}  // namespace faultline::topology
