#include "faultline/engine/model/availability_counter.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace faultline::engine {

AvailabilityCounter::AvailabilityCounter(SloConfig slo)
    : success_ratio_(slo.success_ratio),
      latency_slo_(slo.latency.value_or(SimDuration::max())),
      window_us_(slo.window.count()),
      window_end_us_(slo.window.count()) {
  if (!(slo.success_ratio >= 0.0 && slo.success_ratio <= 1.0)) {
    throw std::invalid_argument("AvailabilityCounter: SLO success ratio must be in [0, 1], got " +
                                std::to_string(slo.success_ratio));
  }
  if (window_us_ < 1'000'000 || window_us_ % 1'000'000 != 0) {
    throw std::invalid_argument("AvailabilityCounter: SLO window must be a whole number of seconds >= 1 s, got " +
                                std::to_string(window_us_) + " us");
  }
  if (slo.latency && slo.latency->count() < 0) {
    throw std::invalid_argument("AvailabilityCounter: latency SLO must be >= 0");
  }
}

void AvailabilityCounter::close_window() {
  if (window_offered_ == 0) return;
  ++windows_with_traffic_;
  if (static_cast<double>(window_good_) >= success_ratio_ * static_cast<double>(window_offered_)) {
    ++windows_with_traffic_met_;
  }
  window_offered_ = 0;
  window_good_ = 0;
}

void AvailabilityCounter::move_to(std::int64_t us) {
  if (is_finished_) throw std::logic_error("AvailabilityCounter: record after finish()");
  if (us < 0) throw std::invalid_argument("AvailabilityCounter: negative time " + std::to_string(us) + " us");
  if (us < window_end_us_ - window_us_) {
    throw std::logic_error("AvailabilityCounter: time " + std::to_string(us) +
                           " us is in a window already closed (records must be in time order)");
  }
  close_window();
  window_end_us_ = (us / window_us_ + 1) * window_us_;
}

void AvailabilityCounter::finish(SimTime run_end) {
  if (is_finished_) throw std::logic_error("AvailabilityCounter: finish() called twice");
  const std::int64_t end_us = run_end.time_since_epoch().count();
  // The open window starts at or before the latest record, so a run end before its
  // start means records after the run end. A record exactly at the run end opens
  // the window starting there, which then counts as one more window.
  const std::int64_t open_start_us = window_end_us_ - window_us_;
  if (end_us < open_start_us) {
    throw std::logic_error("AvailabilityCounter: run end " + std::to_string(end_us) +
                           " us is before recorded requests");
  }
  const bool is_open_window_used = window_offered_ > 0;
  close_window();
  windows_ = static_cast<std::uint64_t>((end_us + window_us_ - 1) / window_us_);
  if (is_open_window_used) {
    windows_ = std::max(windows_, static_cast<std::uint64_t>(open_start_us / window_us_ + 1));
  }
  is_finished_ = true;
  window_end_us_ = 0;  // every later record() takes the checked path and throws
}

std::optional<double> AvailabilityCounter::availability() const {
  if (offered_ == 0) return std::nullopt;
  return static_cast<double>(succeeded_) / static_cast<double>(offered_);
}

void AvailabilityCounter::require_finished(const char* what) const {
  if (!is_finished_) throw std::logic_error(std::string("AvailabilityCounter::") + what + " before finish()");
}

std::uint64_t AvailabilityCounter::windows() const {
  require_finished("windows()");
  return windows_;
}

std::uint64_t AvailabilityCounter::windows_met() const {
  require_finished("windows_met()");
  return windows_with_traffic_met_ + (windows_ - windows_with_traffic_);
}

std::optional<double> AvailabilityCounter::slo_window_share() const {
  require_finished("slo_window_share()");
  if (windows_ == 0) return std::nullopt;
  return static_cast<double>(windows_met()) / static_cast<double>(windows_);
}

}  // namespace faultline::engine
