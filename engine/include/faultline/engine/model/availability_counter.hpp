#pragma once
// Availability of one workload class: success ratio and SLO windows, in fixed memory.

#include <cstdint>
#include <optional>

#include "faultline/engine/kernel/sim_time.hpp"

namespace faultline::engine {

/// The SLO a workload class is held to.
struct SloConfig {
  double success_ratio = 0.999;        ///< a window meets the SLO when good / offered >= this
  std::optional<SimDuration> latency;  ///< a request is good when it succeeded and latency <= this
  SimDuration window = seconds(60);    ///< tumbling SLO windows [k w, (k + 1) w), whole seconds
};

/// Counts for one workload class (docs/metrics.md):
/// - availability = succeeded / offered over the whole run;
/// - SLO windows: the run is cut into tumbling windows [k w, (k + 1) w) (the last
///   one ends at the run end); a window meets the SLO when it had no traffic (no
///   evidence of failure) or good / offered >= success_ratio, where a request is
///   good when it succeeded and, with a latency SLO, its latency <= the SLO.
///
/// Memory is fixed: the open window's counts and totals, never a list of windows.
/// Records come in non-decreasing time (a record in an earlier window throws).
class AvailabilityCounter {
 public:
  /// A counter for the given SLO (success_ratio in [0, 1], window whole seconds >= 1 s; else std::invalid_argument).
  explicit AvailabilityCounter(SloConfig slo = {});

  /// Counts one request whose outcome was known at time t (>= 0, non-decreasing); latency in us of simulated time.
  void record(SimTime t, bool is_success, SimDuration latency) {
    const std::int64_t us = t.time_since_epoch().count();
    if (us >= window_end_us_ || us < window_end_us_ - window_us_) move_to(us);
    const bool is_good = is_success && latency <= latency_slo_;
    ++offered_;
    ++window_offered_;
    succeeded_ += is_success ? 1U : 0U;
    good_ += is_good ? 1U : 0U;
    window_good_ += is_good ? 1U : 0U;
  }

  /// Closes the last window at run_end (>= every record); afterwards the window figures are final.
  void finish(SimTime run_end);

  /// Requests offered.
  [[nodiscard]] std::uint64_t offered() const { return offered_; }
  /// Requests that succeeded.
  [[nodiscard]] std::uint64_t succeeded() const { return succeeded_; }
  /// Requests that succeeded within the latency SLO (all successes without one).
  [[nodiscard]] std::uint64_t good() const { return good_; }
  /// succeeded / offered (0..1); nullopt without traffic.
  [[nodiscard]] std::optional<double> availability() const;
  /// Windows in the run, ceil(run_end / w); requires finish().
  [[nodiscard]] std::uint64_t windows() const;
  /// Windows that had traffic (closed so far).
  [[nodiscard]] std::uint64_t windows_with_traffic() const { return windows_with_traffic_; }
  /// Windows meeting the SLO, empty ones included; requires finish().
  [[nodiscard]] std::uint64_t windows_met() const;
  /// windows_met / windows; nullopt for a zero-length run; requires finish().
  [[nodiscard]] std::optional<double> slo_window_share() const;

 private:
  void move_to(std::int64_t us);  // closes the open window and opens the one holding us
  void close_window();
  void require_finished(const char* what) const;

  double success_ratio_;
  SimDuration latency_slo_;
  std::int64_t window_us_;
  std::int64_t window_end_us_;  // end of the open window, us
  std::uint64_t offered_ = 0;
  std::uint64_t succeeded_ = 0;
  std::uint64_t good_ = 0;
  std::uint64_t window_offered_ = 0;
  std::uint64_t window_good_ = 0;
  std::uint64_t windows_with_traffic_ = 0;
  std::uint64_t windows_with_traffic_met_ = 0;
  std::uint64_t windows_ = 0;  // set by finish()
  bool is_finished_ = false;
};

}  // namespace faultline::engine
