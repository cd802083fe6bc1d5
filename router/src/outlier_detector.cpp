#include "faultline/router/outlier_detector.hpp"

#include <algorithm>
#include <bit>

namespace faultline::router {

namespace {

// Envoy counts 5xx responses and local-origin errors (timeouts, resets: status 0 here) as 5xx.
bool is_5xx(int status) { return status == 0 || (status >= 500 && status <= 599); }

}  // namespace

OutlierDetector::OutlierDetector(const OutlierConfig& config, std::size_t endpoints)
    : config_(config),
      endpoints_(endpoints),
      consecutive_(endpoints, 0),
      multiplier_(endpoints, 0),
      ejection_end_(endpoints, Micros{0}),
      returned_at_(endpoints, Micros{0}) {}

bool OutlierDetector::may_eject() const {
  // Envoy: the first ejection always happens; others while the ejected share is below the maximum.
  const auto active = static_cast<std::int64_t>(std::popcount(ejected_));
  return active == 0 || active * 100 < config_.max_ejection_percent * static_cast<std::int64_t>(endpoints_);
}

bool OutlierDetector::record(std::size_t endpoint, int status, Micros now) {
  if (is_ejected(endpoint)) return false;  // Envoy ignores results of an ejected host
  if (!is_5xx(status)) {
    consecutive_[endpoint] = 0;  // any other status (2xx, 4xx, 429) breaks the run
    return false;
  }
  if (++consecutive_[endpoint] < config_.consecutive_5xx) return false;
  consecutive_[endpoint] = 0;  // Envoy resets the counter whether or not the ejection is allowed
  if (!may_eject()) return false;
  // The multiplier dropped by one per whole interval spent in service since the last ejection ended.
  std::int64_t& m = multiplier_[endpoint];
  if (m > 0) m = std::max<std::int64_t>(0, m - (now - returned_at_[endpoint]) / config_.interval);
  if (m * config_.base_ejection_time.count() < (config_.max_ejection_time + config_.base_ejection_time).count()) ++m;
  const Micros duration = std::min(config_.base_ejection_time * m, config_.max_ejection_time);
  ejection_end_[endpoint] = now + duration;
  ejected_ |= EndpointMask{1} << endpoint;
  deadline_ = std::min(deadline_, ejection_end_[endpoint]);
  return true;
}

EndpointMask OutlierDetector::release(Micros now) {
  if (now < deadline_) return 0;
  EndpointMask released = 0;
  for (EndpointMask m = ejected_; m != 0; m &= m - 1) {
    const auto i = static_cast<std::size_t>(std::countr_zero(m));
    if (now < ejection_end_[i]) continue;
    released |= EndpointMask{1} << i;
    returned_at_[i] = now;
    consecutive_[i] = 0;
  }
  ejected_ &= ~released;
  refresh_deadline();
  return released;
}

void OutlierDetector::refresh_deadline() {
  deadline_ = kNever;
  for (EndpointMask m = ejected_; m != 0; m &= m - 1) {
    deadline_ = std::min(deadline_, ejection_end_[static_cast<std::size_t>(std::countr_zero(m))]);
  }
}

}  // namespace faultline::router
