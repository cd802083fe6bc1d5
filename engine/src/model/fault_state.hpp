#pragma once
// Internal: the faults of a pattern's run: what each one reaches (built at setup), which are
// active now, and the region and deployment flags derived from the active ones
// (docs/decisions.md, "TrafficModel collaborators").

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "faultline/engine/model/scenario.hpp"
#include "faultline/router/router.hpp"

namespace faultline::engine {

/// What one fault takes down when active; indices into the model's regions, deployments and data layer stores.
struct FaultReach {
  std::vector<std::size_t> stores_down;       // indices into the data layer's stores
  std::vector<std::size_t> replicas_down;     // stores whose replica (a failover's new home) is down
  std::vector<std::size_t> regions_down;      // region outage
  std::vector<std::size_t> gateways_down;     // gateway failure or gateway in the blast radius
  std::vector<std::size_t> deployments_down;  // deployments in the blast radius
  router::EndpointMask affected = 0;          // regions whose service the fault touches
  bool is_global = false;                     // global entry failure
};

/// Per fault of `scenario` (held by reference), in the order of scenario.faults: its reach, whether it is
/// active, and whether a quota_reclaimed fault found its deployment busy (nothing taken).
class FaultState {
 public:
  explicit FaultState(const Scenario& scenario) : scenario_(scenario) {}

  /// Adds the next fault's reach (inactive, quota not kept).
  void add(FaultReach reach);
  /// What fault `f` reaches.
  [[nodiscard]] const FaultReach& reach(std::size_t f) const { return reach_[f]; }
  /// Fault `f` starts (true) or ends (false).
  void set_active(std::size_t f, bool is_active) { is_fault_active_[f] = is_active; }
  [[nodiscard]] bool is_active(std::size_t f) const { return is_fault_active_[f]; }
  /// Quota_reclaimed fault `f` found its deployment busy (true): it takes nothing.
  void set_quota_kept(std::size_t f, bool is_kept) { is_quota_kept_[f] = is_kept; }
  [[nodiscard]] bool is_quota_kept(std::size_t f) const { return is_quota_kept_[f]; }
  /// True while an active fault takes the global entry down (no call reaches any region).
  [[nodiscard]] bool is_global_down() const {
    bool is_global_down = false;
    for (std::size_t f = 0; f < reach_.size(); ++f) is_global_down |= is_fault_active_[f] && reach_[f].is_global;
    return is_global_down;
  }
  /// Sets every region's and deployment's fault flags (is_down, capacity_lost, throttle_share, error_rate,
  /// added latency, ...) from the active faults; regions and deployments are indexed as in the reaches
  /// and matched to fault targets by `id`; region r's is_dns_down starts from its lacks_private_dns.
  template <typename RegionT, typename DeploymentT>
  void apply(std::vector<RegionT>& regions, std::vector<DeploymentT>& deployments) const;

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  const Scenario& scenario_;
  std::vector<FaultReach> reach_;
  std::vector<bool> is_fault_active_;
  std::vector<bool> is_quota_kept_;  // per fault: a quota_reclaimed fault found its deployment busy, nothing taken
};

template <typename RegionT, typename DeploymentT>
void FaultState::apply(std::vector<RegionT>& regions, std::vector<DeploymentT>& deployments) const {
  for (RegionT& r : regions) {
    r.is_down = r.is_gateway_down = false;
    r.is_dns_down = r.lacks_private_dns;
    r.gateway_error_rate = 0;
    r.gateway_added_latency = SimDuration{0};
  }
  for (DeploymentT& d : deployments) {
    d.is_down = d.has_version_drift = d.is_quota_reclaimed = false;
    d.capacity_lost = d.throttle_share = d.error_rate = 0;
    d.added_latency = SimDuration{0};
    d.throttle_retry_after = SimDuration{-1};  // negative: the 429s carry no Retry-After
  }
  auto region_of = [&](const std::string& id) -> std::size_t {
    for (std::size_t i = 0; i < regions.size(); ++i) {
      if (regions[i].id == id) return i;
    }
    return kNone;
  };
  auto deployment_of = [&](const std::string& id) -> DeploymentT* {
    for (DeploymentT& d : deployments) {
      if (d.id == id) return &d;
    }
    return nullptr;
  };
  for (std::size_t f = 0; f < scenario_.faults.size(); ++f) {
    if (!is_fault_active_[f]) continue;
    const FaultSpec& fault = scenario_.faults[f];
    const FaultReach& reach = reach_[f];
    for (std::size_t r : reach.regions_down) regions[r].is_down = true;
    for (std::size_t r : reach.gateways_down) regions[r].is_gateway_down = true;
    for (std::size_t d : reach.deployments_down) deployments[d].is_down = true;
    DeploymentT* dep = deployment_of(fault.target);
    switch (fault.type) {
      case FaultType::kDnsFailure:
        if (const std::size_t r = region_of(fault.target); r != kNone) regions[r].is_dns_down = true;
        break;
      case FaultType::kZoneOutage:
        for (DeploymentT& d : deployments) {
          if (std::find(d.zones.begin(), d.zones.end(), fault.target) != d.zones.end()) {
            d.capacity_lost += 1.0 / static_cast<double>(d.zones.size());
          }
        }
        break;
      case FaultType::kGpuCapacityLoss:
        if (dep != nullptr) dep->capacity_lost += fault.fraction;
        break;
      case FaultType::kThrottling:
        if (dep != nullptr) {
          dep->throttle_share = std::max(dep->throttle_share, fault.fraction);
          dep->throttle_retry_after = std::max(dep->throttle_retry_after, fault.retry_after);
        }
        break;
      case FaultType::kQuotaReclaimed:
        if (dep != nullptr && !is_quota_kept_[f]) dep->is_quota_reclaimed = true;
        break;
      case FaultType::kModelVersionDrift:
        if (dep != nullptr) dep->has_version_drift = true;
        break;
      case FaultType::kGrayFailure:
        if (dep != nullptr) {
          dep->error_rate = std::max(dep->error_rate, fault.error_rate);
          dep->added_latency += fault.added_latency;
        } else if (const std::size_t r = region_of(scenario_.topology->node(fault.target).region); r != kNone) {
          regions[r].gateway_error_rate = std::max(regions[r].gateway_error_rate, fault.error_rate);
          regions[r].gateway_added_latency += fault.added_latency;
        }
        break;
      default:
        break;
    }
  }
  for (DeploymentT& d : deployments) d.capacity_lost = std::min(1.0, d.capacity_lost);
}

}  // namespace faultline::engine
