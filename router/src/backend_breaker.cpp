#include "faultline/router/backend_breaker.hpp"

#include <algorithm>

namespace faultline::router {

namespace {

std::uint32_t interval_seconds(Micros interval) {
  return static_cast<std::uint32_t>(std::max<std::int64_t>(1, interval.count() / 1000000));
}

}  // namespace

BackendBreaker::BackendBreaker(const BackendBreakerConfig& config)
    : config_(config), window_(WindowType::kTime, interval_seconds(config.interval)) {}

bool BackendBreaker::is_failure(int status) const {
  if (status == 0) return config_.counts_no_answer;
  return std::any_of(config_.status_ranges.begin(), config_.status_ranges.end(),
                     [&](const StatusRange& r) { return status >= r.min && status <= r.max; });
}

bool BackendBreaker::record(int status, Micros retry_after, Micros now) {
  if (is_tripped(now)) return false;
  if (is_window_stale_) {
    window_.reset();
    is_window_stale_ = false;
  }
  window_.record(is_failure(status), false, now);
  const std::uint32_t failures = window_.failures();
  const bool is_count_met = config_.failure_count > 0 && failures >= config_.failure_count;
  const bool is_share_met =
      config_.failure_percentage > 0 && failures > 0 &&
      static_cast<double>(failures) * 100.0 >= config_.failure_percentage * static_cast<double>(window_.calls());
  if (!is_count_met && !is_share_met) return false;
  const bool has_retry_after = config_.accept_retry_after && retry_after.count() >= 0;
  tripped_until_ = now + (has_retry_after ? retry_after : config_.trip_duration);
  is_window_stale_ = true;
  ++trips_;
  return true;
}

}  // namespace faultline::router
