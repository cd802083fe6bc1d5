#pragma once
// Envoy priority load: how much traffic each priority level gets from its health (fixed memory).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "faultline/router/router_config.hpp"
#include "faultline/router/router_types.hpp"

namespace faultline::router {

/// Level chosen for one pick: the level's endpoints and whether it is in panic (route over all of them).
struct LevelChoice {
  EndpointMask endpoints = 0;  // endpoints of the level (before health)
  bool is_panic = false;
};

/// Priority levels (endpoints sharing one priority value, lowest value first) with Envoy's rules:
/// health = min(100, floor(factor% x healthy / total)); loads are given in level order, each taking
/// min(what is left, floor(health x 100 / normalized total health)), the rest going to the first level
/// with health; when the normalized total health is below 100 a level whose healthy share is below
/// panic_threshold_percent is in panic; when every level is, loads follow the endpoint counts.
/// A level is chosen by smooth weighted round-robin over the loads (deterministic, no RNG).
class PriorityLoad {
 public:
  /// Levels of the endpoints whose priority values are `priorities` (configuration order).
  PriorityLoad(const PrioritySpillConfig& config, const std::vector<std::uint32_t>& priorities);

  /// Computes the loads for endpoints `allowed` (enabled, inside the boundary) of which `healthy` may be
  /// chosen, then chooses a level by smooth weighted round-robin. `healthy` must not be empty.
  LevelChoice choose(EndpointMask allowed, EndpointMask healthy);
  /// Computes health, panic and load of every level for `allowed` and `healthy`, without choosing.
  void compute(EndpointMask allowed, EndpointMask healthy);

  /// Number of priority levels.
  std::size_t level_count() const { return level_masks_.size(); }
  /// Load of `level` (percent, the levels sum to 100) from the last compute or choose.
  std::uint32_t load(std::size_t level) const { return load_[level]; }
  /// Health of `level` (percent, 0-100) from the last compute or choose.
  std::uint32_t health(std::size_t level) const { return health_[level]; }
  /// True when `level` was in panic at the last compute or choose.
  bool is_panic(std::size_t level) const { return panic_[level] != 0; }

 private:
  void distribute(std::uint32_t normalized_total);
  void distribute_total_panic(EndpointMask allowed);

  std::uint32_t factor_percent_;  // overprovisioning factor x 100 (Envoy's unit)
  double panic_threshold_;        // percent
  std::vector<EndpointMask> level_masks_;
  std::vector<std::uint32_t> health_;
  std::vector<std::uint32_t> load_;
  std::vector<std::uint8_t> panic_;
  std::vector<std::int64_t> current_;  // smooth weighted round-robin state per level
};

}  // namespace faultline::router
