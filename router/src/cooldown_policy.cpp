#include "faultline/router/cooldown_policy.hpp"

namespace faultline::router {

namespace {

constexpr std::int64_t kMinuteUs = 60LL * 1000 * 1000;
// LiteLLM SINGLE_DEPLOYMENT_TRAFFIC_FAILURE_THRESHOLD: every call failed and at least this many calls.
constexpr std::int64_t kAllFailedMinimumCalls = 1000;

std::int64_t minute_of(Micros now) {
  const std::int64_t us = now.count();
  return us >= 0 ? us / kMinuteUs : -((-us + kMinuteUs - 1) / kMinuteUs);
}

}  // namespace

CooldownPolicy::CooldownPolicy(const CooldownConfig& config, std::size_t endpoints)
    : config_(config), has_others_(endpoints > 1), minutes_(endpoints) {
  for (const std::int64_t status : config_.non_retryable_statuses) non_retryable_.set(static_cast<std::size_t>(status));
}

bool CooldownPolicy::is_failure(int status) const {
  if (status == 429 || classify_status(status) == CallOutcome::kFailure) return true;
  return status >= 0 && status < 600 && non_retryable_.test(static_cast<std::size_t>(status));
}

Micros CooldownPolicy::record(std::size_t endpoint, int status, Micros now, Micros retry_after) {
  Minute& m = minutes_[endpoint];
  const std::int64_t minute = minute_of(now);
  if (m.index != minute) m = Minute{minute, 0, 0};
  ++m.calls;
  if (!is_failure(status)) return Micros{0};
  ++m.failures;
  if (!should_cool_down(m, status)) return Micros{0};
  return retry_after >= Micros{0} ? retry_after : config_.cooldown_time;
}

bool CooldownPolicy::should_cool_down(const Minute& m, int status) const {
  if (config_.allowed_fails) return m.failures > *config_.allowed_fails;  // v1 (legacy) rule
  if (status == 429 && has_others_) return true;
  if (m.failures == m.calls && m.calls >= kAllFailedMinimumCalls) return true;
  // failures / calls > threshold percent (LiteLLM compares with >).
  const bool is_rate_over =
      static_cast<double>(m.failures) * 100 > config_.failure_threshold_percent * static_cast<double>(m.calls);
  if (is_rate_over && m.calls >= config_.failure_threshold_minimum_requests && has_others_) return true;
  return status >= 0 && status < 600 && non_retryable_.test(static_cast<std::size_t>(status));
}

std::int64_t CooldownPolicy::calls_this_minute(std::size_t endpoint, Micros now) const {
  const Minute& m = minutes_[endpoint];
  return m.index == minute_of(now) ? m.calls : 0;
}

std::int64_t CooldownPolicy::failures_this_minute(std::size_t endpoint, Micros now) const {
  const Minute& m = minutes_[endpoint];
  return m.index == minute_of(now) ? m.failures : 0;
}

}  // namespace faultline::router
