#include "faultline/engine/model/sliding_window_ratio.hpp"

#include <algorithm>
#include <string>

namespace faultline::engine {

SlidingWindowRatio::SlidingWindowRatio(SimDuration window) {
  const std::int64_t us = window.count();
  if (us < kSecondUs || us % kSecondUs != 0) {
    throw std::invalid_argument("SlidingWindowRatio: window must be a whole number of seconds >= 1 s, got " +
                                std::to_string(us) + " us");
  }
  slots_.resize(static_cast<std::size_t>(us / kSecondUs));
}

void SlidingWindowRatio::move_to(std::int64_t us) {
  if (us < 0) throw std::invalid_argument("SlidingWindowRatio: negative time " + std::to_string(us) + " us");
  const std::int64_t second = us / kSecondUs;
  if (second < newest_second_) {
    throw std::logic_error("SlidingWindowRatio: time " + std::to_string(us) + " us is before second " +
                           std::to_string(newest_second_) + ", which the window already covers");
  }
  const auto width = static_cast<std::int64_t>(slots_.size());
  const std::int64_t gap = second - newest_second_;
  if (gap >= width) {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    sums_ = WindowCounts{};
    newest_slot_ = static_cast<std::size_t>(second % width);
  } else {
    for (std::int64_t k = 0; k < gap; ++k) {
      newest_slot_ = newest_slot_ + 1 == slots_.size() ? 0 : newest_slot_ + 1;
      Slot& leaving = slots_[newest_slot_];  // held the second that just left the window
      sums_.succeeded -= leaving.succeeded;
      sums_.offered -= leaving.offered;
      leaving = Slot{};
    }
  }
  newest_second_ = second;
  second_end_us_ = (second + 1) * kSecondUs;
}

}  // namespace faultline::engine
