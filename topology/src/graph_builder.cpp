#include "graph_builder.hpp"

#include <algorithm>

#include "faultline/base/json_guard.hpp"
#include "faultline/base/key_suggestion.hpp"
#include "faultline/topology/startup_order.hpp"

namespace faultline::topology {
namespace {

constexpr std::string_view kIdAllowed = "a non-empty id of letters, digits, '.', '_' and '-', unique in the file";

}  // namespace

std::string in_quotes(std::string_view s) { return "\"" + base::JsonGuard::shorten(s) + "\""; }

std::string kinds_text(const std::vector<NodeKind>& kinds) {
  std::vector<std::string> names;
  for (NodeKind k : kinds) names.emplace_back(to_string(k));
  return base::JsonReader::join(names, " or ");
}

std::vector<std::string> GraphBuilder::string_list(const json& object, const std::string& path, std::string_view key) {
  std::vector<std::string> out;
  const json* list = reader_.array(object, path, key, {.allowed = "an array of strings"});
  if (list == nullptr) return out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& item = (*list)[i];
    if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
      reader_.error(base::JsonReader::at(base::JsonReader::at(path, key), i),
                    std::string("expected a non-empty string, got ") + base::JsonGuard::excerpt(item),
                    "a non-empty string");
      continue;
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::optional<std::string> GraphBuilder::id_field(const json& object, const std::string& path) {
  auto id = reader_.string(object, path, "id", {.is_required = true, .allowed = kIdAllowed});
  if (!id) return std::nullopt;
  const bool is_well_formed = std::all_of(id->begin(), id->end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  });
  if (!is_well_formed) {
    reader_.error(base::JsonReader::at(path, "id"), "id " + in_quotes(*id) + " has characters outside the allowed set",
                  std::string(kIdAllowed));
    return std::nullopt;
  }
  const auto [it, is_new] = id_paths_.emplace(*id, base::JsonReader::at(path, "id"));
  if (!is_new) {
    reader_.error(base::JsonReader::at(path, "id"),
                  "duplicate id " + in_quotes(*id) + ", first defined at " + it->second,
                  "ids unique across the whole topology");
    return std::nullopt;
  }
  return id;
}

std::optional<VertexId> GraphBuilder::find(std::string_view id) const {
  const auto it = vertices_.find(id);
  if (it == vertices_.end()) return std::nullopt;
  return it->second;
}

VertexId GraphBuilder::add_node(Node node) {
  const std::string id = node.id;
  // add_vertex(graph) then assign: the add_vertex(property, graph) overload trips a
  // false -Wuninitialized inside Boost's named-graph lookup under g++ 12 -O1 with sanitizers.
  const VertexId v = boost::add_vertex(graph_);
  graph_[v] = std::move(node);
  vertices_.emplace(id, v);
  return v;
}

void GraphBuilder::add_edge(VertexId from, VertexId to, Edge edge) {
  boost::add_edge(from, to, std::move(edge), graph_);
}

void GraphBuilder::refer(VertexId from, const std::string& target, const std::string& path, std::vector<NodeKind> kinds,
                         EdgeKind kind, Redundancy redundancy) {
  pending_.push_back(
      PendingReference{from, target, path, std::move(kinds), true, kind, redundancy == Redundancy::kAlternative});
}

void GraphBuilder::check_reference(VertexId from, const std::string& target, const std::string& path,
                                   std::vector<NodeKind> kinds) {
  pending_.push_back(PendingReference{from, target, path, std::move(kinds), false, EdgeKind::kDependency, false});
}

void GraphBuilder::unknown_id(const std::string& path, const std::string& id, const std::vector<NodeKind>& kinds) {
  std::string problem = "unknown id " + in_quotes(id);
  if (suggestions_left_ > 0) {
    --suggestions_left_;
    std::vector<std::string> candidates;
    for (const auto& [candidate, v] : vertices_) {
      if (std::find(kinds.begin(), kinds.end(), graph_[v].kind) != kinds.end()) candidates.push_back(candidate);
    }
    if (const auto nearest = base::nearest_word(id, candidates))
      problem += "; did you mean " + in_quotes(*nearest) + "?";
  }
  reader_.error(path, problem, "the id of a " + kinds_text(kinds));
}

void GraphBuilder::resolve_references() {
  for (const PendingReference& ref : pending_) {
    const auto it = vertices_.find(ref.target);
    if (it == vertices_.end()) {
      unknown_id(ref.path, ref.target, ref.kinds);
      continue;
    }
    const Node& target = graph_[it->second];
    if (std::find(ref.kinds.begin(), ref.kinds.end(), target.kind) == ref.kinds.end()) {
      reader_.error(ref.path, in_quotes(ref.target) + " is a " + std::string(to_string(target.kind)),
                    "the id of a " + kinds_text(ref.kinds));
      continue;
    }
    if (it->second == ref.from) {
      reader_.error(ref.path, in_quotes(ref.target) + " refers to itself",
                    "the id of another " + kinds_text(ref.kinds));
      continue;
    }
    if (ref.is_edge) {
      add_edge(ref.from, it->second,
               Edge{ref.edge_kind, ref.is_alternative, 0, 0, 0, ReplicationMode::kAsync, {}, 0, ref.path, 0, 0});
    }
  }
}

void GraphBuilder::check_cycles() {
  const std::vector<std::string> cycle = find_dependency_cycle(graph_);
  if (cycle.empty()) return;
  reader_.error(graph_[vertices_.at(cycle.front())].json_path,
                "dependency cycle: " + base::JsonReader::join(cycle, " -> "),
                "dependencies without cycles (a node cannot need itself, even through others)");
}

}  // namespace faultline::topology
