#include "faultline/router/circuit_breaker.hpp"

#include <algorithm>
#include <cmath>

namespace faultline::router {
namespace {

// Exponential growth of the open wait stops here, so it can never overflow.
constexpr Micros kMaxGrownWait = std::chrono::hours(24);

}  // namespace

CircuitBreaker::CircuitBreaker(const BreakerConfig& config)
    : window_(config.window_type, static_cast<std::uint32_t>(config.window_size)),
      minimum_calls_(static_cast<std::uint32_t>(config.window_type == WindowType::kCount
                                                    ? std::min(config.minimum_calls, config.window_size)
                                                    : config.minimum_calls)),
      failure_threshold_(config.failure_rate_threshold),
      slow_threshold_(config.slow_call_rate_threshold),
      slow_duration_(config.slow_call_duration),
      base_wait_(config.open_wait),
      multiplier_(config.open_wait_multiplier),
      half_open_calls_(static_cast<std::uint32_t>(config.half_open_calls)),
      current_wait_(config.open_wait) {}

bool CircuitBreaker::is_tripped(std::uint32_t calls, std::uint32_t failures, std::uint32_t slow) const {
  // rate >= threshold, in exact integer-times-percent form: failures * 100 >= threshold * calls.
  const double n = static_cast<double>(calls);
  return static_cast<double>(failures) * 100.0 >= failure_threshold_ * n ||
         static_cast<double>(slow) * 100.0 >= slow_threshold_ * n;
}

CircuitBreaker::Change CircuitBreaker::open(Micros now) {
  ++opens_in_a_row_;
  if (opens_in_a_row_ == 1 || multiplier_ == 1.0) {
    current_wait_ = base_wait_;
  } else {
    const double grown = static_cast<double>(current_wait_.count()) * multiplier_;
    current_wait_ = grown >= static_cast<double>(kMaxGrownWait.count())
                        ? std::max(kMaxGrownWait, base_wait_)
                        : Micros{static_cast<std::int64_t>(std::llround(grown))};
  }
  state_ = BreakerState::kOpen;
  deadline_ = now + current_wait_;
  window_.reset();
  return Change::kOpened;
}

void CircuitBreaker::start_half_open(Micros now) {
  (void)now;
  state_ = BreakerState::kHalfOpen;
  permits_used_ = 0;
  trial_calls_ = trial_failures_ = trial_slow_ = 0;
  deadline_ = kNever;  // armed when the last permit is handed out
}

void CircuitBreaker::take_permit(Micros now) {
  if (state_ != BreakerState::kHalfOpen || permits_used_ >= half_open_calls_) return;
  ++permits_used_;
  if (permits_used_ == half_open_calls_) deadline_ = now + current_wait_;
}

CircuitBreaker::Change CircuitBreaker::record(bool is_failure, Micros latency, Micros now) {
  const bool is_slow = latency > slow_duration_;
  switch (state_) {
    case BreakerState::kOpen:
      return Change::kNone;  // late results of calls sent before opening are ignored
    case BreakerState::kHalfOpen:
      ++trial_calls_;
      trial_failures_ += is_failure ? 1 : 0;
      trial_slow_ += is_slow ? 1 : 0;
      if (trial_calls_ < half_open_calls_) return Change::kNone;
      if (is_tripped(trial_calls_, trial_failures_, trial_slow_)) return open(now);
      state_ = BreakerState::kClosed;
      opens_in_a_row_ = 0;
      current_wait_ = base_wait_;
      deadline_ = kNever;
      window_.reset();
      return Change::kClosed;
    case BreakerState::kClosed:
      window_.record(is_failure, is_slow, now);
      if (window_.calls() >= minimum_calls_ && is_tripped(window_.calls(), window_.failures(), window_.slow_calls())) {
        return open(now);
      }
      return Change::kNone;
  }
  return Change::kNone;
}

CircuitBreaker::Change CircuitBreaker::advance(Micros now) {
  if (now < deadline_) return Change::kNone;
  if (state_ == BreakerState::kOpen) {
    start_half_open(now);
    return Change::kHalfOpened;
  }
  if (state_ == BreakerState::kHalfOpen) {
    // Stuck half-open: permits out, no decision within the open wait. Hand them out again.
    start_half_open(now);
  }
  return Change::kNone;
}

}  // namespace faultline::router
