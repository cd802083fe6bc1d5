#pragma once
// Internal: how much of a standby region's capacity is live while the pattern fails over:
// the standby fraction before the scale-up, the linear ramp to full size, the cold caches after
// it (docs/decisions.md, "TrafficModel collaborators").

#include <optional>

#include "faultline/engine/kernel/sim_time.hpp"
#include "faultline/engine/model/scenario.hpp"

namespace faultline::engine {

/// The standby's scale-up: when it starts (the failover's runbook or trigger delay), when the
/// runbook's warm_gpu_caches step ends; reset when a failback completes. Holds `pattern` by reference.
class StandbyCapacity {
 public:
  explicit StandbyCapacity(const PatternSpec& pattern) : pattern_(pattern) {}

  /// Share (0..1) of a deployment's capacity live at `now`: 1 in a primary region; in a standby region the
  /// standby fraction (ramping to 1 over time_to_capacity after the scale-up), or 1 for a warm pay-per-token one.
  [[nodiscard]] double capacity_factor(bool is_primary, bool is_pay_per_token, SimTime now) const;
  /// True when some standby capacity is below full size until a scale-up: cold, or warm with
  /// `has_reserved_standby` (a standby deployment is provisioned or lost its pay-per-token quota).
  [[nodiscard]] bool is_reduced(bool has_reserved_standby) const;
  /// True while a standby region's caches are cold at `now` (cold_cache_latency is added to its calls).
  [[nodiscard]] bool is_warming(bool is_primary, SimTime now) const;
  /// True from the failover's start until a failback completes.
  [[nodiscard]] bool is_failing_over() const { return scale_up_at_.has_value(); }
  /// When the standby starts scaling up (kSimForever: never); only while is_failing_over().
  [[nodiscard]] SimTime scale_up_at() const { return *scale_up_at_; }
  /// The standby starts scaling up at `at` (kSimForever: the runbook's deploy_models step failed).
  void set_scale_up_at(SimTime at) { scale_up_at_ = at; }
  /// The runbook's warm_gpu_caches step ends at `at`: the caches are warm from then.
  void set_caches_warm_at(SimTime at) { caches_warm_at_ = at; }
  /// The failback completed: the standby returns to its standby size.
  void reset();

 private:
  const PatternSpec& pattern_;
  std::optional<SimTime> scale_up_at_;     // when the standby starts scaling up
  std::optional<SimTime> caches_warm_at_;  // end of the runbook's warm_gpu_caches step, if any
};

}  // namespace faultline::engine
