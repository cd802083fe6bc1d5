#pragma once
// Azure OpenAI / Foundry Standard (pay-per-token) quota: tokens per minute and
// requests per minute, enforced over short fixed windows (domain-facts.md).

#include <cstdint>

#include "faultline/engine/model/admission.hpp"
#include "faultline/engine/kernel/sim_time.hpp"

namespace faultline::engine {

/// Requests counted in fixed windows of 1 s or 10 s, tokens in fixed 60 s
/// windows, all aligned to t = 0. A request window admits floor(RPM x w / 60)
/// requests (at least 1); a minute admits TPM tokens; RPM defaults to 6 per
/// 1000 TPM. A rejected request consumes nothing and gets Retry-After = time to
/// the end of the window that refused it. Example: 100k TPM -> 600 RPM -> the
/// 11th request in a 1 s window gets a 429.
class StandardQuota {
 public:
  /// Quota of `tpm` tokens per minute (> 0); `rpm` <= 0 means 6 per 1000 TPM; window 1 or 10 s.
  StandardQuota(double tpm, double rpm = 0, int window_s = 1);

  /// Admits or rejects one request of `tokens` tokens arriving at `now` (non-decreasing);
  /// `scale` in [0, 1] shrinks both limits (capacity lost or not yet provisioned; 0 admits nothing).
  Admission admit(SimTime now, double tokens, double scale = 1.0);

  [[nodiscard]] std::int64_t requests_per_window() const { return requests_per_window_; }
  [[nodiscard]] double tokens_per_minute() const { return tokens_per_minute_; }
  [[nodiscard]] double rpm() const { return rpm_; }

 private:
  double rpm_;
  std::int64_t window_us_;
  std::int64_t requests_per_window_;
  double tokens_per_minute_;
  std::int64_t window_index_ = -1;
  std::int64_t minute_index_ = -1;
  std::int64_t requests_ = 0;
  double tokens_ = 0;
};

}  // namespace faultline::engine
