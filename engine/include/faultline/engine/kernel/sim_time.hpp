#pragma once
// Simulated time: an integer count of microseconds, never a double.

#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>

namespace faultline::engine {

/// Tag clock of simulated time. It has no now(): only a Simulation knows the time.
struct SimClock {
  using rep = std::int64_t;
  using period = std::micro;
  using duration = std::chrono::duration<rep, period>;
  using time_point = std::chrono::time_point<SimClock, duration>;
  static constexpr bool is_steady = true;
};

using SimDuration = SimClock::duration;
using SimTime = SimClock::time_point;

/// The start of every simulation (t = 0 us).
inline constexpr SimTime kSimStart{SimDuration{0}};
/// A time later than any event can be scheduled.
inline constexpr SimTime kSimForever{SimDuration{std::numeric_limits<std::int64_t>::max()}};

/// Duration from microseconds.
constexpr SimDuration micros(std::int64_t us) { return SimDuration{us}; }
/// Duration from whole milliseconds.
constexpr SimDuration millis(std::int64_t ms) { return SimDuration{ms * 1000}; }
/// Duration from whole seconds.
constexpr SimDuration seconds(std::int64_t s) { return SimDuration{s * 1000000}; }

/// Longest duration from_seconds returns, in seconds (about 31,700 years): a sampled delay
/// (a distribution's far tail) added to any simulated time stays far from int64 overflow.
inline constexpr double kMaxDelaySeconds = 1e12;

/// Duration from (possibly fractional) seconds, rounded to the nearest microsecond and
/// saturated to +-kMaxDelaySeconds (NaN gives 0).
inline SimDuration from_seconds(double s) {
  if (!(s == s)) return SimDuration{0};
  const double clamped = s > kMaxDelaySeconds ? kMaxDelaySeconds : (s < -kMaxDelaySeconds ? -kMaxDelaySeconds : s);
  return SimDuration{static_cast<std::int64_t>(std::llround(clamped * 1e6))};
}

/// Seconds as a double, for reporting only (never for scheduling).
constexpr double to_seconds(SimDuration d) { return static_cast<double>(d.count()) / 1e6; }
/// Seconds since the start, for reporting only.
constexpr double to_seconds(SimTime t) { return to_seconds(t.time_since_epoch()); }
/// Time point from microseconds since the start.
constexpr SimTime at_micros(std::int64_t us) { return SimTime{SimDuration{us}}; }

}  // namespace faultline::engine
