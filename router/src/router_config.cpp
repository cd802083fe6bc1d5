#include "faultline/router/router_config.hpp"

#include <cmath>
#include <cstdlib>
#include <sstream>

namespace faultline::router {
namespace {

// Upper bounds keep every per-endpoint buffer small and every product in range.
constexpr std::int64_t kMaxPriority = 1000;
constexpr std::int64_t kMaxWeight = 1000;
constexpr std::int64_t kMaxCountWindow = 100000;  // calls
constexpr std::int64_t kMaxTimeWindow = 3600;     // seconds (one bucket per second)
constexpr std::int64_t kMaxHalfOpenCalls = 100000;
constexpr std::int64_t kMaxAttempts = 100;
constexpr std::int64_t kMaxDurationUs = 7LL * 24 * 3600 * 1000000;  // one week

std::string number_text(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

std::optional<ConfigError> duration_error(const std::string& path, const std::string& key, Micros value,
                                          std::int64_t unit_us, bool is_zero_allowed) {
  const bool is_low = is_zero_allowed ? value.count() < 0 : value.count() <= 0;
  if (is_low || value.count() > kMaxDurationUs) {
    const std::string unit = unit_us == 1000 ? "ms" : "s";
    return ConfigError{path, key + " must be " + (is_zero_allowed ? "from 0" : "greater than 0") + " and at most " +
                                 format_duration(Micros{kMaxDurationUs}, unit_us) + " " + unit + ", got " +
                                 format_duration(value, unit_us)};
  }
  return std::nullopt;
}

std::optional<ConfigError> integer_error(const std::string& path, const std::string& key, std::int64_t value,
                                         std::int64_t lo, std::int64_t hi) {
  if (value < lo || value > hi) {
    return ConfigError{path, key + " must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi) +
                                 ", got " + std::to_string(value)};
  }
  return std::nullopt;
}

std::optional<ConfigError> percent_error(const std::string& path, const std::string& key, double value,
                                         bool is_zero_allowed) {
  const bool is_low = is_zero_allowed ? !(value >= 0) : !(value > 0);
  if (is_low || value > 100) {
    return ConfigError{path, key + " must be a percentage " + (is_zero_allowed ? "from 0" : "greater than 0") +
                                 " and at most 100, got " + number_text(value)};
  }
  return std::nullopt;
}

std::optional<ConfigError> endpoints_error(const std::vector<EndpointConfig>& endpoints) {
  if (endpoints.empty() || endpoints.size() > kMaxEndpoints) {
    return ConfigError{"endpoints", "endpoints must list from 1 to " + std::to_string(kMaxEndpoints) +
                                        " endpoints, got " + std::to_string(endpoints.size())};
  }
  for (std::size_t i = 0; i < endpoints.size(); ++i) {
    const EndpointConfig& e = endpoints[i];
    const std::string at = "endpoints[" + std::to_string(i) + "]";
    if (e.name.empty()) return ConfigError{at + ".name", "name must be a non-empty string"};
    for (std::size_t j = 0; j < i; ++j) {
      if (endpoints[j].name == e.name) {
        return ConfigError{at + ".name",
                           "name must be unique, \"" + e.name + "\" is also endpoints[" + std::to_string(j) + "].name"};
      }
    }
    if (auto err = integer_error(at + ".priority", "priority", e.priority, 1, kMaxPriority)) return err;
    if (auto err = integer_error(at + ".weight", "weight", e.weight, 1, kMaxWeight)) return err;
    if (e.boundary && e.boundary->empty()) {
      return ConfigError{at + ".boundary", "boundary must be a non-empty string such as \"EU\" (or absent)"};
    }
    if (auto err = duration_error(at + ".latency_ms", "latency_ms", e.latency, 1000, true)) return err;
  }
  return std::nullopt;
}

std::optional<ConfigError> breaker_error(const BreakerConfig& b) {
  if (b.window_type == WindowType::kCount) {
    if (auto err = integer_error("breaker.window_size", "window_size (calls, count window)", b.window_size, 1,
                                 kMaxCountWindow)) {
      return err;
    }
  } else if (auto err = integer_error("breaker.window_size", "window_size (seconds, time window)", b.window_size, 1,
                                      kMaxTimeWindow)) {
    return err;
  }
  if (auto err = integer_error("breaker.minimum_calls", "minimum_calls", b.minimum_calls, 1, 1000000000)) return err;
  if (auto err =
          percent_error("breaker.failure_rate_threshold", "failure_rate_threshold", b.failure_rate_threshold, false)) {
    return err;
  }
  if (auto err =
          duration_error("breaker.slow_call_duration_ms", "slow_call_duration_ms", b.slow_call_duration, 1000, false)) {
    return err;
  }
  if (auto err = percent_error("breaker.slow_call_rate_threshold", "slow_call_rate_threshold",
                               b.slow_call_rate_threshold, false)) {
    return err;
  }
  if (auto err = duration_error("breaker.open_wait_s", "open_wait_s", b.open_wait, 1000000, false)) return err;
  if (!(b.open_wait_multiplier >= 1) || b.open_wait_multiplier > 100) {
    return ConfigError{"breaker.open_wait_multiplier", "open_wait_multiplier must be a number from 1 to 100, got " +
                                                           number_text(b.open_wait_multiplier)};
  }
  return integer_error("breaker.half_open_calls", "half_open_calls", b.half_open_calls, 1, kMaxHalfOpenCalls);
}

std::optional<ConfigError> spill_error(const PrioritySpillConfig& s) {
  if (!(s.overprovisioning_factor > 0) || s.overprovisioning_factor > 10) {
    return ConfigError{"selection.overprovisioning_factor",
                       "overprovisioning_factor must be a number greater than 0 and at most 10 (Envoy's 140 percent "
                       "is 1.4 here), got " +
                           number_text(s.overprovisioning_factor)};
  }
  return percent_error("selection.panic_threshold_percent", "panic_threshold_percent", s.panic_threshold_percent, true);
}

std::optional<ConfigError> outlier_error(const OutlierConfig& o) {
  if (auto err = integer_error("outlier.consecutive_5xx", "consecutive_5xx", o.consecutive_5xx, 1, 1000000)) {
    return err;
  }
  if (auto err = duration_error("outlier.base_ejection_time_s", "base_ejection_time_s", o.base_ejection_time, 1000000,
                                false)) {
    return err;
  }
  if (auto err =
          duration_error("outlier.max_ejection_time_s", "max_ejection_time_s", o.max_ejection_time, 1000000, false)) {
    return err;
  }
  if (o.max_ejection_time < o.base_ejection_time) {
    return ConfigError{"outlier.max_ejection_time_s", "max_ejection_time_s must be at least base_ejection_time_s (" +
                                                          format_duration(o.base_ejection_time, 1000000) + "), got " +
                                                          format_duration(o.max_ejection_time, 1000000)};
  }
  if (auto err = integer_error("outlier.max_ejection_percent", "max_ejection_percent (percent)", o.max_ejection_percent,
                               0, 100)) {
    return err;
  }
  return duration_error("outlier.interval_s", "interval_s", o.interval, 1000000, false);
}

std::optional<ConfigError> cooldown_error(const CooldownConfig& c) {
  if (auto err = duration_error("cooldown.cooldown_time_s", "cooldown_time_s", c.cooldown_time, 1000000, true)) {
    return err;
  }
  if (c.allowed_fails) {
    if (auto err = integer_error("cooldown.allowed_fails", "allowed_fails", *c.allowed_fails, 0, 1000000)) return err;
  }
  if (auto err = percent_error("cooldown.failure_threshold_percent", "failure_threshold_percent",
                               c.failure_threshold_percent, true)) {
    return err;
  }
  if (auto err = integer_error("cooldown.failure_threshold_minimum_requests", "failure_threshold_minimum_requests",
                               c.failure_threshold_minimum_requests, 1, 1000000)) {
    return err;
  }
  if (c.non_retryable_statuses.size() > 100) {
    return ConfigError{"cooldown.non_retryable_statuses",
                       "non_retryable_statuses must list at most 100 statuses, got " +
                           std::to_string(c.non_retryable_statuses.size())};
  }
  for (std::size_t i = 0; i < c.non_retryable_statuses.size(); ++i) {
    const std::int64_t status = c.non_retryable_statuses[i];
    if (status < 400 || status > 599 || status == 429) {
      return ConfigError{"cooldown.non_retryable_statuses[" + std::to_string(i) + "]",
                         "a non-retryable status must be an HTTP status from 400 to 599 other than 429 (429 always "
                         "cools down when other endpoints exist), got " +
                             std::to_string(status)};
    }
  }
  return std::nullopt;
}

}  // namespace

std::string format_duration(Micros value, std::int64_t unit_us) {
  const std::int64_t us = value.count();
  std::string sign = us < 0 ? "-" : "";
  const std::uint64_t magnitude = us < 0 ? 0 - static_cast<std::uint64_t>(us) : static_cast<std::uint64_t>(us);
  const auto unit = static_cast<std::uint64_t>(unit_us);
  std::string text = sign + std::to_string(magnitude / unit);
  std::uint64_t rest = magnitude % unit;
  if (rest != 0) {
    std::string digits;
    for (std::uint64_t scale = unit / 10; scale > 0 && rest != 0; scale /= 10) {
      digits += static_cast<char>('0' + rest / scale);
      rest %= scale;
    }
    text += "." + digits;
  }
  return text;
}

std::optional<ConfigError> find_config_error(const RouterConfig& config) {
  if (auto err = endpoints_error(config.endpoints)) return err;
  if (auto err =
          duration_error("selection.latency_band_ms", "latency_band_ms", config.selection.latency_band, 1000, true)) {
    return err;
  }
  if (config.selection.spill) {
    if (auto err = spill_error(*config.selection.spill)) return err;
  }
  if (config.probe) {
    const ProbeConfig& p = *config.probe;
    if (auto err = duration_error("probe.interval_s", "interval_s", p.interval, 1000000, false)) return err;
    if (auto err = integer_error("probe.sample_size", "sample_size", p.sample_size, 1, 64)) return err;
    if (auto err =
            integer_error("probe.successful_samples_required", "successful_samples_required (at most sample_size)",
                          p.successful_samples_required, 1, p.sample_size)) {
      return err;
    }
    if (auto err = duration_error("probe.timeout_ms", "timeout_ms", p.timeout, 1000, false)) return err;
  }
  if (config.breaker) {
    if (auto err = breaker_error(*config.breaker)) return err;
  }
  if (config.throttle) {
    if (auto err = duration_error("throttle.default_cooldown_s", "default_cooldown_s",
                                  config.throttle->default_cooldown, 1000000, true)) {
      return err;
    }
  }
  if (config.outlier) {
    if (auto err = outlier_error(*config.outlier)) return err;
  }
  if (config.cooldown) {
    if (auto err = cooldown_error(*config.cooldown)) return err;
  }
  if (config.failover) {
    const FailoverConfig& f = *config.failover;
    if (config.endpoints.size() < 2) {
      return ConfigError{"failover", "failover needs at least 2 endpoints (a primary and a secondary), got " +
                                         std::to_string(config.endpoints.size())};
    }
    if (auto err = duration_error("failover.validate_for_s", "validate_for_s", f.validate_for, 1000000, true)) {
      return err;
    }
    if (auto err = integer_error("failover.failback_checks", "failback_checks", f.failback_checks, 1, 1000000)) {
      return err;
    }
    if (auto err = duration_error("failover.hold_down_s", "hold_down_s", f.hold_down, 1000000, true)) return err;
    if (auto err = duration_error("failover.check_interval_s", "check_interval_s", f.check_interval, 1000000, false)) {
      return err;
    }
  }
  if (config.retry) {
    if (auto err = integer_error("retry.max_attempts", "max_attempts", config.retry->max_attempts, 1, kMaxAttempts)) {
      return err;
    }
    if (auto err = percent_error("retry.budget_percent", "budget_percent", config.retry->budget_percent, true)) {
      return err;
    }
  }
  return std::nullopt;
}

}  // namespace faultline::router
