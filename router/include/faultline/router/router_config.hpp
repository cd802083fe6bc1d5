#pragma once
// Router configuration: the replay-format keys as plain data, with defaults and
// one validator shared by the JSON loader and programmatic users.
// Defaults and their sources are listed in docs/router.md. Integer fields are
// 64-bit so that a loader can hand over any value it read and let the validator
// name it in its message.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "faultline/router/router_types.hpp"

namespace faultline::router {

/// One endpoint (a regional gateway or model deployment).
struct EndpointConfig {
  std::string name;
  std::int64_t priority = 1;            // 1 is tried first (Front Door: 1-5, default 1)
  std::int64_t weight = 50;             // 1-1000 (Front Door default 50)
  std::optional<std::string> boundary;  // residency boundary; absent = location unknown
  Micros latency{0};                    // static latency estimate (`latency_ms`)
  bool is_enabled = true;               // `enabled`: a disabled endpoint is never picked
};

/// What to do when no endpoint is available (`selection.when_none_healthy`): spread
/// round-robin over all (Front Door docs), fail the request, or route by priority,
/// latency band and weight as if all were healthy (what a reported Front Door issue saw).
enum class WhenNoneHealthy : std::uint8_t { kSpread, kFail, kPriority };

/// Envoy priority load: levels (endpoints with one priority value) get traffic by health, spilling
/// to the next level what the first lacks; a level below the panic threshold ignores health.
/// On iff `selection.overprovisioning_factor` or `selection.panic_threshold_percent` is present.
struct PrioritySpillConfig {
  double overprovisioning_factor = 1.4;  // Envoy: 140 percent
  double panic_threshold_percent = 50;   // Envoy healthy_panic_threshold: 50 %; 0 disables panic
};

struct SelectionConfig {
  Micros latency_band{0};                                        // `latency_band_ms` (Front Door classic: 0 ms)
  WhenNoneHealthy when_none_healthy = WhenNoneHealthy::kSpread;  // Front Door docs: spread
  std::optional<PrioritySpillConfig> spill;                      // absent: strict priority (lowest value first)
};

/// Active health probes, Front Door semantics.
struct ProbeConfig {
  Micros interval = std::chrono::seconds(30);    // `interval_s` (Front Door probe page: 30 s)
  std::int64_t sample_size = 4;                  // `sample_size` n (Front Door classic: 4)
  std::int64_t successful_samples_required = 2;  // x (Front Door classic: 2)
  Micros timeout = std::chrono::seconds(10);     // `timeout_ms` (Traffic Manager default: 10 s)
};

/// Sliding window kind of the circuit breaker.
enum class WindowType : std::uint8_t { kCount, kTime };

/// Circuit breaker, resilience4j semantics and defaults.
struct BreakerConfig {
  WindowType window_type = WindowType::kCount;
  std::int64_t window_size = 100;  // calls (count) or whole seconds (time)
  std::int64_t minimum_calls = 100;
  double failure_rate_threshold = 50;                    // percent, trips at >=
  Micros slow_call_duration = std::chrono::seconds(60);  // `slow_call_duration_ms`; slower is slow
  double slow_call_rate_threshold = 100;                 // percent, trips at >=
  Micros open_wait = std::chrono::seconds(60);           // `open_wait_s`
  double open_wait_multiplier = 1;                       // growth per consecutive re-open
  std::int64_t half_open_calls = 10;
};

/// Throttling (429) handling.
struct ThrottleConfig {
  bool is_retry_after_honored = true;                 // `honor_retry_after` (APIM acceptRetryAfter)
  Micros default_cooldown = std::chrono::seconds(5);  // `default_cooldown_s` (LiteLLM: 5 s)
};

/// Envoy outlier detection (consecutive 5xx), Envoy names and defaults.
struct OutlierConfig {
  std::int64_t consecutive_5xx = 5;                      // 5xx or timeouts in a row that eject
  Micros base_ejection_time = std::chrono::seconds(30);  // `base_ejection_time_s`, x times ejected
  Micros max_ejection_time = std::chrono::seconds(300);  // `max_ejection_time_s`, cap of one ejection
  std::int64_t max_ejection_percent = 10;                // share of endpoints ejected at once (at least one)
  Micros interval = std::chrono::seconds(10);  // `interval_s`: the multiplier drops by 1 per interval in service
};

/// LiteLLM deployment cooldown, LiteLLM names and defaults.
struct CooldownConfig {
  Micros cooldown_time = std::chrono::seconds(5);  // `cooldown_time_s` (LiteLLM DEFAULT_COOLDOWN_TIME_SECONDS)
  std::optional<std::int64_t> allowed_fails;       // present: LiteLLM's v1 rule (fails this minute > allowed_fails)
  double failure_threshold_percent = 50;           // DEFAULT_FAILURE_THRESHOLD_PERCENT (rate >, v2 rule)
  std::int64_t failure_threshold_minimum_requests = 5;            // DEFAULT_FAILURE_THRESHOLD_MINIMUM_REQUESTS
  std::vector<std::int64_t> non_retryable_statuses = {401, 404};  // cool down at once (v2 rule)
};

/// Application-level failover controller of seeds/004 (no published numbers; faultline defaults).
struct FailoverConfig {
  Micros validate_for = std::chrono::seconds(60);    // `validate_for_s`
  std::int64_t failback_checks = 3;                  // `failback_checks`
  Micros hold_down = std::chrono::seconds(300);      // `hold_down_s`
  Micros check_interval = std::chrono::seconds(10);  // `check_interval_s` (addition to DESIGN)
};

/// Retries: per-request cap and budget.
struct RetryConfig {
  std::int64_t max_attempts = 3;  // attempts including the first (resilience4j Retry default 3)
  double budget_percent = 20;     // retries as a share of requests, last 10 s (Envoy default 20 %)
};

/// A whole router configuration. A mechanism is active iff its section is present.
struct RouterConfig {
  std::vector<EndpointConfig> endpoints;
  SelectionConfig selection;
  std::optional<ProbeConfig> probe;
  std::optional<BreakerConfig> breaker;
  std::optional<ThrottleConfig> throttle;
  std::optional<OutlierConfig> outlier;
  std::optional<CooldownConfig> cooldown;
  std::optional<FailoverConfig> failover;
  std::optional<RetryConfig> retry;
};

/// A configuration error: the replay-format path (e.g. "endpoints[2].weight") and what is wrong and allowed.
struct ConfigError {
  std::string path;
  std::string message;
};

/// The first value out of range in `config`, or nothing when the configuration is valid.
std::optional<ConfigError> find_config_error(const RouterConfig& config);

/// A duration as the shortest decimal number of `unit_us`-sized units, e.g. 1500 ms -> "1.5" with unit 1 s.
std::string format_duration(Micros value, std::int64_t unit_us);

}  // namespace faultline::router
