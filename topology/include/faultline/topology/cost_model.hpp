#pragma once
// Steady-state monthly cost of a topology for a given provisioning per region,
// from the prices in the topology file. A month is 730 hours (8760 h / 12).

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "faultline/topology/topology.hpp"

namespace faultline::topology {

/// Hours in the month used by every cost figure (8760 / 12).
inline constexpr double kHoursPerMonth = 730.0;

/// What runs in a region before any outage.
enum class ProvisioningMode {
  kFull,     // everything runs and serves its steady-state traffic
  kStandby,  // compute runs at standby_fraction of its capacity, serves no traffic; data stores kept whole
  kNone,     // nothing is deployed (deployed on failover)
};

/// Provisioning of one region.
struct RegionProvisioning {
  ProvisioningMode mode = ProvisioningMode::kFull;
  double standby_fraction = 0;  // 0..1, used when mode is kStandby
  double traffic_share = 1;     // 0..1, share of the steady-state traffic served here (kFull only)
};

/// How a pattern runs the replication links leaving one data store (overrides the topology's mode).
struct LinkProvisioning {
  ReplicationMode mode = ReplicationMode::kAsync;
  std::chrono::microseconds copy_interval{0};  // backup_restore / scheduled_rebuild: time between restorable copies
};

/// Provisioning per region id; a region not listed is provisioned in full.
/// Links per source store id; a store not listed runs its links as the topology says.
struct ProvisioningPlan {
  std::map<std::string, RegionProvisioning, std::less<>> regions;
  std::map<std::string, LinkProvisioning, std::less<>> links;

  /// Provisioning of `region_id` (kFull when not listed).
  RegionProvisioning for_region(std::string_view region_id) const;
};

/// The cost of the same topology run from one region: `region_id` provisioned in full and serving all
/// traffic, every other region deployed nothing, no global entry and no cross-region replication (USD/month).
/// The resilience premium of a pattern is its monthly cost minus this baseline.
double single_region_baseline_cost(const Topology& topology, std::string_view region_id);

/// One priced item.
struct CostLine {
  std::string node;    // node id the cost belongs to
  std::string region;  // its region id, or "global"
  std::string item;    // e.g. "reserved capacity", "tokens", "probe tokens", "replication egress"
  double monthly_usd = 0;

  friend bool operator==(const CostLine&, const CostLine&) = default;
};

/// Monthly cost broken down by item, node and region.
struct CostReport {
  std::vector<CostLine> lines;               // non-zero items, in graph order
  std::map<std::string, double> per_node;    // USD per month by node id
  std::map<std::string, double> per_region;  // USD per month by region id (every region, and "global")
  double total_usd = 0;                      // USD per month
};

/// The component a cost item belongs to, for summaries: "tokens", "probes", "reserved capacity", "gateways",
/// "agent services", "data stores", "global entry", "replication", or "other".
std::string cost_component(std::string_view item);

/// Cost lines summed by (component, region), USD per month, ordered by component then region.
std::map<std::pair<std::string, std::string>, double> cost_by_component(const std::vector<CostLine>& lines);

/// Monthly steady-state cost in USD (730 h/month) of `topology` provisioned as `plan`:
/// deployments (reserved: hourly x 730 x running share; pay-per-token: tokens_per_month x the
/// region's traffic share x price, only where it serves; probe tokens unless none), gateways
/// (units x hourly x 730 x share), agent services (monthly x share), data stores (monthly unless none),
/// the global entry (monthly), replication links with both ends deployed: egress (GB per month x USD per GB)
/// plus sync_usd_per_month when run synchronously; links from a deployed store run as backup_restore or
/// scheduled_rebuild: usd_per_copy x copies per month (730 h / interval).
/// Throws std::invalid_argument for a standby fraction or traffic share outside 0..1, an unknown region or store id in
/// the plan, or a copy interval <= 0 for a backup mode.
CostReport monthly_cost(const Topology& topology, const ProvisioningPlan& plan);

}  // namespace faultline::topology
