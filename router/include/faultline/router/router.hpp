#pragma once
// The production routing decision: which endpoint serves a request, now.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/router/circuit_breaker.hpp"
#include "faultline/router/cooldown_policy.hpp"
#include "faultline/router/failover_controller.hpp"
#include "faultline/router/outlier_detector.hpp"
#include "faultline/router/priority_load.hpp"
#include "faultline/router/probe_window.hpp"
#include "faultline/router/retry_budget.hpp"
#include "faultline/router/router_config.hpp"
#include "faultline/router/router_observer.hpp"
#include "faultline/router/router_types.hpp"

namespace faultline::router {

/// Combines probes, breaker, throttling, outlier detection, cooldown, the failover
/// controller, selection (strict priority or priority load), residency and retries for up to 64 endpoints (see
/// docs/router.md). Pure decision code: every entry point takes `now` (never reads a clock, never sleeps, never does
/// I/O); all memory is allocated by the constructor. Timers (cooldown end, open -> half_open, controller switches) fire
/// inside the first entry point called at or after their deadline, stamped with that call's `now`; call
/// tick(next_wakeup()) to have them fire on time. `now` must not decrease. Not thread-safe: one router per thread, or a
/// lock around it.
class Router {
 public:
  /// Router for a valid `config` (throws std::invalid_argument naming the first
  /// bad key otherwise); `observer` (may be null) must outlive the router.
  explicit Router(RouterConfig config, RouterObserver* observer = nullptr);

  /// The configuration in use.
  const RouterConfig& config() const { return config_; }
  /// Number of endpoints.
  std::size_t endpoint_count() const { return config_.endpoints.size(); }
  /// Name of endpoint `endpoint` (index in configuration order).
  const std::string& endpoint_name(std::size_t endpoint) const { return config_.endpoints[endpoint].name; }
  /// Index of the endpoint called `name`, or kNoEndpoint.
  std::size_t find_endpoint(std::string_view name) const;
  /// Interned id of a boundary label (kUnknownBoundary when no endpoint declares it).
  BoundaryId boundary_id(std::string_view boundary) const;

  /// Chooses the endpoint for the next attempt of `request` at `now` and updates
  /// `request` (attempts, tried). A request with attempts > 0 is a retry: it must
  /// pass may_retry and avoids the endpoints it already tried.
  Pick pick(Request& request, Micros now);
  /// Whether `request` may make another attempt at `now` (kNone: yes), without side effects.
  NoEndpointReason may_retry(const Request& request, Micros now) const;
  /// Reports a finished call to `endpoint`: HTTP status (0 = timeout), latency, and for
  /// a 429 the Retry-After (negative = absent).
  void report_call(std::size_t endpoint, int status, Micros latency, Micros now, Micros retry_after = Micros{-1});
  /// Reports an active probe (or background check) result of `endpoint`.
  void report_probe(std::size_t endpoint, int status, Micros latency, Micros now);
  /// One endpoint whose probe or controller check is due at `now` (marked as sent), or
  /// kNoEndpoint. Call repeatedly until kNoEndpoint, send the probes, report them.
  std::size_t next_due_probe(Micros now);
  /// Lets the timers due at or before `now` fire.
  void tick(Micros now) { advance(now); }
  /// Earliest time at which a timer fires or a probe or check becomes due (kNever if none).
  Micros next_wakeup() const;

  /// True when `endpoint` may be chosen by normal selection now (last entry point's view).
  bool is_available(std::size_t endpoint) const { return ((available_ >> endpoint) & 1U) != 0; }
  /// Probe verdict for `endpoint` (true when probes are not configured).
  bool is_probe_healthy(std::size_t endpoint) const;
  /// Breaker state of `endpoint` (closed when no breaker is configured).
  BreakerState breaker_state(std::size_t endpoint) const;
  /// True while `endpoint` is cooling down (a 429 with `throttle`, or a `cooldown` decision).
  bool is_cooling_down(std::size_t endpoint) const { return endpoints_[endpoint].is_cooling; }
  /// True while `endpoint` is ejected by outlier detection (false when it is not configured).
  bool is_ejected(std::size_t endpoint) const { return outlier_ && outlier_->is_ejected(endpoint); }
  /// Outlier detection state (null when the `outlier` section is absent).
  const OutlierDetector* outlier_detector() const { return outlier_ ? &*outlier_ : nullptr; }
  /// LiteLLM cooldown counts (null when the `cooldown` section is absent).
  const CooldownPolicy* cooldown_policy() const { return cooldown_ ? &*cooldown_ : nullptr; }
  /// Priority load state of the last pick (null unless selection.overprovisioning_factor or
  /// selection.panic_threshold_percent is set).
  const PriorityLoad* priority_load() const { return spill_ ? &*spill_ : nullptr; }
  /// Latency used for the latency band: measured by probes once known, else latency_ms.
  Micros effective_latency(std::size_t endpoint) const { return latency_[endpoint]; }
  /// Failover controller state (normal when not configured).
  ControllerState controller_state() const;

 private:
  struct EndpointRuntime {
    std::optional<ProbeWindow> probe;
    std::optional<CircuitBreaker> breaker;
    bool is_cooling = false;
    StateCause cooldown_cause = StateCause::kThrottle;  // mechanism that started the cooldown
    Micros cooldown_until{0};
    Micros next_probe{std::numeric_limits<std::int64_t>::min()};
  };

  void advance(Micros now);
  void refresh(std::size_t endpoint);
  void refresh_deadline();
  void start_cooldown(std::size_t endpoint, Micros duration, Micros now, StateCause cause);
  void release_ejections(Micros now);
  void record_passive(std::size_t endpoint, int status, Micros now, Micros retry_after);
  std::size_t select_by_load(EndpointMask allowed, EndpointMask candidates, EndpointMask tried);
  void on_primary_result(std::size_t endpoint, bool is_good, Micros now);
  std::size_t select(EndpointMask candidates);
  std::size_t spread(EndpointMask allowed);
  void notify(Micros now, std::size_t endpoint, EndpointState state, StateCause cause);

  RouterConfig config_;
  RouterObserver* observer_;
  std::vector<EndpointRuntime> endpoints_;
  // Hot selection data, one entry per endpoint, kept apart for cache locality.
  std::vector<std::uint32_t> priority_;
  std::vector<std::int64_t> weight_;
  std::vector<Micros> latency_;
  std::vector<std::int64_t> current_weight_;  // smooth weighted round-robin state
  std::vector<std::string> boundaries_;       // interned labels; index = BoundaryId
  std::vector<EndpointMask> boundary_masks_;  // endpoints inside each boundary
  EndpointMask enabled_ = 0;
  EndpointMask available_ = 0;
  std::size_t spread_cursor_ = 0;
  Micros next_deadline_ = kNever;
  std::optional<FailoverController> controller_;
  std::optional<RetryBudget> budget_;
  std::optional<OutlierDetector> outlier_;
  std::optional<CooldownPolicy> cooldown_;
  std::optional<PriorityLoad> spill_;
};

}  // namespace faultline::router
