#include "model/standby_capacity.hpp"

#include <algorithm>

namespace faultline::engine {

double StandbyCapacity::capacity_factor(bool is_primary, bool is_pay_per_token, SimTime now) const {
  if (is_primary) return 1.0;
  // A warm pay-per-token deployment exists with its whole quota and costs nothing idle: there is
  // nothing to scale up (issue 22). Only reserved capacity (provisioned) is held at the fraction.
  if (is_pay_per_token && pattern_.standby_fraction > 0) return 1.0;
  const double standby = pattern_.standby_fraction;
  if (!scale_up_at_ || now < *scale_up_at_) return standby;
  if (pattern_.time_to_capacity.count() == 0) return 1.0;
  const double progress = to_seconds(now - *scale_up_at_) / to_seconds(pattern_.time_to_capacity);
  return standby + (1.0 - standby) * std::min(1.0, progress);
}

bool StandbyCapacity::is_reduced(bool has_reserved_standby) const {
  if (pattern_.standby_fraction >= 1.0) return false;
  if (pattern_.standby_fraction == 0) return true;  // cold: nothing is deployed yet
  return has_reserved_standby;
}

bool StandbyCapacity::is_warming(bool is_primary, SimTime now) const {
  if (is_primary || !scale_up_at_ || pattern_.cold_cache_latency.count() == 0) return false;
  if (caches_warm_at_) return now >= *scale_up_at_ && now < *caches_warm_at_;
  return now >= *scale_up_at_ && now < *scale_up_at_ + pattern_.time_to_capacity + pattern_.warmup;
}

void StandbyCapacity::reset() {
  scale_up_at_.reset();
  caches_warm_at_.reset();
}

}  // namespace faultline::engine
