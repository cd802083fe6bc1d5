#pragma once
// Internal to the topology loader: the graph being built from one topology file,
// its id map, and the references that are resolved once every node is known.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "faultline/base/json_reader.hpp"
#include "faultline/base/load_error.hpp"
#include "faultline/topology/topology.hpp"

namespace faultline::topology {

/// `s` in double quotes, as ids and names appear in messages.
std::string in_quotes(std::string_view s);
/// The names of `kinds` joined with " or ".
std::string kinds_text(const std::vector<NodeKind>& kinds);

/// Builds the graph of one topology file and reports ids and references that do not hold.
class GraphBuilder {
 public:
  using json = nlohmann::json;

  /// A builder that records its findings against `file` in `errors` (which must outlive it).
  GraphBuilder(std::string file, std::vector<base::LoadError>& errors) : reader_(std::move(file), errors) {}

  /// The reader every section reads its fields through (and reports its errors with).
  base::JsonReader& reader() { return reader_; }
  /// The node at `v`, which must have been added.
  const Node& node(VertexId v) const { return graph_[v]; }
  /// The vertex of the node with `id`, if one was added.
  std::optional<VertexId> find(std::string_view id) const;
  /// Moves the built graph out; call once, after the last check.
  TopologyGraph take_graph() { return std::move(graph_); }

  /// The non-empty strings of the optional array `path.key`; records every other item.
  std::vector<std::string> string_list(const json& object, const std::string& path, std::string_view key);
  /// The well-formed id of `object`, unique in the file; records why not and returns nothing otherwise.
  std::optional<std::string> id_field(const json& object, const std::string& path);
  /// Adds `node` to the graph and the id map; returns its vertex.
  VertexId add_node(Node node);
  /// Adds the edge `from` -> `to`.
  void add_edge(VertexId from, VertexId to, Edge edge);
  /// Whether `from` needs this dependency (kSole) or any one of its alternatives (a gateway's backends).
  enum class Redundancy : std::uint8_t { kSole, kAlternative };
  /// Remembers an edge `from` -> `target` (an id of one of `kinds`) for resolve_references.
  void refer(VertexId from, const std::string& target, const std::string& path, std::vector<NodeKind> kinds,
             EdgeKind kind = EdgeKind::kDependency, Redundancy redundancy = Redundancy::kSole);
  /// Remembers that `target` must be an id of one of `kinds`, checked but given no edge.
  void check_reference(VertexId from, const std::string& target, const std::string& path, std::vector<NodeKind> kinds);
  /// Records "unknown id" at `path`, suggesting the nearest id of one of `kinds`.
  void unknown_id(const std::string& path, const std::string& id, const std::vector<NodeKind>& kinds);
  /// Checks every remembered reference in the order given, adding the edges of those that hold.
  void resolve_references();
  /// Records the first dependency cycle, if any, at the JSON path of its first node.
  void check_cycles();

 private:
  // A reference to another node, resolved once every node is known.
  struct PendingReference {
    VertexId from = 0;
    std::string target;
    std::string path;
    std::vector<NodeKind> kinds;  // what the target may be
    bool is_edge = true;          // false: only checked (e.g. paired_region)
    EdgeKind edge_kind = EdgeKind::kDependency;
    bool is_alternative = false;
  };

  base::JsonReader reader_;
  TopologyGraph graph_;
  std::map<std::string, VertexId, std::less<>> vertices_;
  std::map<std::string, std::string, std::less<>> id_paths_;
  std::vector<PendingReference> pending_;
  // Unknown ids still given a "did you mean": each suggestion scans every node, so a file
  // with thousands of unknown ids would otherwise take quadratic time.
  std::size_t suggestions_left_ = 20;
};

}  // namespace faultline::topology
