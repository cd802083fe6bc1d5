#include "faultline/router/retry_budget.hpp"

#include <algorithm>
#include <cmath>

namespace faultline::router {
namespace {

std::int64_t floor_second(Micros now) {
  const std::int64_t us = now.count();
  return us >= 0 ? us / 1000000 : -((-us + 999999) / 1000000);
}

std::size_t slot_of(std::int64_t second) {
  return static_cast<std::size_t>(((second % RetryBudget::kWindowSeconds) + RetryBudget::kWindowSeconds) %
                                  RetryBudget::kWindowSeconds);
}

}  // namespace

RetryBudget::Bucket& RetryBudget::bucket_at(Micros now) {
  if (has_current_ && now >= current_start_ && now < current_end_) return buckets_[current_];
  const std::int64_t second = floor_second(now);
  current_ = slot_of(second);
  has_current_ = true;
  Bucket& b = buckets_[current_];
  if (b.second != second) b = Bucket{second, 0, 0};
  current_start_ = Micros{second * 1000000};
  current_end_ = current_start_ + Micros{1000000};
  return b;
}

void RetryBudget::record_request(Micros now) { ++bucket_at(now).requests; }

void RetryBudget::record_retry(Micros now) { ++bucket_at(now).retries; }

std::uint32_t RetryBudget::sum(Micros now, bool is_requests) const {
  const std::int64_t second = floor_second(now);
  std::uint32_t total = 0;
  for (const Bucket& b : buckets_) {
    if (b.second <= second && b.second > second - kWindowSeconds) total += is_requests ? b.requests : b.retries;
  }
  return total;
}

bool RetryBudget::allows_retry(Micros now) const {
  const double share = std::floor(percent_ * static_cast<double>(requests(now)) / 100.0);
  const double limit = std::max(static_cast<double>(kMinRetries), share);
  return static_cast<double>(retries(now)) < limit;
}

}  // namespace faultline::router
