#pragma once
// Front Door health-probe window: healthy iff >= x of the last n probes succeeded.

#include <cstdint>
#include <vector>

#include "faultline/router/router_config.hpp"

namespace faultline::router {

/// The last n probe results of one endpoint and its measured latency.
/// Invariant: success_count_ == number of set bits among the n slots of bits_.
/// Before n probes have arrived, the slots not yet written count as successes
/// (an optimistic start): a new endpoint is healthy, and from the start it turns
/// unhealthy after exactly n - x + 1 consecutive failures, as from any full healthy window.
class ProbeWindow {
 public:
  /// Window for `config` (sample size n <= 64); allocates the latency ring once.
  explicit ProbeWindow(const ProbeConfig& config);

  /// Records one probe: success iff status 200 and latency <= timeout. Returns true if health changed.
  bool record(int status, Micros latency);
  /// True iff at least x of the last n results (unwritten slots count as successes) succeeded.
  bool is_healthy() const { return is_healthy_; }
  /// True once a successful probe has measured a latency.
  bool has_latency() const { return has_latency_; }
  /// Mean latency of the successful probes in the window, or of the last successful probe if none is left.
  Micros latency() const { return latency_; }

 private:
  std::uint32_t size_;
  std::uint32_t required_;
  Micros timeout_;
  std::uint64_t bits_;  // bit i: slot i succeeded
  std::uint32_t next_ = 0;
  std::uint32_t success_count_;
  bool is_healthy_ = true;
  std::vector<Micros> latencies_;    // per slot; meaningful where measured_bits_ is set
  std::uint64_t measured_bits_ = 0;  // slots holding a real successful probe
  std::uint32_t measured_count_ = 0;
  Micros measured_sum_{0};
  bool has_latency_ = false;
  Micros latency_{0};
};

}  // namespace faultline::router
