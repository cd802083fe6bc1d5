#include "faultline/engine/model/standard_quota.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace faultline::engine {

StandardQuota::StandardQuota(double tpm, double rpm, int window_s) {
  if (!(std::isfinite(tpm) && tpm > 0)) throw std::invalid_argument("standard quota: tpm must be > 0");
  if (window_s != 1 && window_s != 10) throw std::invalid_argument("standard quota: window must be 1 or 10 seconds");
  rpm_ = rpm > 0 ? rpm : tpm / 1000.0 * 6.0;
  window_us_ = seconds(window_s).count();
  requests_per_window_ =
      std::max<std::int64_t>(1, static_cast<std::int64_t>(std::floor(rpm_ * window_s / 60.0 + 1e-9)));
  tokens_per_minute_ = tpm;
}

Admission StandardQuota::admit(SimTime now, double tokens, double scale) {
  const std::int64_t t = now.time_since_epoch().count();
  const std::int64_t index = t / window_us_;
  if (index != window_index_) {
    window_index_ = index;
    requests_ = 0;
  }
  constexpr std::int64_t kMinuteUs = 60000000;
  const std::int64_t minute = t / kMinuteUs;
  if (minute != minute_index_) {
    minute_index_ = minute;
    tokens_ = 0;
  }
  const double request_limit = scale >= 1.0 ? static_cast<double>(requests_per_window_)
                                            : std::floor(static_cast<double>(requests_per_window_) * scale);
  if (static_cast<double>(requests_ + 1) > request_limit) return Admission{false, micros((index + 1) * window_us_ - t)};
  if (tokens_ + tokens > tokens_per_minute_ * scale) return Admission{false, micros((minute + 1) * kMinuteUs - t)};
  ++requests_;
  tokens_ += tokens;
  return Admission{};
}

}  // namespace faultline::engine
