#pragma once
// The circuit breaker's sliding window of call outcomes, count- or time-based.

#include <cstdint>
#include <vector>

#include "faultline/router/router_config.hpp"

namespace faultline::router {

/// Aggregates of the calls in the window: totals kept up to date on every record,
/// so reading them is O(1) and memory is fixed at construction.
/// Count window: the last `size` calls (a ring of outcomes).
/// Time window: the calls in the last `size` whole seconds including the current
/// one (one bucket per second, as resilience4j); older buckets are evicted when
/// time moves on.
class CallWindow {
 public:
  /// Window of `size` calls or seconds; allocates its ring once.
  CallWindow(WindowType type, std::uint32_t size);

  /// Records a call that ended at `now`.
  void record(bool is_failure, bool is_slow, Micros now);
  /// Forgets every call.
  void reset();
  /// Calls in the window.
  std::uint32_t calls() const { return calls_; }
  /// Failed calls in the window.
  std::uint32_t failures() const { return failures_; }
  /// Slow calls in the window (a slow failed call counts in both).
  std::uint32_t slow_calls() const { return slow_; }

 private:
  struct Bucket {
    std::uint32_t calls = 0;
    std::uint32_t failures = 0;
    std::uint32_t slow = 0;
  };
  void evict_until(std::int64_t second);

  WindowType type_;
  std::uint32_t size_;
  std::vector<Bucket> buckets_;   // count window: one call per bucket; time window: one second per bucket
  std::uint32_t next_ = 0;        // count window: slot written next
  std::int64_t head_second_ = 0;  // time window: newest second with a bucket
  bool has_head_ = false;
  std::uint32_t calls_ = 0;
  std::uint32_t failures_ = 0;
  std::uint32_t slow_ = 0;
};

}  // namespace faultline::router
