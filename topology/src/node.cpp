#include "faultline/topology/node.hpp"

namespace faultline::topology {

std::string_view to_string(NodeKind kind) {
  switch (kind) {
    case NodeKind::kRegion:
      return "region";
    case NodeKind::kZone:
      return "zone";
    case NodeKind::kModelDeployment:
      return "model_deployment";
    case NodeKind::kGateway:
      return "gateway";
    case NodeKind::kGlobalEntry:
      return "global_entry";
    case NodeKind::kAgentService:
      return "agent_service";
    case NodeKind::kDatabase:
      return "database";
    case NodeKind::kSearchIndex:
      return "search_index";
    case NodeKind::kObjectStorage:
      return "object_storage";
    case NodeKind::kKeyVault:
      return "key_vault";
    case NodeKind::kContainerRegistry:
      return "container_registry";
    case NodeKind::kHsm:
      return "hsm";
    case NodeKind::kClient:
      return "client";
  }
  return "unknown";
}

bool is_data_store(NodeKind kind) {
  return kind == NodeKind::kDatabase || kind == NodeKind::kSearchIndex || kind == NodeKind::kObjectStorage ||
         kind == NodeKind::kKeyVault || kind == NodeKind::kContainerRegistry || kind == NodeKind::kHsm;
}

bool is_regional_component(NodeKind kind) {
  return kind == NodeKind::kModelDeployment || kind == NodeKind::kGateway || kind == NodeKind::kAgentService ||
         is_data_store(kind);
}

std::string_view to_string(DeploymentType type) {
  switch (type) {
    case DeploymentType::kGlobalStandard:
      return "global_standard";
    case DeploymentType::kDataZoneStandard:
      return "data_zone_standard";
    case DeploymentType::kStandard:
      return "standard";
    case DeploymentType::kProvisioned:
      return "provisioned";
    case DeploymentType::kBatch:
      return "batch";
    case DeploymentType::kDeveloper:
      return "developer";
  }
  return "unknown";
}

}  // namespace faultline::topology
