#pragma once
// Counters of the gateway and their Prometheus text exposition (GET /metrics).

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "faultline/gateway/event_recorder.hpp"
#include "faultline/router/router.hpp"

namespace faultline::gateway {

/// Request, retry and probe counters plus a latency histogram per endpoint.
class GatewayMetrics {
 public:
  /// Upper bounds of the latency histogram buckets, seconds.
  static constexpr std::array<double, 11> kBuckets{0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};

  /// Starts every counter at 0 for the endpoints of `router` (after a reload too).
  void reset(const router::Router& router);
  /// One call to `endpoint` finished: HTTP status (0 = no response) and latency to first byte.
  void count_call(std::size_t endpoint, int status, router::Micros latency);
  /// One request got no endpoint at all (503).
  void count_unserved() { ++unserved_; }
  /// One retry (any attempt after the first).
  void count_retry() { ++retries_; }
  /// One probe result of `endpoint`.
  void count_probe(std::size_t endpoint, bool is_success) { ++(is_success ? probe_ok_ : probe_failed_)[endpoint]; }
  /// The exposition text, with gauges read from `router` and `recorder` at `now`.
  std::string render(const router::Router& router, const EventRecorder& recorder, router::Micros now) const;

 private:
  struct EndpointCounters {
    std::array<std::uint64_t, 3> calls{};                  // success, failure, throttled
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // non-cumulative
    std::uint64_t count = 0;
    double latency_sum_s = 0;
  };
  std::vector<EndpointCounters> endpoints_;
  std::vector<std::uint64_t> probe_ok_;
  std::vector<std::uint64_t> probe_failed_;
  std::uint64_t unserved_ = 0;
  std::uint64_t retries_ = 0;
};

}  // namespace faultline::gateway
