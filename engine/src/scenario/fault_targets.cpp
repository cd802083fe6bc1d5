#include "scenario/fault_targets.hpp"

#include "faultline/base/json_reader.hpp"

namespace faultline::engine {

using topology::NodeKind;

std::vector<NodeKind> fault_target_kinds(FaultType type) {
  switch (type) {
    case FaultType::kRegionOutage:
    case FaultType::kDnsFailure:
      return {NodeKind::kRegion};
    case FaultType::kZoneOutage:
      return {NodeKind::kZone};
    case FaultType::kGpuCapacityLoss:
    case FaultType::kThrottling:
    case FaultType::kQuotaReclaimed:
    case FaultType::kModelVersionDrift:
      return {NodeKind::kModelDeployment};
    case FaultType::kGrayFailure:
      return {NodeKind::kModelDeployment, NodeKind::kGateway};
    case FaultType::kGatewayFailure:
      return {NodeKind::kGateway};
    case FaultType::kGlobalEntryFailure:
      return {NodeKind::kGlobalEntry};
    case FaultType::kReplicationPartition:
    case FaultType::kDataStoreOutage:
      return {NodeKind::kDatabase, NodeKind::kSearchIndex,       NodeKind::kObjectStorage,
              NodeKind::kKeyVault, NodeKind::kContainerRegistry, NodeKind::kHsm};
  }
  return {};
}

std::string node_kinds_text(const std::vector<NodeKind>& kinds) {
  std::vector<std::string> names;
  for (NodeKind k : kinds) names.emplace_back(topology::to_string(k));
  return base::JsonReader::join(names, " or ");
}

}  // namespace faultline::engine
