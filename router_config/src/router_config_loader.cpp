#include "faultline/router_config/router_config_loader.hpp"

#include <cmath>
#include <utility>
#include <vector>

namespace faultline::router_config {
namespace {

using base::JsonReader;
using base::LoadError;
using nlohmann::json;
using router::Micros;

// The reader only checks types; router::find_config_error judges ranges. These
// bounds, far beyond every limit of the validator, keep the conversions to
// integers and to microseconds exact.
constexpr double kMaxNumberRead = 1e12;
constexpr double kMaxSecondsRead = 1e9;

void read_integer(base::JsonReader& r, const json& object, const std::string& path, std::string_view key,
                  std::int64_t& out) {
  if (const auto v = r.number(object, path, key,
                              {.is_required = false,
                               .min = -kMaxNumberRead,
                               .max = kMaxNumberRead,
                               .is_integer = true,
                               .allowed = "an integer"})) {
    out = static_cast<std::int64_t>(*v);
  }
}

void read_number(base::JsonReader& r, const json& object, const std::string& path, std::string_view key, double& out) {
  if (const auto v =
          r.number(object, path, key, {.min = -kMaxNumberRead, .max = kMaxNumberRead, .allowed = "a number"})) {
    out = *v;
  }
}

// A duration in `unit_us` units (1000 for *_ms, 1000000 for *_s); fractions allowed, rounded to 1 us.
void read_duration(base::JsonReader& r, const json& object, const std::string& path, std::string_view key,
                   std::int64_t unit_us, Micros& out) {
  const double limit = kMaxSecondsRead * 1e6 / static_cast<double>(unit_us);
  const char* allowed = unit_us == 1000 ? "a number of milliseconds" : "a number of seconds";
  if (const auto v = r.number(object, path, key, {.min = -limit, .max = limit, .allowed = allowed})) {
    out = Micros{static_cast<std::int64_t>(std::llround(*v * static_cast<double>(unit_us)))};
  }
}

void read_bool(base::JsonReader& r, const json& object, const std::string& path, std::string_view key, bool& out) {
  if (const auto v = r.boolean(object, path, key, {.is_required = false})) out = *v;
}

template <typename Enum>
void read_choice(base::JsonReader& r, const json& object, const std::string& path, std::string_view key,
                 const std::vector<std::pair<std::string, Enum>>& choices, Enum& out) {
  std::vector<std::string> names;
  for (const auto& choice : choices) names.push_back(choice.first);
  const auto name = r.one_of(object, path, key, {.is_required = false}, names);
  if (!name) return;
  for (const auto& [choice_name, value] : choices) {
    if (choice_name == *name) out = value;
  }
}

// `keys` plus, for a gateway file, `gateway_keys`.
std::vector<std::string> allowed(std::vector<std::string> keys, KeySet set,
                                 const std::vector<std::string>& gateway_keys) {
  if (set == KeySet::kGateway) keys.insert(keys.end(), gateway_keys.begin(), gateway_keys.end());
  return keys;
}

router::EndpointConfig read_endpoint(base::JsonReader& r, const json& value, const std::string& path, KeySet keys) {
  router::EndpointConfig e;
  if (!r.expect_object(value, path, "an endpoint object with \"name\"")) return e;
  r.check_keys(value, path,
               allowed({"name", "priority", "weight", "boundary", "latency_ms", "enabled"}, keys,
                       {"url", "api_key_env", "auth"}));
  e.name = r.string(value, path, "name", {.is_required = true, .allowed = "a unique non-empty string"}).value_or("");
  read_integer(r, value, path, "priority", e.priority);
  read_integer(r, value, path, "weight", e.weight);
  if (auto boundary = r.string(value, path, "boundary", {.allowed = "a boundary name such as \"EU\", or no key"})) {
    e.boundary = std::move(*boundary);
  }
  read_duration(r, value, path, "latency_ms", 1000, e.latency);
  read_bool(r, value, path, "enabled", e.is_enabled);
  return e;
}

// The section `key` of the configuration at `path` if present (and an object), its keys checked.
const json* section(base::JsonReader& r, const json& config, const std::string& path, std::string_view key,
                    const std::vector<std::string>& keys) {
  const json* s = r.object(config, path, key, {.is_required = false});
  if (s != nullptr) r.check_keys(*s, base::JsonReader::at(path, key), keys);
  return s;
}

// The `outlier` (Envoy) and `cooldown` (LiteLLM) sections.
void read_mechanisms(base::JsonReader& r, const json& value, const std::string& path, router::RouterConfig& config) {
  if (const json* s = section(
          r, value, path, "outlier",
          {"consecutive_5xx", "base_ejection_time_s", "max_ejection_time_s", "max_ejection_percent", "interval_s"})) {
    const std::string at = base::JsonReader::at(path, "outlier");
    router::OutlierConfig outlier;
    read_integer(r, *s, at, "consecutive_5xx", outlier.consecutive_5xx);
    read_duration(r, *s, at, "base_ejection_time_s", 1000000, outlier.base_ejection_time);
    read_duration(r, *s, at, "max_ejection_time_s", 1000000, outlier.max_ejection_time);
    read_integer(r, *s, at, "max_ejection_percent", outlier.max_ejection_percent);
    read_duration(r, *s, at, "interval_s", 1000000, outlier.interval);
    config.outlier = outlier;
  }
  if (const json* s = section(r, value, path, "cooldown",
                              {"cooldown_time_s", "allowed_fails", "failure_threshold_percent",
                               "failure_threshold_minimum_requests", "non_retryable_statuses"})) {
    const std::string at = base::JsonReader::at(path, "cooldown");
    router::CooldownConfig cooldown;
    read_duration(r, *s, at, "cooldown_time_s", 1000000, cooldown.cooldown_time);
    if (s->contains("allowed_fails")) {
      std::int64_t allowed_fails = 0;
      read_integer(r, *s, at, "allowed_fails", allowed_fails);
      cooldown.allowed_fails = allowed_fails;
    }
    read_number(r, *s, at, "failure_threshold_percent", cooldown.failure_threshold_percent);
    read_integer(r, *s, at, "failure_threshold_minimum_requests", cooldown.failure_threshold_minimum_requests);
    if (const json* statuses = r.array(*s, at, "non_retryable_statuses", {.allowed = "an array of HTTP statuses"})) {
      const std::string list_at = base::JsonReader::at(at, "non_retryable_statuses");
      cooldown.non_retryable_statuses.clear();
      for (std::size_t i = 0; i < statuses->size(); ++i) {
        const json& status = (*statuses)[i];
        if (!status.is_number_integer()) {
          r.error(base::JsonReader::at(list_at, i), std::string("expected an integer, got ") + status.type_name(),
                  "an HTTP status from 400 to 599 other than 429");
          continue;
        }
        cooldown.non_retryable_statuses.push_back(status.get<std::int64_t>());
      }
    }
    config.cooldown = cooldown;
  }
}

void read_sections(base::JsonReader& r, const json& value, const std::string& path, router::RouterConfig& config,
                   KeySet keys) {
  if (const json* s =
          section(r, value, path, "selection",
                  {"latency_band_ms", "when_none_healthy", "overprovisioning_factor", "panic_threshold_percent"})) {
    const std::string at = base::JsonReader::at(path, "selection");
    read_duration(r, *s, at, "latency_band_ms", 1000, config.selection.latency_band);
    read_choice<router::WhenNoneHealthy>(r, *s, at, "when_none_healthy",
                                         {{"spread", router::WhenNoneHealthy::kSpread},
                                          {"fail", router::WhenNoneHealthy::kFail},
                                          {"priority", router::WhenNoneHealthy::kPriority}},
                                         config.selection.when_none_healthy);
    // Either key turns Envoy's priority load on, the other keeping its Envoy default.
    if (s->contains("overprovisioning_factor") || s->contains("panic_threshold_percent")) {
      router::PrioritySpillConfig spill;
      read_number(r, *s, at, "overprovisioning_factor", spill.overprovisioning_factor);
      read_number(r, *s, at, "panic_threshold_percent", spill.panic_threshold_percent);
      config.selection.spill = spill;
    }
  }
  if (const json* s = section(
          r, value, path, "probe",
          allowed({"interval_s", "sample_size", "successful_samples_required", "timeout_ms"}, keys, {"path"}))) {
    const std::string at = base::JsonReader::at(path, "probe");
    router::ProbeConfig probe;
    read_duration(r, *s, at, "interval_s", 1000000, probe.interval);
    read_integer(r, *s, at, "sample_size", probe.sample_size);
    read_integer(r, *s, at, "successful_samples_required", probe.successful_samples_required);
    read_duration(r, *s, at, "timeout_ms", 1000, probe.timeout);
    config.probe = probe;
  }
  if (const json* s =
          section(r, value, path, "breaker",
                  {"window_type", "window_size", "minimum_calls", "failure_rate_threshold", "slow_call_duration_ms",
                   "slow_call_rate_threshold", "open_wait_s", "open_wait_multiplier", "half_open_calls"})) {
    const std::string at = base::JsonReader::at(path, "breaker");
    router::BreakerConfig breaker;
    read_choice<router::WindowType>(r, *s, at, "window_type",
                                    {{"count", router::WindowType::kCount}, {"time", router::WindowType::kTime}},
                                    breaker.window_type);
    read_integer(r, *s, at, "window_size", breaker.window_size);
    read_integer(r, *s, at, "minimum_calls", breaker.minimum_calls);
    read_number(r, *s, at, "failure_rate_threshold", breaker.failure_rate_threshold);
    read_duration(r, *s, at, "slow_call_duration_ms", 1000, breaker.slow_call_duration);
    read_number(r, *s, at, "slow_call_rate_threshold", breaker.slow_call_rate_threshold);
    read_duration(r, *s, at, "open_wait_s", 1000000, breaker.open_wait);
    read_number(r, *s, at, "open_wait_multiplier", breaker.open_wait_multiplier);
    read_integer(r, *s, at, "half_open_calls", breaker.half_open_calls);
    config.breaker = breaker;
  }
  if (const json* s = section(r, value, path, "throttle", {"honor_retry_after", "default_cooldown_s"})) {
    const std::string at = base::JsonReader::at(path, "throttle");
    router::ThrottleConfig throttle;
    read_bool(r, *s, at, "honor_retry_after", throttle.is_retry_after_honored);
    read_duration(r, *s, at, "default_cooldown_s", 1000000, throttle.default_cooldown);
    config.throttle = throttle;
  }
  read_mechanisms(r, value, path, config);
  if (const json* s = section(r, value, path, "failover",
                              {"validate_for_s", "failback_checks", "hold_down_s", "check_interval_s"})) {
    const std::string at = base::JsonReader::at(path, "failover");
    router::FailoverConfig failover;
    read_duration(r, *s, at, "validate_for_s", 1000000, failover.validate_for);
    read_integer(r, *s, at, "failback_checks", failover.failback_checks);
    read_duration(r, *s, at, "hold_down_s", 1000000, failover.hold_down);
    read_duration(r, *s, at, "check_interval_s", 1000000, failover.check_interval);
    config.failover = failover;
  }
  if (const json* s = section(r, value, path, "retry", {"max_attempts", "budget_percent"})) {
    const std::string at = base::JsonReader::at(path, "retry");
    router::RetryConfig retry;
    read_integer(r, *s, at, "max_attempts", retry.max_attempts);
    read_number(r, *s, at, "budget_percent", retry.budget_percent);
    config.retry = retry;
  }
}

// The configuration read from `root`, or RouterConfigError with every problem in `errors`, one per line.
router::RouterConfig config_or_throw(const std::optional<json>& root, const std::string& file,
                                     std::vector<base::LoadError>& errors, KeySet keys) {
  std::optional<router::RouterConfig> config;
  if (root) {
    base::JsonReader reader(file, errors);
    config = read_router_config(reader, *root, "", keys);
  }
  if (config) return std::move(*config);
  std::string message;
  for (const base::LoadError& e : errors) message += (message.empty() ? "" : "\n") + e.to_string();
  throw RouterConfigError(message);
}

}  // namespace

std::optional<router::RouterConfig> read_router_config(base::JsonReader& reader, const json& value,
                                                       const std::string& path, KeySet keys) {
  const std::size_t errors_before = reader.error_count();
  if (!reader.expect_object(value, path, "an object with \"endpoints\", as in docs/router.md")) {
    return std::nullopt;
  }
  reader.check_keys(
      value, path,
      allowed({"endpoints", "selection", "probe", "breaker", "throttle", "outlier", "cooldown", "failover", "retry"},
              keys, {"gateway"}));
  router::RouterConfig config;
  if (const json* endpoints =
          reader.array(value, path, "endpoints", {.is_required = true, .allowed = "an array of endpoint objects"})) {
    for (std::size_t i = 0; i < endpoints->size(); ++i) {
      config.endpoints.push_back(read_endpoint(reader, (*endpoints)[i],
                                               base::JsonReader::at(base::JsonReader::at(path, "endpoints"), i), keys));
    }
  }
  read_sections(reader, value, path, config, keys);
  if (reader.error_count() != errors_before) return std::nullopt;
  // The router's own validator holds every range rule; its message says what is wrong and what is allowed.
  if (const auto err = router::find_config_error(config)) {
    reader.error(base::JsonReader::at(path, err->path), err->message, "");
    return std::nullopt;
  }
  return config;
}

router::RouterConfig parse_router_config(std::string_view text, const std::string& source) {
  std::vector<base::LoadError> errors;
  const auto root = base::JsonReader::parse(text, source, errors);
  return config_or_throw(root, source, errors, KeySet::kRouter);
}

router::RouterConfig load_router_config(const std::filesystem::path& path, KeySet keys) {
  std::vector<base::LoadError> errors;
  const auto root = base::JsonReader::parse_file(path, errors);
  return config_or_throw(root, path.string(), errors, keys);
}

}  // namespace faultline::router_config
