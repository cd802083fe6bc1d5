#pragma once
// Internal to the topology loader: reads one region and its zones, model
// deployments, gateways, agent services and data stores into a GraphBuilder.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph_builder.hpp"

namespace faultline::topology {

/// Reads the regions of a topology file, component by component, in file order.
class RegionReader {
 public:
  using json = nlohmann::json;

  /// A reader that adds to `builder` (which must outlive it) and reports through its reader.
  explicit RegionReader(GraphBuilder& builder) : builder_(builder), reader_(builder.reader()) {}

  /// Checks the region at `path` and adds it, its zones and its components to the graph.
  void check_region(const json& region, const std::string& path);

 private:
  std::optional<VertexId> add_component(const json& item, const std::string& path, VertexId region,
                                        const std::vector<std::string>& zone_ids, NodeKind kind, NodeDetails details);
  void check_model_deployment(const json& item, const std::string& path, VertexId region,
                              const std::vector<std::string>& zone_ids);
  void check_gateway(const json& item, const std::string& path, VertexId region,
                     const std::vector<std::string>& zone_ids);
  // The gateway's `backend_circuit_breaker` (APIM rule); nothing when absent or wrong (reported).
  std::optional<GatewayBreakerRule> check_backend_breaker(const json& item, const std::string& path);
  void check_agent_service(const json& item, const std::string& path, VertexId region,
                           const std::vector<std::string>& zone_ids);
  // Bounded staleness's K writes and T; an error on either key under another consistency.
  void check_staleness(const json& item, const std::string& path, DataStoreInfo& info);
  void check_data_store(const json& item, const std::string& path, VertexId region,
                        const std::vector<std::string>& zone_ids);

  GraphBuilder& builder_;
  base::JsonReader& reader_;
};

}  // namespace faultline::topology
