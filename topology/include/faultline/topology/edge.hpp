#pragma once
// An edge of the topology graph. Orientation: containment points from the
// member to its container (zone -> region), dependency from the dependent to
// what it needs (agent -> database), network in the direction of the request
// (both directions are stored for a link), replication from source to copy.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace faultline::topology {

/// What an edge means.
enum class EdgeKind { kContainment, kDependency, kNetwork, kReplication };

/// File and message spelling of an edge kind ("containment", ...).
std::string_view to_string(EdgeKind kind);

/// How a replication link copies data.
enum class ReplicationMode { kSync, kAsync, kBackupRestore, kScheduledRebuild };

/// File spelling of a replication mode ("sync", "async", "backup_restore", "scheduled_rebuild").
std::string_view to_string(ReplicationMode mode);

/// Bundled edge property of the topology graph.
struct Edge {
  EdgeKind kind = EdgeKind::kDependency;
  // Alternative edges of one kind leaving one node form a group: the node is
  // down only when every target of the group is down (zones a pool spans,
  // origins of a global entry, backends of a gateway). Other edges of
  // containment or dependency are required: one target down takes the node down.
  bool is_alternative = false;
  std::int64_t latency_us = 0;   // network: one-way latency
  double bandwidth_gbps = 0;     // network
  double egress_usd_per_gb = 0;  // network: price of data leaving; replication: override (< 0: use the network link)
  ReplicationMode replication_mode = ReplicationMode::kAsync;
  std::chrono::microseconds lag{0};  // replication: typical lag (or backup interval)
  double gb_per_month = 0;           // replication: data shipped per month
  std::string json_path;             // where the edge is defined
  double sync_usd_per_month = 0;     // replication: added price per month when the link runs synchronously
  double usd_per_copy = 0;           // replication: price of one restorable copy (backup_restore, scheduled_rebuild)
};

}  // namespace faultline::topology
