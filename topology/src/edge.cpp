#include "faultline/topology/edge.hpp"

namespace faultline::topology {

std::string_view to_string(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kContainment:
      return "containment";
    case EdgeKind::kDependency:
      return "dependency";
    case EdgeKind::kNetwork:
      return "network";
    case EdgeKind::kReplication:
      return "replication";
  }
  return "unknown";
}

std::string_view to_string(ReplicationMode mode) {
  switch (mode) {
    case ReplicationMode::kSync:
      return "sync";
    case ReplicationMode::kAsync:
      return "async";
    case ReplicationMode::kBackupRestore:
      return "backup_restore";
    case ReplicationMode::kScheduledRebuild:
      return "scheduled_rebuild";
  }
  return "unknown";
}

}  // namespace faultline::topology
