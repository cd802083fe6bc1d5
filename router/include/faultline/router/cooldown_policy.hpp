#pragma once
// LiteLLM deployment cooldown decisions, from per-endpoint counts of the current minute (fixed memory).

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "faultline/router/router_config.hpp"
#include "faultline/router/router_types.hpp"

namespace faultline::router {

/// Decides, call by call, whether a deployment cools down, as LiteLLM's router does
/// (router_utils/cooldown_handlers.py). Counts are per endpoint for the current minute
/// (floor(now / 60 s) of the caller's epoch); all memory is allocated here.
///  - v2 rules (allowed_fails absent, LiteLLM's default): a 429 when the router has other endpoints;
///    failures > failure_threshold_percent of at least failure_threshold_minimum_requests calls this
///    minute when it has other endpoints; 100 % failures of >= 1000 calls; a non-retryable status.
///  - v1 rule (allowed_fails present): failures this minute > allowed_fails.
class CooldownPolicy {
 public:
  /// Policy for `endpoints` endpoints with a valid `config`.
  CooldownPolicy(const CooldownConfig& config, std::size_t endpoints);

  /// Records a call to `endpoint` at `now` (status 0 = timeout; `retry_after` negative when absent) and
  /// returns how long the endpoint must cool down: Micros{0} for no cooldown, else Retry-After or cooldown_time.
  Micros record(std::size_t endpoint, int status, Micros now, Micros retry_after);

  /// Calls of `endpoint` counted in the minute of `now` (0 when none was recorded in it).
  std::int64_t calls_this_minute(std::size_t endpoint, Micros now) const;
  /// Failures of `endpoint` counted in the minute of `now`.
  std::int64_t failures_this_minute(std::size_t endpoint, Micros now) const;
  /// True when a call with `status` counts as a failure for the cooldown (5xx, 408, 0, 429, non-retryable).
  bool is_failure(int status) const;

 private:
  struct Minute {
    std::int64_t index = -1;  // floor(now / 60 s)
    std::int64_t calls = 0;
    std::int64_t failures = 0;
  };

  bool should_cool_down(const Minute& m, int status) const;

  CooldownConfig config_;
  bool has_others_;  // more than one endpoint: LiteLLM's "not a single-deployment model group"
  std::bitset<600> non_retryable_;
  std::vector<Minute> minutes_;
};

}  // namespace faultline::router
