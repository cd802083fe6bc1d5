#pragma once
// Envoy outlier detection (consecutive 5xx) for every endpoint of a router, in fixed memory.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "faultline/router/router_config.hpp"
#include "faultline/router/router_types.hpp"

namespace faultline::router {

/// Ejects an endpoint after `consecutive_5xx` 5xx or timeout (status 0) results in a row, for
/// min(base_ejection_time x multiplier, max_ejection_time), where the multiplier counts ejections and
/// drops by one per `interval` spent in service (Envoy). At most max_ejection_percent of the
/// endpoints are ejected at once, but one always may be (Envoy docs). All memory is allocated here.
class OutlierDetector {
 public:
  /// Detector for `endpoints` endpoints (at most kMaxEndpoints) with a valid `config`.
  OutlierDetector(const OutlierConfig& config, std::size_t endpoints);

  /// Records the HTTP status (0 = timeout) of a call to `endpoint` at `now`; true when it ejects the endpoint.
  bool record(std::size_t endpoint, int status, Micros now);
  /// Ends the ejections due at or before `now`; returns the endpoints put back in service.
  EndpointMask release(Micros now);

  /// True while `endpoint` is ejected.
  bool is_ejected(std::size_t endpoint) const { return ((ejected_ >> endpoint) & 1U) != 0; }
  /// Endpoints ejected now.
  EndpointMask ejected() const { return ejected_; }
  /// End of the current ejection of `endpoint` (meaningful while ejected).
  Micros ejection_end(std::size_t endpoint) const { return ejection_end_[endpoint]; }
  /// Ejection multiplier of `endpoint` (ejections, less one per interval in service), as of its last ejection.
  std::int64_t multiplier(std::size_t endpoint) const { return multiplier_[endpoint]; }
  /// Earliest ejection end, or kNever when nothing is ejected.
  Micros deadline() const { return deadline_; }

 private:
  bool may_eject() const;
  void refresh_deadline();

  OutlierConfig config_;
  std::size_t endpoints_;
  std::vector<std::int64_t> consecutive_;  // 5xx/timeouts in a row, per endpoint
  std::vector<std::int64_t> multiplier_;   // Envoy's ejection time backoff, per endpoint
  std::vector<Micros> ejection_end_;
  std::vector<Micros> returned_at_;  // end of the last ejection (multiplier decay starts there)
  EndpointMask ejected_ = 0;
  Micros deadline_ = kNever;
};

}  // namespace faultline::router
