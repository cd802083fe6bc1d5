#pragma once
// Retry budget: retries as a bounded share of recent requests (Envoy / Finagle style).

#include <array>
#include <cstdint>

#include "faultline/router/router_config.hpp"

namespace faultline::router {

/// Counts first attempts (requests) and retries over the last kWindowSeconds whole
/// seconds, one bucket per second. A retry is allowed while
///   retries_in_window < max(kMinRetries, floor(budget_percent * requests_in_window / 100)).
/// The floor of kMinRetries per window lets a quiet client still retry (Envoy's
/// retry budget has min_retry_concurrency = 3 for the same reason).
class RetryBudget {
 public:
  static constexpr std::int64_t kWindowSeconds = 10;  // Finagle RetryBudget ttl: 10 s
  static constexpr std::uint32_t kMinRetries = 3;     // Envoy min_retry_concurrency default: 3

  /// Budget of `budget_percent` (0-100) percent.
  explicit RetryBudget(double budget_percent) : percent_(budget_percent) {}

  /// Counts one first attempt at `now`.
  void record_request(Micros now);
  /// Counts one retry at `now`.
  void record_retry(Micros now);
  /// True when one more retry at `now` stays within the budget.
  bool allows_retry(Micros now) const;
  /// Requests counted in the window ending at `now`.
  std::uint32_t requests(Micros now) const { return sum(now, true); }
  /// Retries counted in the window ending at `now`.
  std::uint32_t retries(Micros now) const { return sum(now, false); }

 private:
  struct Bucket {
    std::int64_t second = std::numeric_limits<std::int64_t>::min();
    std::uint32_t requests = 0;
    std::uint32_t retries = 0;
  };
  Bucket& bucket_at(Micros now);
  std::uint32_t sum(Micros now, bool is_requests) const;

  double percent_;
  std::array<Bucket, kWindowSeconds> buckets_{};
  // The bucket of the last recorded second and its time range, so that recording
  // within the same second needs no division.
  std::size_t current_ = 0;
  bool has_current_ = false;
  Micros current_start_{0};
  Micros current_end_{0};
};

}  // namespace faultline::router
