#include "faultline/engine/router_config_loader.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <type_traits>
#include <vector>

#include "faultline/engine/sim_time.hpp"

namespace faultline::engine {
namespace {

using nlohmann::json;
using router::Micros;

// The simulator hands its SimDuration to the router unchanged.
static_assert(std::is_same_v<Micros, SimDuration>, "router time and simulated time must be the same type");

// Values beyond this are rejected before conversion, so the conversion to
// microseconds cannot overflow; the validator's own limits are far smaller.
constexpr double kMaxSecondsRead = 1e9;

class Reader {
 public:
  explicit Reader(std::string source) : source_(std::move(source)) {}

  [[noreturn]] void fail(const std::string& path, const std::string& message) const {
    throw RouterConfigError(source_ + ": " + (path.empty() ? "" : path + ": ") + message);
  }

  static std::string shown(const json& value) {
    std::string text = value.dump();
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return text;
  }

  void require_object(const json& value, const std::string& path, std::initializer_list<std::string_view> allowed) const {
    if (!value.is_object()) fail(path, (path.empty() ? "the configuration" : "this") + std::string(" must be an object, got ") + shown(value));
    for (const auto& [key, item] : value.items()) {
      (void)item;
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string message = "unknown key \"" + key + "\"";
      const std::string near = nearest_key(key, allowed);
      if (!near.empty()) message += " (did you mean \"" + near + "\"?)";
      message += "; allowed keys: ";
      bool is_first = true;
      for (std::string_view a : allowed) {
        message += (is_first ? "" : ", ") + std::string(a);
        is_first = false;
      }
      fail(join(path, key), message);
    }
  }

  static std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }

  void read_integer(const json& obj, const std::string& path, std::string_view key, std::int64_t& out) const {
    if (!obj.contains(key)) return;
    const json& v = obj.at(key);
    if (v.is_number_unsigned()) {
      const auto u = v.get<std::uint64_t>();
      out = u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
                ? std::numeric_limits<std::int64_t>::max()
                : static_cast<std::int64_t>(u);
      return;
    }
    if (v.is_number_integer()) {
      out = v.get<std::int64_t>();
      return;
    }
    fail(join(path, key), std::string(key) + " must be an integer, got " + shown(v));
  }

  void read_number(const json& obj, const std::string& path, std::string_view key, double& out) const {
    if (!obj.contains(key)) return;
    const json& v = obj.at(key);
    if (!v.is_number()) fail(join(path, key), std::string(key) + " must be a number, got " + shown(v));
    out = v.get<double>();
  }

  // A duration in `unit_us` units (1000 for *_ms, 1000000 for *_s); fractions allowed, rounded to 1 us.
  void read_duration(const json& obj, const std::string& path, std::string_view key, std::int64_t unit_us,
                     Micros& out) const {
    if (!obj.contains(key)) return;
    const json& v = obj.at(key);
    if (!v.is_number()) {
      fail(join(path, key), std::string(key) + " must be a number of " + (unit_us == 1000 ? "milliseconds" : "seconds") +
                                ", got " + shown(v));
    }
    const double value = v.get<double>();
    const double limit = kMaxSecondsRead * 1e6 / static_cast<double>(unit_us);
    if (!(std::fabs(value) <= limit)) fail(join(path, key), std::string(key) + " is out of range, got " + shown(v));
    out = Micros{static_cast<std::int64_t>(std::llround(value * static_cast<double>(unit_us)))};
  }

  void read_whole_seconds(const json& obj, const std::string& path, std::string_view key, Micros& out) const {
    if (!obj.contains(key)) return;
    std::int64_t seconds = 0;
    read_integer(obj, path, key, seconds);
    if (seconds < 0 || seconds > static_cast<std::int64_t>(kMaxSecondsRead)) {
      fail(join(path, key), std::string(key) + " must be a whole number of seconds from 0, got " + shown(obj.at(key)));
    }
    out = std::chrono::seconds(seconds);
  }

  void read_bool(const json& obj, const std::string& path, std::string_view key, bool& out) const {
    if (!obj.contains(key)) return;
    const json& v = obj.at(key);
    if (!v.is_boolean()) fail(join(path, key), std::string(key) + " must be true or false, got " + shown(v));
    out = v.get<bool>();
  }

  std::string read_string(const json& obj, const std::string& path, std::string_view key) const {
    const json& v = obj.at(key);
    if (!v.is_string()) fail(join(path, key), std::string(key) + " must be a string, got " + shown(v));
    return v.get<std::string>();
  }

  template <typename Enum>
  void read_choice(const json& obj, const std::string& path, std::string_view key,
                   std::initializer_list<std::pair<std::string_view, Enum>> choices, Enum& out) const {
    if (!obj.contains(key)) return;
    const json& v = obj.at(key);
    std::string allowed;
    for (const auto& [name, value] : choices) {
      (void)value;
      allowed += (allowed.empty() ? "\"" : " or \"") + std::string(name) + "\"";
    }
    if (v.is_string()) {
      for (const auto& [name, value] : choices) {
        if (v.get<std::string>() == name) {
          out = value;
          return;
        }
      }
    }
    fail(join(path, key), std::string(key) + " must be " + allowed + ", got " + shown(v));
  }

 private:
  std::string source_;
};

router::EndpointConfig read_endpoint(const Reader& r, const json& value, const std::string& path) {
  r.require_object(value, path, {"name", "priority", "weight", "boundary", "latency_ms", "enabled"});
  router::EndpointConfig e;
  if (!value.contains("name")) r.fail(path + ".name", "name is required (a unique non-empty string)");
  e.name = r.read_string(value, path, "name");
  r.read_integer(value, path, "priority", e.priority);
  r.read_integer(value, path, "weight", e.weight);
  if (value.contains("boundary")) e.boundary = r.read_string(value, path, "boundary");
  r.read_duration(value, path, "latency_ms", 1000, e.latency);
  r.read_bool(value, path, "enabled", e.is_enabled);
  return e;
}

router::RouterConfig read_config(const Reader& r, const json& root) {
  r.require_object(root, "", {"endpoints", "selection", "probe", "breaker", "throttle", "failover", "retry"});
  router::RouterConfig config;
  if (!root.contains("endpoints")) r.fail("endpoints", "endpoints is required (an array of endpoint objects)");
  const json& endpoints = root.at("endpoints");
  if (!endpoints.is_array()) r.fail("endpoints", "endpoints must be an array, got " + Reader::shown(endpoints));
  for (std::size_t i = 0; i < endpoints.size(); ++i) {
    config.endpoints.push_back(read_endpoint(r, endpoints[i], "endpoints[" + std::to_string(i) + "]"));
  }
  if (root.contains("selection")) {
    const json& s = root.at("selection");
    r.require_object(s, "selection", {"latency_band_ms", "when_none_healthy"});
    r.read_duration(s, "selection", "latency_band_ms", 1000, config.selection.latency_band);
    r.read_choice<router::WhenNoneHealthy>(
        s, "selection", "when_none_healthy",
        {{"spread", router::WhenNoneHealthy::kSpread}, {"fail", router::WhenNoneHealthy::kFail}},
        config.selection.when_none_healthy);
  }
  if (root.contains("probe")) {
    const json& p = root.at("probe");
    r.require_object(p, "probe", {"interval_s", "sample_size", "successful_samples_required", "timeout_ms"});
    router::ProbeConfig probe;
    r.read_duration(p, "probe", "interval_s", 1000000, probe.interval);
    r.read_integer(p, "probe", "sample_size", probe.sample_size);
    r.read_integer(p, "probe", "successful_samples_required", probe.successful_samples_required);
    r.read_duration(p, "probe", "timeout_ms", 1000, probe.timeout);
    config.probe = probe;
  }
  if (root.contains("breaker")) {
    const json& b = root.at("breaker");
    r.require_object(b, "breaker",
                     {"window_type", "window_size", "minimum_calls", "failure_rate_threshold", "slow_call_duration_ms",
                      "slow_call_rate_threshold", "open_wait_s", "open_wait_multiplier", "half_open_calls"});
    router::BreakerConfig breaker;
    r.read_choice<router::WindowType>(b, "breaker", "window_type",
                                      {{"count", router::WindowType::kCount}, {"time", router::WindowType::kTime}},
                                      breaker.window_type);
    r.read_integer(b, "breaker", "window_size", breaker.window_size);
    r.read_integer(b, "breaker", "minimum_calls", breaker.minimum_calls);
    r.read_number(b, "breaker", "failure_rate_threshold", breaker.failure_rate_threshold);
    r.read_duration(b, "breaker", "slow_call_duration_ms", 1000, breaker.slow_call_duration);
    r.read_number(b, "breaker", "slow_call_rate_threshold", breaker.slow_call_rate_threshold);
    r.read_duration(b, "breaker", "open_wait_s", 1000000, breaker.open_wait);
    r.read_number(b, "breaker", "open_wait_multiplier", breaker.open_wait_multiplier);
    r.read_integer(b, "breaker", "half_open_calls", breaker.half_open_calls);
    config.breaker = breaker;
  }
  if (root.contains("throttle")) {
    const json& t = root.at("throttle");
    r.require_object(t, "throttle", {"honor_retry_after", "default_cooldown_s"});
    router::ThrottleConfig throttle;
    r.read_bool(t, "throttle", "honor_retry_after", throttle.is_retry_after_honored);
    r.read_duration(t, "throttle", "default_cooldown_s", 1000000, throttle.default_cooldown);
    config.throttle = throttle;
  }
  if (root.contains("failover")) {
    const json& f = root.at("failover");
    r.require_object(f, "failover", {"validate_for_s", "failback_checks", "hold_down_s", "check_interval_s"});
    router::FailoverConfig failover;
    r.read_duration(f, "failover", "validate_for_s", 1000000, failover.validate_for);
    r.read_integer(f, "failover", "failback_checks", failover.failback_checks);
    r.read_duration(f, "failover", "hold_down_s", 1000000, failover.hold_down);
    r.read_duration(f, "failover", "check_interval_s", 1000000, failover.check_interval);
    config.failover = failover;
  }
  if (root.contains("retry")) {
    const json& t = root.at("retry");
    r.require_object(t, "retry", {"max_attempts", "budget_percent"});
    router::RetryConfig retry;
    r.read_integer(t, "retry", "max_attempts", retry.max_attempts);
    r.read_number(t, "retry", "budget_percent", retry.budget_percent);
    config.retry = retry;
  }
  if (auto err = router::find_config_error(config)) r.fail(err->path, err->message);
  return config;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string nearest_key(std::string_view word, std::initializer_list<std::string_view> allowed) {
  std::string best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (std::string_view candidate : allowed) {
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(candidate);
    }
  }
  // Suggest only plausible typos: at most a third of the longer word changed.
  const std::size_t longest = std::max(word.size(), best.size());
  return best_distance * 3 <= longest ? best : std::string();
}

router::RouterConfig parse_router_config(std::string_view text, const std::string& source) {
  json root;
  try {
    root = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    // e.byte is the 1-based offset of the offending character.
    const std::size_t end = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < end; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string detail = e.what();
    const std::size_t colon = detail.find(": ", detail.find("column"));
    if (colon != std::string::npos) detail = detail.substr(colon + 2);
    throw RouterConfigError(source + ":" + std::to_string(line) + ":" + std::to_string(column) +
                            ": malformed JSON: " + detail);
  }
  return read_config(Reader(source), root);
}

router::RouterConfig load_router_config(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RouterConfigError(path.string() + ": cannot open the router configuration file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_router_config(text.str(), path.string());
}

}  // namespace faultline::engine
