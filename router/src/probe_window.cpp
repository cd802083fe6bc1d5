#include "faultline/router/probe_window.hpp"

namespace faultline::router {

ProbeWindow::ProbeWindow(const ProbeConfig& config)
    : size_(static_cast<std::uint32_t>(config.sample_size)),
      required_(static_cast<std::uint32_t>(config.successful_samples_required)),
      timeout_(config.timeout),
      bits_(config.sample_size >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << config.sample_size) - 1),
      success_count_(size_),
      latencies_(size_, Micros{0}) {}

bool ProbeWindow::record(int status, Micros latency) {
  const bool is_success = status == 200 && latency <= timeout_;
  const std::uint64_t bit = std::uint64_t{1} << next_;
  if ((bits_ & bit) != 0) --success_count_;
  if ((measured_bits_ & bit) != 0) {
    measured_sum_ -= latencies_[next_];
    --measured_count_;
    measured_bits_ &= ~bit;
  }
  if (is_success) {
    bits_ |= bit;
    ++success_count_;
    latencies_[next_] = latency;
    measured_bits_ |= bit;
    measured_sum_ += latency;
    ++measured_count_;
  } else {
    bits_ &= ~bit;
  }
  next_ = next_ + 1 == size_ ? 0 : next_ + 1;
  if (measured_count_ > 0) {
    latency_ = measured_sum_ / measured_count_;
    has_latency_ = true;
  }
  const bool was_healthy = is_healthy_;
  is_healthy_ = success_count_ >= required_;
  return was_healthy != is_healthy_;
}

}  // namespace faultline::router
