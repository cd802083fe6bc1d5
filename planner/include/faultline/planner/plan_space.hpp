#pragma once
// The options `faultline plan` searches (docs/planner.md, "Search space"): the
// scenario's optional `plan` section, or the defaults below. Every list holds
// alternatives to a pattern's own setting, which is always tried too.

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "faultline/contract/plan_settings.hpp"
#include "faultline/topology/edge.hpp"

namespace faultline::planner {

/// How a store is copied to its replica; `interval_s` only for backup_restore / scheduled_rebuild.
struct ReplicationOption {
  topology::ReplicationMode mode = topology::ReplicationMode::kAsync;
  double interval_s = 0;  ///< s between restorable copies; 0 for sync and async
  auto operator<=>(const ReplicationOption&) const = default;
};

/// Alternatives per dimension. Defaults are faultline's (docs/planner.md says why each).
struct PlanSpace {
  /// Ordered region lists (priority order); empty: every pair whose first region replicates to the second.
  std::vector<std::vector<std::string>> region_pairs;
  std::vector<double> standby_fractions{0.25, 0.5, 1.0};
  std::vector<double> probe_intervals_s{10, 30, 60};
  std::vector<contract::ProbeSamples> probe_samples{{1, 2}, {2, 4}, {3, 4}};
  std::vector<contract::BreakerSettings> breakers{{25, 20, 30}, {75, 100, 120}};
  /// Modes tried per store kind ("database", "object_storage"); a kind not listed keeps its mode.
  /// Default: database sync/async/backup_restore (sync not with multi-region writes), object_storage
  /// async/backup_restore.
  std::map<std::string, std::vector<topology::ReplicationMode>> replication_modes{
      {"database",
       {topology::ReplicationMode::kSync, topology::ReplicationMode::kAsync,
        topology::ReplicationMode::kBackupRestore}},
      {"object_storage", {topology::ReplicationMode::kAsync, topology::ReplicationMode::kBackupRestore}}};
  /// Intervals tried for the periodic modes, s.
  std::vector<double> backup_intervals_s{900, 3600, 14400};
  /// Most candidates evaluated in all (screen + combine); the combine stage stops at it.
  std::size_t max_candidates = 120;
};

}  // namespace faultline::planner
