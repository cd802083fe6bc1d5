#pragma once
// Success ratio over a sliding window of whole seconds, in fixed memory.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <vector>

#include "faultline/engine/kernel/sim_time.hpp"

namespace faultline::engine {

/// Requests counted in a window: how many were offered and how many succeeded.
struct WindowCounts {
  std::uint64_t succeeded = 0;
  std::uint64_t offered = 0;

  /// succeeded / offered; nullopt when nothing was offered (no evidence).
  [[nodiscard]] std::optional<double> ratio() const {
    if (offered == 0) return std::nullopt;
    return static_cast<double>(succeeded) / static_cast<double>(offered);
  }
  friend bool operator==(const WindowCounts&, const WindowCounts&) = default;
};

/// Success ratio over the last W seconds at 1 s resolution: a ring of W
/// one-second sub-buckets plus running sums, so record and query are O(1)
/// (amortised: a jump forward clears at most W sub-buckets) and memory is fixed.
///
/// Semantics: second k is the interval [k s, (k+1) s). The window at time t is
/// the W seconds floor(t) - W + 1 .. floor(t), i.e. (t - W, t] rounded outward to
/// whole seconds: it includes the requests already recorded in t's own second.
/// The window at (k s - 1 us) is therefore exactly [k s - W, k s).
///
/// Invariant: the ring holds seconds newest_second_ - W + 1 .. newest_second_,
/// sums_ is the sum of its sub-buckets, and time never moves back past
/// newest_second_ (records and queries in an earlier second throw).
class SlidingWindowRatio {
 public:
  /// A window of `window` (a whole number of seconds, >= 1 s; else std::invalid_argument).
  explicit SlidingWindowRatio(SimDuration window = seconds(60));

  /// Adds `offered` requests at time t (>= 0, not in a second before the newest one), `succeeded` of them ok.
  void record(SimTime t, std::uint64_t succeeded, std::uint64_t offered) {
    const std::int64_t us = t.time_since_epoch().count();
    if (us >= second_end_us_ || us < second_end_us_ - kSecondUs) move_to(us);
    if (succeeded > offered) throw std::invalid_argument("SlidingWindowRatio: succeeded > offered");
    Slot& slot = slots_[newest_slot_];
    slot.succeeded += succeeded;
    slot.offered += offered;
    sums_.succeeded += succeeded;
    sums_.offered += offered;
  }

  /// Counts in the window at time t (seconds floor(t)-W+1 .. floor(t)); moves the window forward to t.
  WindowCounts window_at(SimTime t) {
    const std::int64_t us = t.time_since_epoch().count();
    if (us >= second_end_us_ || us < second_end_us_ - kSecondUs) move_to(us);
    return sums_;
  }

  /// Success ratio in the window at time t (see window_at); nullopt when nothing was offered.
  std::optional<double> ratio_at(SimTime t) { return window_at(t).ratio(); }

  /// Window length (whole seconds).
  [[nodiscard]] SimDuration window() const { return seconds(static_cast<std::int64_t>(slots_.size())); }

 private:
  static constexpr std::int64_t kSecondUs = 1'000'000;
  struct Slot {
    std::uint64_t succeeded = 0;
    std::uint64_t offered = 0;
  };

  // Moves the newest second to floor(us / 1 s), expiring seconds that leave the window.
  void move_to(std::int64_t us);

  std::vector<Slot> slots_;
  std::size_t newest_slot_ = 0;             // ring index of newest_second_
  std::int64_t newest_second_ = 0;          // newest second in the window
  std::int64_t second_end_us_ = kSecondUs;  // (newest_second_ + 1) s, in us: fast-path bound
  WindowCounts sums_;
};

}  // namespace faultline::engine
