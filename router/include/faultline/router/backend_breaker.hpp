#pragma once
// An APIM backend circuit breaker rule: failures of chosen status codes within an
// interval trip the backend for a trip duration (or the backend's Retry-After).

#include <cstdint>
#include <vector>

#include "faultline/router/call_window.hpp"
#include "faultline/router/router_types.hpp"

namespace faultline::router {

/// Status codes [min, max] that count as failures (APIM `statusCodeRanges`).
struct StatusRange {
  int min = 500;
  int max = 599;
};

/// One APIM circuit breaker rule (`failureCondition`, `tripDuration`, `acceptRetryAfter`).
struct BackendBreakerConfig {
  std::int64_t failure_count = 0;                         // trips when the interval's failures reach this; 0: not used
  double failure_percentage = 0;                          // trips when failures / calls x 100 reach this; 0: not used
  Micros interval = std::chrono::seconds(60);             // whole seconds, at least 1 (APIM `interval`)
  std::vector<StatusRange> status_ranges{StatusRange{}};  // default 500-599
  bool counts_no_answer = true;                           // a call with no answer (status 0) counts as a failure
  Micros trip_duration = std::chrono::seconds(60);        // APIM `tripDuration`
  bool accept_retry_after = false;                        // the tripping answer's Retry-After sets the trip duration
};

/// APIM semantics (domain-facts, API Management): every answer of the backend is recorded
/// in a time window of the last `interval` whole seconds (as CallWindow); the breaker trips
/// at the answer that makes the failures reach `failure_count`, or their share of the calls
/// reach `failure_percentage` (APIM documents no minimum number of calls). While tripped the
/// backend is not used until the trip ends: `trip_duration` after the trip, or the tripping
/// answer's Retry-After when `accept_retry_after` and it carries one. Answers recorded while
/// tripped are ignored; the window starts empty when the trip ends (no half-open state).
/// Allocates its window once; no clock reads.
class BackendBreaker {
 public:
  /// A closed breaker for `config` (interval at least 1 s).
  explicit BackendBreaker(const BackendBreakerConfig& config);

  /// True while tripped at `now` (us).
  [[nodiscard]] bool is_tripped(Micros now) const { return now < tripped_until_; }
  /// When the current (or last) trip ends, us (Micros::min() when it never tripped).
  [[nodiscard]] Micros tripped_until() const { return tripped_until_; }
  /// Records an answer with `status` at `now`; `retry_after` < 0: none. True when it tripped.
  bool record(int status, Micros retry_after, Micros now);
  /// Trips so far.
  [[nodiscard]] std::uint32_t trips() const { return trips_; }

 private:
  [[nodiscard]] bool is_failure(int status) const;

  BackendBreakerConfig config_;
  CallWindow window_;
  Micros tripped_until_ = Micros::min();
  bool is_window_stale_ = false;  // a trip ended: forget the window at the next answer
  std::uint32_t trips_ = 0;
};

}  // namespace faultline::router
