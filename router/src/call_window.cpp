#include "faultline/router/call_window.hpp"

#include <algorithm>

namespace faultline::router {
namespace {

constexpr std::int64_t kMicrosPerSecond = 1000000;

std::int64_t floor_second(Micros now) {
  const std::int64_t us = now.count();
  return us >= 0 ? us / kMicrosPerSecond : -((-us + kMicrosPerSecond - 1) / kMicrosPerSecond);
}

}  // namespace

CallWindow::CallWindow(WindowType type, std::uint32_t size) : type_(type), size_(size), buckets_(size) {}

void CallWindow::reset() {
  std::fill(buckets_.begin(), buckets_.end(), Bucket{});
  next_ = 0;
  has_head_ = false;
  calls_ = failures_ = slow_ = 0;
}

void CallWindow::evict_until(std::int64_t second) {
  if (!has_head_) {
    head_second_ = second;
    has_head_ = true;
    return;
  }
  if (second <= head_second_) return;  // same second (or a caller whose time went back): no eviction
  const std::int64_t steps = std::min<std::int64_t>(second - head_second_, size_);
  for (std::int64_t s = 1; s <= steps; ++s) {
    Bucket& b = buckets_[static_cast<std::size_t>((head_second_ + s) % size_ + size_) % size_];
    calls_ -= b.calls;
    failures_ -= b.failures;
    slow_ -= b.slow;
    b = Bucket{};
  }
  head_second_ = second;
}

void CallWindow::record(bool is_failure, bool is_slow, Micros now) {
  const std::uint32_t failure = is_failure ? 1 : 0;
  const std::uint32_t slow = is_slow ? 1 : 0;
  Bucket* bucket = nullptr;
  if (type_ == WindowType::kCount) {
    bucket = &buckets_[next_];
    calls_ -= bucket->calls;
    failures_ -= bucket->failures;
    slow_ -= bucket->slow;
    *bucket = Bucket{};
    next_ = next_ + 1 == size_ ? 0 : next_ + 1;
  } else {
    evict_until(floor_second(now));
    bucket = &buckets_[static_cast<std::size_t>((head_second_ % size_ + size_) % size_)];
  }
  bucket->calls += 1;
  bucket->failures += failure;
  bucket->slow += slow;
  calls_ += 1;
  failures_ += failure;
  slow_ += slow;
}

}  // namespace faultline::router
