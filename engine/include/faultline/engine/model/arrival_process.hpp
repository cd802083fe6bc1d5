#pragma once
// When the requests of a workload class arrive.

#include <string>

#include "faultline/engine/kernel/random_stream.hpp"
#include "faultline/engine/kernel/sim_time.hpp"

namespace faultline::engine {

/// An arrival process of requests: constant spacing, Poisson, or a diurnal
/// (sinusoidal-rate) Poisson process sampled by thinning. Factories validate
/// and throw std::invalid_argument naming the rule.
class ArrivalProcess {
 public:
  enum class Kind { kConstant, kPoisson, kDiurnal };

  /// Exactly `rate_per_s` evenly spaced arrivals per second (> 0).
  static ArrivalProcess constant(double rate_per_s);
  /// Poisson arrivals at `rate_per_s` (> 0).
  static ArrivalProcess poisson(double rate_per_s);
  /// Poisson arrivals whose rate is mean * (1 + amplitude * cos(2 pi (t - peak_s) / period_s)),
  /// with mean > 0, 0 <= amplitude <= 1, period > 0.
  static ArrivalProcess diurnal(double mean_rate_per_s, double amplitude, double peak_s, double period_s = 86400);

  /// Time of the arrival after one at `now`.
  SimTime next_after(SimTime now, RandomStream& rng) const;
  /// Instantaneous rate at t, requests per second.
  [[nodiscard]] double rate_at(SimTime t) const;
  /// Long-run mean rate, requests per second.
  [[nodiscard]] double mean_rate() const { return mean_; }
  [[nodiscard]] Kind kind() const { return kind_; }
  /// The same process with every rate multiplied by `factor` (> 0): same kind, shape and phase.
  [[nodiscard]] ArrivalProcess scaled(double factor) const {
    return ArrivalProcess(kind_, mean_ * factor, amplitude_, peak_s_, period_s_);
  }

 private:
  ArrivalProcess(Kind kind, double mean, double amplitude, double peak_s, double period_s)
      : kind_(kind), mean_(mean), amplitude_(amplitude), peak_s_(peak_s), period_s_(period_s) {}

  Kind kind_;
  double mean_;
  double amplitude_ = 0;
  double peak_s_ = 0;
  double period_s_ = 86400;
};

}  // namespace faultline::engine
