#pragma once
// Azure OpenAI Provisioned (PTU) capacity as a leaky bucket (domain-facts.md).

#include "faultline/engine/model/admission.hpp"
#include "faultline/engine/kernel/sim_time.hpp"

namespace faultline::engine {

/// A leaky bucket charged with each request's estimated tokens (prompt +
/// max_tokens) and drained at PTUs x tokens per PTU per minute / 60 per second.
/// Utilisation = level / capacity, capacity = drain rate x `burst_s`. A request
/// is admitted while utilisation is below 100 % (it may push it over); above,
/// it gets a 429 at once with Retry-After = when utilisation drops below 100 %.
class ProvisionedThroughput {
 public:
  /// `ptu` > 0 units each serving `tokens_per_ptu_per_min` > 0; bucket of `burst_s` > 0 seconds of drain.
  ProvisionedThroughput(double ptu, double tokens_per_ptu_per_min, double burst_s = 60);

  /// Admits or rejects one request of `estimated_tokens` at `now` (non-decreasing); `scale` in
  /// (0, 1] is the share of the PTUs live (a standby not yet scaled up, capacity lost): it scales
  /// both the drain rate and the bucket, so utilisation is level / (capacity x scale).
  Admission admit(SimTime now, double estimated_tokens, double scale = 1.0);
  /// Utilisation at `now` (1.0 = 100 %) with `scale` of the PTUs live, without changing state.
  [[nodiscard]] double utilisation(SimTime now, double scale = 1.0) const;
  /// Drain rate in tokens per second.
  [[nodiscard]] double drain_per_s() const { return drain_per_s_; }

 private:
  [[nodiscard]] double level_at(SimTime now, double scale) const;

  double drain_per_s_;
  double capacity_;
  double level_ = 0;
  SimTime last_{};
};

}  // namespace faultline::engine
