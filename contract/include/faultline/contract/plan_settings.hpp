#pragma once
// The router settings a plan varies, as faultline.plan/v1 records them and the planner's
// search space holds them (one type for both).

#include <compare>
#include <cstdint>

namespace faultline::contract {

/// A probe that needs `required` good samples of the last `of` to call an endpoint healthy.
struct ProbeSamples {
  std::int64_t required = 0;
  std::int64_t of = 0;
  auto operator<=>(const ProbeSamples&) const = default;
};

/// A circuit breaker's settings (resilience4j names).
struct BreakerSettings {
  double failure_rate_threshold_percent = 0.0;  ///< %, opens at or above it
  std::int64_t minimum_calls = 0;               ///< calls in the window before it may open
  double open_wait_s = 0.0;                     ///< s open before half-open
  auto operator<=>(const BreakerSettings&) const = default;
};

}  // namespace faultline::contract
