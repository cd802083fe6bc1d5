#pragma once
// Circuit breaker with resilience4j semantics, plus a cure for "stuck half-open".

#include <cstdint>

#include "faultline/router/call_window.hpp"
#include "faultline/router/router_config.hpp"

namespace faultline::router {

/// closed -> open when, with at least minimum_calls in the window (capped at the
/// window size for a count window, as resilience4j), failure rate >= threshold or
/// slow-call rate >= threshold. open -> half_open once the open wait has passed
/// (observed at the next call of advance). half_open hands out half_open_calls
/// permits and decides from the first half_open_calls outcomes reported: open
/// again (the wait grows by open_wait_multiplier) or closed (the wait resets).
/// Stuck half-open: when every permit has been handed out and no decision came
/// within the current open wait after the last permit, the trial outcomes are
/// presumed lost and the permits are handed out again.
class CircuitBreaker {
 public:
  /// What a call to record() or advance() did.
  enum class Change : std::uint8_t { kNone, kOpened, kHalfOpened, kClosed };

  /// Breaker for `config`; allocates its window once.
  explicit CircuitBreaker(const BreakerConfig& config);

  /// Current state.
  BreakerState state() const { return state_; }
  /// True when a call may be sent: closed, or half-open with a permit left.
  bool permits_call() const {
    return state_ == BreakerState::kClosed || (state_ == BreakerState::kHalfOpen && permits_used_ < half_open_calls_);
  }
  /// Takes one half-open permit at `now` (no effect unless half-open).
  void take_permit(Micros now);
  /// Records a finished call (not a 429): `is_failure` per classify_status, slow iff latency > slow_call_duration.
  Change record(bool is_failure, Micros latency, Micros now);
  /// Applies timers due at or before `now` (open -> half_open, half-open permit renewal).
  Change advance(Micros now);
  /// Next time advance() has something to do, or kNever.
  Micros deadline() const { return deadline_; }
  /// The open wait used for the current (or next) open period.
  Micros current_open_wait() const { return current_wait_; }

 private:
  bool is_tripped(std::uint32_t calls, std::uint32_t failures, std::uint32_t slow) const;
  Change open(Micros now);
  void start_half_open(Micros now);

  CallWindow window_;
  std::uint32_t minimum_calls_;
  double failure_threshold_;
  double slow_threshold_;
  Micros slow_duration_;
  Micros base_wait_;
  double multiplier_;
  std::uint32_t half_open_calls_;

  BreakerState state_ = BreakerState::kClosed;
  Micros current_wait_;
  std::uint32_t opens_in_a_row_ = 0;  // opens since the breaker last closed
  Micros deadline_ = kNever;
  std::uint32_t permits_used_ = 0;
  std::uint32_t trial_calls_ = 0;
  std::uint32_t trial_failures_ = 0;
  std::uint32_t trial_slow_ = 0;
};

}  // namespace faultline::router
