#pragma once
// The one definition of the replication modes that copy on a schedule.

#include "faultline/topology/edge.hpp"

namespace faultline::topology {

/// True for the modes that copy on a schedule (backup/restore, scheduled rebuild): they have a
/// backup interval and lose what was written since the last copy.
constexpr bool is_periodic(ReplicationMode mode) {
  return mode == ReplicationMode::kBackupRestore || mode == ReplicationMode::kScheduledRebuild;
}

}  // namespace faultline::topology
