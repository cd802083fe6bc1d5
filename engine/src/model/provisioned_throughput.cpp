#include "faultline/engine/model/provisioned_throughput.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace faultline::engine {

ProvisionedThroughput::ProvisionedThroughput(double ptu, double tokens_per_ptu_per_min, double burst_s) {
  if (!(std::isfinite(ptu) && ptu > 0)) throw std::invalid_argument("provisioned throughput: ptu must be > 0");
  if (!(std::isfinite(tokens_per_ptu_per_min) && tokens_per_ptu_per_min > 0)) {
    throw std::invalid_argument("provisioned throughput: tokens per PTU per minute must be > 0");
  }
  if (!(std::isfinite(burst_s) && burst_s > 0))
    throw std::invalid_argument("provisioned throughput: burst must be > 0 s");
  drain_per_s_ = ptu * tokens_per_ptu_per_min / 60.0;
  capacity_ = drain_per_s_ * burst_s;
}

// The scale in force now is applied to the whole interval since the last admission: scale
// changes only at fault and scale-up instants, which a busy deployment sees within a call.
double ProvisionedThroughput::level_at(SimTime now, double scale) const {
  const double dt = to_seconds(now - last_);
  return std::max(0.0, level_ - drain_per_s_ * scale * dt);
}

double ProvisionedThroughput::utilisation(SimTime now, double scale) const {
  return level_at(now, scale) / (capacity_ * scale);
}

Admission ProvisionedThroughput::admit(SimTime now, double estimated_tokens, double scale) {
  if (!(scale > 0)) return Admission{false, SimDuration{-1}};  // nothing live: 429 without Retry-After
  scale = std::min(scale, 1.0);
  level_ = level_at(now, scale);
  last_ = now;
  const double capacity = capacity_ * scale;
  if (level_ >= capacity) {
    // Strictly below 100 % after (level - capacity) / drain seconds; round up to the next microsecond.
    const double wait_s = (level_ - capacity) / (drain_per_s_ * scale);
    return Admission{false, micros(static_cast<std::int64_t>(std::floor(wait_s * 1e6)) + 1)};
  }
  level_ += estimated_tokens;
  return Admission{};
}

}  // namespace faultline::engine
