#include "faultline/reports/topology_diagram.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "faultline/reports/text_format.hpp"

namespace faultline::reports {
namespace {

struct Box {
  double x = 0;
  double y = 0;
  double w = 0;
  double h = 0;
  double cx() const { return x + w / 2; }
  double cy() const { return y + h / 2; }
};

std::string num(double v) { return fixed(v, 1); }

std::string rect(const Box& b, std::string_view cls) {
  return "<rect x=\"" + num(b.x) + "\" y=\"" + num(b.y) + "\" width=\"" + num(b.w) + "\" height=\"" + num(b.h) +
         "\" rx=\"4\" class=\"" + std::string(cls) + "\"/>";
}

std::string label(double x, double y, std::string_view text, std::string_view cls) {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" class=\"" + std::string(cls) + "\">" + escape_xml(text) +
         "</text>";
}

// Keeps a label inside a box of `width` px at ~6.2 px per character.
std::string clip(const std::string& text, double width) {
  const auto max_chars = static_cast<std::size_t>(std::max(4.0, width / 6.2));
  return text.size() <= max_chars ? text : text.substr(0, max_chars - 1) + "…";
}

constexpr double kMargin = 12;
constexpr double kRegionWidth = 300;
constexpr double kGap = 40;
constexpr double kRow = 26;
constexpr double kGlobalRow = 76;  // a 40 px box and room for the links below it

using Boxes = std::map<topology::VertexId, Box>;

// Places the global rows (clients, then global entries, each row centred) from y = kMargin into `boxes` and `body`;
// returns the y below them.
double global_rows(const topology::Topology& topology, const std::vector<topology::VertexId>& clients,
                   const std::vector<topology::VertexId>& entries, double width, Boxes& boxes, std::string& body) {
  using topology::NodeKind;
  double y = kMargin;
  for (const auto* row : {&clients, &entries}) {
    if (row->empty()) continue;
    const double box_width = std::min(240.0, (width - 2 * kMargin) / static_cast<double>(row->size()) - 16);
    const double row_width = static_cast<double>(row->size()) * (box_width + 16) - 16;
    for (std::size_t i = 0; i < row->size(); ++i) {
      const auto& n = topology.node((*row)[i]);
      const Box b{(width - row_width) / 2 + static_cast<double>(i) * (box_width + 16), y, box_width, 40};
      boxes[(*row)[i]] = b;
      body += rect(b, n.kind == NodeKind::kClient ? "node client" : "node entry");
      body += label(b.x + 8, b.y + 17, clip(n.id, b.w - 16), "name");
      body += label(b.x + 8, b.y + 32, std::string(topology::to_string(n.kind)), "kind");
    }
    y += kGlobalRow;
  }
  return y;
}

// The region's subtitle: geography, then its data boundary and paired region when set.
std::string region_subtitle(const topology::Node& region) {
  std::string subtitle;
  if (const auto* info = std::get_if<topology::RegionInfo>(&region.details)) {
    subtitle = info->geography;
    if (!info->data_boundary.empty()) subtitle += ", boundary " + info->data_boundary;
    if (!info->paired_region.empty()) subtitle += ", pair " + info->paired_region;
  }
  return subtitle;
}

// Places region `region_vertex` as a box at (x, region_y) with its components listed inside in file order into
// `boxes` and `body`; returns the box height.
double region_box(const topology::Topology& topology, topology::VertexId region_vertex, double x, double region_y,
                  Boxes& boxes, std::string& body) {
  using topology::NodeKind;
  const auto& region = topology.node(region_vertex);
  std::vector<std::string> zones;
  std::vector<topology::VertexId> components;
  for (const auto v : topology.members_of_region(region.id)) {
    if (topology.node(v).kind == NodeKind::kZone) {
      zones.push_back(topology.node(v).id);
    } else {
      components.push_back(v);
    }
  }
  const double h = 58 + kRow * static_cast<double>(components.size()) + 8;
  boxes[region_vertex] = Box{x, region_y, kRegionWidth, h};
  const std::string subtitle = region_subtitle(region);
  body += rect(boxes[region_vertex], "region");
  body += label(x + 10, region_y + 18, clip("region " + region.id, kRegionWidth - 20), "name");
  body += label(x + 10, region_y + 33, clip(subtitle, kRegionWidth - 20), "kind");
  body += label(x + 10, region_y + 48,
                clip(
                    zones.empty() ? std::string("no zones")
                                  : "zones: " +
                                        [&] {
                                          std::string z;
                                          for (const auto& s : zones) z += (z.empty() ? "" : ", ") + s;
                                          return z;
                                        }(),
                    kRegionWidth - 20),
                "kind");
  for (std::size_t c = 0; c < components.size(); ++c) {
    const auto& n = topology.node(components[c]);
    const Box b{x + 10, region_y + 56 + kRow * static_cast<double>(c), kRegionWidth - 20, kRow - 4};
    boxes[components[c]] = b;
    const std::string kind(topology::to_string(n.kind));
    body += rect(b, topology::is_data_store(n.kind) ? "node store" : "node");
    body += label(b.x + 6, b.y + 15, clip(n.id + "  (" + kind + ")", b.w - 12), "name");
  }
  return h;
}

// Lines from each global entry to the top of each origin gateway's region box, labelled with the gateway's priority
// and weight, then from each client to its entry.
std::string entry_and_client_links(const topology::Topology& topology, const std::vector<topology::VertexId>& clients,
                                   const std::vector<topology::VertexId>& entries, Boxes& boxes) {
  std::string links;
  for (const auto v : entries) {
    const Box& from = boxes[v];
    const auto* entry = std::get_if<topology::GlobalEntryInfo>(&topology.node(v).details);
    if (entry == nullptr) continue;
    for (const auto& origin : entry->origins) {
      // The line ends on the top of the gateway's region box, so it crosses no component; the label names the gateway.
      const auto gateway = topology.find(origin.gateway);
      const auto region = gateway ? topology.find(topology.node(*gateway).region) : std::nullopt;
      if (!region || boxes.count(*region) == 0) continue;
      const Box& to = boxes[*region];
      links += "<line x1=\"" + num(from.cx()) + "\" y1=\"" + num(from.y + from.h) + "\" x2=\"" + num(to.x + 24) +
               "\" y2=\"" + num(to.y) + "\" class=\"link origin\"/>";
      // The label sits just above the region box, right of where the line ends.
      links += label(to.x + 32, to.y - 6,
                     origin.gateway + ": priority " + std::to_string(origin.priority) + ", weight " +
                         std::to_string(origin.weight),
                     "kind link-label");
    }
  }
  for (const auto v : clients) {
    const auto* client = std::get_if<topology::ClientInfo>(&topology.node(v).details);
    const auto target = client != nullptr ? topology.find(client->entry) : std::nullopt;
    if (!target || boxes.count(*target) == 0) continue;
    const Box& from = boxes[v];
    const Box& to = boxes[*target];
    links += "<line x1=\"" + num(from.cx()) + "\" y1=\"" + num(from.y + from.h) + "\" x2=\"" + num(to.cx()) +
             "\" y2=\"" + num(to.y) + "\" class=\"link client\"/>";
  }
  return links;
}

// A dashed curve from source to copy of every replication edge whose ends both have boxes, titled with the mode.
std::string replication_links(const topology::Topology& topology, Boxes& boxes) {
  const auto& g = topology.graph();
  std::string replication;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const auto& e = g[*it];
    if (e.kind != topology::EdgeKind::kReplication) continue;
    const auto s = boost::source(*it, g);
    const auto t = boost::target(*it, g);
    if (boxes.count(s) == 0 || boxes.count(t) == 0) continue;
    const Box& a = boxes[s];
    const Box& b = boxes[t];
    const bool is_right = b.x > a.x;
    const double x1 = is_right ? a.x + a.w : a.x;
    const double x2 = is_right ? b.x : b.x + b.w;
    replication += "<path d=\"M" + num(x1) + "," + num(a.cy()) + " C" + num((x1 + x2) / 2) + "," + num(a.cy()) + " " +
                   num((x1 + x2) / 2) + "," + num(b.cy()) + " " + num(x2) + "," + num(b.cy()) +
                   "\" class=\"link replication\"><title>" +
                   escape_xml(topology.node(s).id + " -> " + topology.node(t).id + ": " +
                              std::string(topology::to_string(e.replication_mode)) + " replication") +
                   "</title></path>";
  }
  return replication;
}

}  // namespace

std::string topology_svg(const topology::Topology& topology) {
  using topology::NodeKind;
  const std::vector<topology::VertexId> regions = topology.nodes_of_kind(NodeKind::kRegion);
  std::vector<topology::VertexId> clients;
  std::vector<topology::VertexId> entries;
  for (const auto v : topology.nodes_of_kind(NodeKind::kClient)) {
    if (topology.node(v).region.empty()) clients.push_back(v);
  }
  for (const auto v : topology.nodes_of_kind(NodeKind::kGlobalEntry)) {
    if (topology.node(v).region.empty()) entries.push_back(v);
  }

  const double n_regions = static_cast<double>(std::max<std::size_t>(regions.size(), 1));
  const double width = std::max(960.0, kMargin * 2 + n_regions * kRegionWidth + (n_regions - 1) * kGap);

  Boxes boxes;
  std::string body;

  // Global rows: clients, then global entries, each row centred.
  const double y = global_rows(topology, clients, entries, width, boxes, body);

  // Regions: a box each, components listed inside in file order.
  const double region_y = y + (y > kMargin ? 10 : 0);
  double tallest = 0;
  for (std::size_t r = 0; r < regions.size(); ++r) {
    const double regions_width = n_regions * kRegionWidth + (n_regions - 1) * kGap;
    const double x = (width - regions_width) / 2 + static_cast<double>(r) * (kRegionWidth + kGap);
    tallest = std::max(tallest, region_box(topology, regions[r], x, region_y, boxes, body));
  }
  const double height = region_y + tallest + kMargin + 20;

  // Links drawn under the boxes: global entry -> origin gateways, client -> entry, replication.
  const std::string links = entry_and_client_links(topology, clients, entries, boxes);
  const std::string replication = replication_links(topology, boxes);

  std::string out = "<svg class=\"chart topology\" viewBox=\"0 0 " + num(width) + " " + num(height) +
                    "\" role=\"img\" aria-label=\"" + escape_xml("topology " + topology.name()) + "\">";
  out += body + links + replication;
  out += label(kMargin, height - 6,
               "grey: client to global entry, global entry to the region of each origin gateway; dashed purple: "
               "replication (source to copy)",
               "kind");
  return out + "</svg>";
}

}  // namespace faultline::reports
