#include "faultline/engine/model/arrival_process.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace faultline::engine {

ArrivalProcess ArrivalProcess::constant(double rate_per_s) {
  if (!(std::isfinite(rate_per_s) && rate_per_s > 0))
    throw std::invalid_argument("constant arrivals: rate must be > 0 per second");
  return {Kind::kConstant, rate_per_s, 0, 0, 86400};
}

ArrivalProcess ArrivalProcess::poisson(double rate_per_s) {
  if (!(std::isfinite(rate_per_s) && rate_per_s > 0))
    throw std::invalid_argument("poisson arrivals: rate must be > 0 per second");
  return {Kind::kPoisson, rate_per_s, 0, 0, 86400};
}

ArrivalProcess ArrivalProcess::diurnal(double mean_rate_per_s, double amplitude, double peak_s, double period_s) {
  if (!(std::isfinite(mean_rate_per_s) && mean_rate_per_s > 0)) {
    throw std::invalid_argument("diurnal arrivals: mean rate must be > 0 per second");
  }
  if (!(amplitude >= 0 && amplitude <= 1)) throw std::invalid_argument("diurnal arrivals: amplitude must be in [0, 1]");
  if (!(std::isfinite(period_s) && period_s > 0)) throw std::invalid_argument("diurnal arrivals: period must be > 0 s");
  if (!std::isfinite(peak_s)) throw std::invalid_argument("diurnal arrivals: peak time must be finite");
  return {Kind::kDiurnal, mean_rate_per_s, amplitude, peak_s, period_s};
}

double ArrivalProcess::rate_at(SimTime t) const {
  if (kind_ != Kind::kDiurnal) return mean_;
  const double phase = 2 * std::numbers::pi * (to_seconds(t) - peak_s_) / period_s_;
  return mean_ * (1 + amplitude_ * std::cos(phase));
}

SimTime ArrivalProcess::next_after(SimTime now, RandomStream& rng) const {
  switch (kind_) {
    case Kind::kConstant:
      // At least 1 us apart so a very high rate cannot stall the clock.
      return now + std::max(micros(1), from_seconds(1.0 / mean_));
    case Kind::kPoisson:
      return now + std::max(micros(1), from_seconds(rng.exponential(1.0 / mean_)));
    case Kind::kDiurnal: {
      // Thinning (Lewis-Shedler): candidates at the peak rate, each kept with
      // probability rate(t) / peak rate.
      const double peak_rate = mean_ * (1 + amplitude_);
      SimTime t = now;
      for (;;) {
        t += std::max(micros(1), from_seconds(rng.exponential(1.0 / peak_rate)));
        if (rng.uniform01() * peak_rate < rate_at(t)) return t;
      }
    }
  }
  return now;
}

}  // namespace faultline::engine
