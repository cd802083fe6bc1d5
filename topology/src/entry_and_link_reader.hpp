#pragma once
// Internal to the topology loader: reads the sections that refer to regions and
// their components (global entry, network and replication links, clients) into a GraphBuilder.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph_builder.hpp"

namespace faultline::topology {

/// Reads the global entry, the links and the clients of a topology file, after its regions.
class EntryAndLinkReader {
 public:
  using json = nlohmann::json;

  /// A reader that adds to `builder` (which must outlive it) and reports through its reader.
  explicit EntryAndLinkReader(GraphBuilder& builder) : builder_(builder), reader_(builder.reader()) {}

  /// Checks the global entry at `path` and adds it, with its origins as references to gateways.
  void check_global_entry(const json& item, const std::string& path);
  /// Checks the network link at `path` (between two known regions) and adds it in both directions.
  void check_network_link(const json& item, const std::string& path);
  /// Checks the replication link at `path` (between two known data stores of one kind) and adds it.
  void check_replication_link(const json& item, const std::string& path);
  /// Checks every client, their latencies to known regions and that their traffic shares sum to 1.
  void check_clients(const json& clients);

 private:
  // The health probe at `path`, with the keys of the entry's product (Front Door or Traffic Manager).
  HealthProbe check_health_probe(const json& probe, const std::string& path, bool is_traffic_manager);
  // Traffic Manager's interval, tolerated failures and timeout, as a probe window (1 of tolerated + 1).
  void check_traffic_manager_probe(const json& probe, const std::string& path, HealthProbe& hp);
  std::optional<VertexId> lookup(const json& item, const std::string& path, std::string_view key,
                                 const std::vector<NodeKind>& kinds);

  GraphBuilder& builder_;
  base::JsonReader& reader_;
  std::map<std::pair<std::string, std::string>, std::string> network_links_;  // region ids (sorted) -> first path
};

}  // namespace faultline::topology
