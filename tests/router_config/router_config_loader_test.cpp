#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "faultline/router_config/router_config_loader.hpp"

using faultline::router_config::parse_router_config;
using faultline::router_config::RouterConfigError;
using namespace faultline::router;

namespace {

// The error message for `text`, or "" if it parsed.
std::string error_of(const std::string& text) {
  try {
    parse_router_config(text, "cfg.json");
  } catch (const RouterConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("router config loader: every key of the replay format, with defaults", "[router][config]") {
  SECTION("a minimal configuration: endpoint defaults, no mechanism") {
    const RouterConfig c = parse_router_config(R"({"endpoints": [{"name": "a"}]})", "cfg.json");
    REQUIRE(c.endpoints.size() == 1);
    CHECK(c.endpoints[0].priority == 1);
    CHECK(c.endpoints[0].weight == 50);
    CHECK_FALSE(c.endpoints[0].boundary.has_value());
    CHECK(c.endpoints[0].latency == Micros{0});
    CHECK(c.selection.when_none_healthy == WhenNoneHealthy::kSpread);
    CHECK_FALSE(c.probe);
    CHECK_FALSE(c.breaker);
    CHECK_FALSE(c.throttle);
    CHECK_FALSE(c.failover);
    CHECK_FALSE(c.retry);
  }
  SECTION("an empty section turns the mechanism on with its documented defaults") {
    const RouterConfig c = parse_router_config(
        R"({"endpoints": [{"name": "a"}, {"name": "b"}], "probe": {}, "breaker": {}, "throttle": {},
            "failover": {}, "retry": {}})",
        "cfg.json");
    CHECK(c.probe->interval == std::chrono::seconds(30));
    CHECK(c.probe->sample_size == 4);
    CHECK(c.probe->successful_samples_required == 2);
    CHECK(c.breaker->window_size == 100);
    CHECK(c.breaker->minimum_calls == 100);
    CHECK(c.breaker->failure_rate_threshold == 50);
    CHECK(c.breaker->open_wait == std::chrono::seconds(60));
    CHECK(c.breaker->half_open_calls == 10);
    CHECK(c.throttle->default_cooldown == std::chrono::seconds(5));
    CHECK(c.throttle->is_retry_after_honored);
    CHECK(c.failover->hold_down == std::chrono::seconds(300));
    CHECK(c.retry->max_attempts == 3);
  }
  SECTION("all keys set") {
    const RouterConfig c = parse_router_config(R"({
      "endpoints": [{"name": "eu1", "priority": 2, "weight": 7, "boundary": "EU", "latency_ms": 12.5, "enabled": false},
                    {"name": "us1"}],
      "selection": {"latency_band_ms": 30, "when_none_healthy": "fail"},
      "probe": {"interval_s": 10, "sample_size": 5, "successful_samples_required": 3, "timeout_ms": 2000},
      "breaker": {"window_type": "time", "window_size": 30, "minimum_calls": 4, "failure_rate_threshold": 40,
                  "slow_call_duration_ms": 1500, "slow_call_rate_threshold": 90, "open_wait_s": 15,
                  "open_wait_multiplier": 1.5, "half_open_calls": 3},
      "throttle": {"honor_retry_after": false, "default_cooldown_s": 2},
      "failover": {"validate_for_s": 45, "failback_checks": 4, "hold_down_s": 600, "check_interval_s": 5},
      "retry": {"max_attempts": 2, "budget_percent": 10}})",
                                               "cfg.json");
    CHECK(c.endpoints[0].latency == Micros{12500});
    CHECK(*c.endpoints[0].boundary == "EU");
    CHECK_FALSE(c.endpoints[0].is_enabled);
    CHECK(c.selection.latency_band == std::chrono::milliseconds(30));
    CHECK(c.selection.when_none_healthy == WhenNoneHealthy::kFail);
    CHECK(c.probe->timeout == std::chrono::milliseconds(2000));
    CHECK(c.breaker->window_type == WindowType::kTime);
    CHECK(c.breaker->open_wait_multiplier == 1.5);
    CHECK(c.breaker->slow_call_duration == std::chrono::milliseconds(1500));
    CHECK_FALSE(c.throttle->is_retry_after_honored);
    CHECK(c.failover->check_interval == std::chrono::seconds(5));
    CHECK(c.retry->budget_percent == 10);
  }
}

TEST_CASE("router config loader: bad input names the file, the JSON path, what is wrong and what is allowed",
          "[router][config]") {
  // Range problems come from router::find_config_error (its message says what is allowed);
  // type and key problems from the shared base::JsonReader ("... (allowed: ...)").
  CHECK(error_of(R"({"endpoints": [{"name": "a"}, {"name": "b"}, {"name": "c", "weight": 0}]})") ==
        "cfg.json: endpoints[2].weight: weight must be an integer from 1 to 1000, got 0");
  CHECK(error_of(R"({"endpoints": [{"name": "a", "weight": 2.5}]})") ==
        "cfg.json: endpoints[0].weight: 2.5 is not an integer (allowed: an integer)");
  CHECK(error_of(R"({"endpoints": [{"name": "a", "weigth": 5}]})") ==
        "cfg.json: endpoints[0].weigth: unknown key \"weigth\"; did you mean \"weight\"? (allowed: name, "
        "priority, weight, boundary, latency_ms, enabled)");
  CHECK(error_of(R"({"endpoints": [{"name": "a"}], "breakers": {}})") ==
        "cfg.json: breakers: unknown key \"breakers\"; did you mean \"breaker\"? (allowed: endpoints, "
        "selection, probe, breaker, throttle, outlier, cooldown, failover, retry)");
  CHECK_THAT(error_of(R"({"endpoints": [{"name": "a"}], "probe": {"zzz": 1}})"),
             Catch::StartsWith("cfg.json: probe.zzz: unknown key \"zzz\" (allowed: interval_s"));
  CHECK(error_of(R"({"endpoints": [{"name": "a"}], "probe": {"sample_size": 3, "successful_samples_required": 4}})") ==
        "cfg.json: probe.successful_samples_required: successful_samples_required (at most sample_size) must be an "
        "integer from 1 to 3, got 4");
  CHECK(error_of(R"({"endpoints": [{"name": "a"}], "breaker": {"window_type": "sliding"}})") ==
        "cfg.json: breaker.window_type: unknown value \"sliding\" (allowed: count, time)");
  CHECK(error_of(R"({"endpoints": [{"name": "a"}], "breaker": {"failure_rate_threshold": 0}})") ==
        "cfg.json: breaker.failure_rate_threshold: failure_rate_threshold must be a percentage greater than 0 and "
        "at most 100, got 0");
  CHECK(error_of(R"({"endpoints": [{"name": "a"}], "breaker": {"open_wait_s": -1}})") ==
        "cfg.json: breaker.open_wait_s: open_wait_s must be greater than 0 and at most 604800 s, got -1");
  CHECK(error_of(R"({"endpoints": [{"name": "a"}], "breaker": {"open_wait_s": "1m"}})") ==
        "cfg.json: breaker.open_wait_s: expected a number, got string (allowed: a number of seconds)");
  CHECK(error_of(R"({"endpoints": [{"name": "a"}], "selection": {"when_none_healthy": "panic"}})") ==
        "cfg.json: selection.when_none_healthy: unknown value \"panic\" (allowed: spread, fail, priority)");
  CHECK(error_of(R"({"endpoints": [{"name": "a"}], "failover": {}})") ==
        "cfg.json: failover: failover needs at least 2 endpoints (a primary and a secondary), got 1");
  CHECK(error_of(R"({"endpoints": []})") == "cfg.json: endpoints: endpoints must list from 1 to 64 endpoints, got 0");
  CHECK(error_of(R"({"endpoints": [{"priority": 1}]})") ==
        "cfg.json: endpoints[0].name: missing required key \"name\" (allowed: a unique non-empty string)");
  CHECK(error_of(R"({"endpoints": [{"name": "a", "boundary": 5}]})") ==
        "cfg.json: endpoints[0].boundary: expected a string, got number (allowed: a boundary name such as \"EU\", "
        "or no key)");
  CHECK(error_of(R"([1, 2])") ==
        "cfg.json: expected an object, got array (allowed: an object with \"endpoints\", as in docs/router.md)");
  CHECK(error_of(R"({"selection": {}})") ==
        "cfg.json: endpoints: missing required key \"endpoints\" (allowed: an array of endpoint objects)");
  CHECK(error_of(R"({"endpoints": [{"name": "a"}], "retry": {"budget_percent": 120}})") ==
        "cfg.json: retry.budget_percent: budget_percent must be a percentage from 0 and at most 100, got 120");
}

TEST_CASE("router config loader: every problem is reported, one per line", "[router][config]") {
  // Three reading problems in one file; the validator is not consulted while reading failed.
  CHECK(error_of(R"({"endpoints": [{"name": "a", "weight": 2.5, "weigth": 1}], "probe": {"sample_size": "4"}})") ==
        "cfg.json: endpoints[0].weigth: unknown key \"weigth\"; did you mean \"weight\"? (allowed: name, priority, "
        "weight, boundary, latency_ms, enabled)\n"
        "cfg.json: endpoints[0].weight: 2.5 is not an integer (allowed: an integer)\n"
        "cfg.json: probe.sample_size: expected a number, got string (allowed: an integer)");
}

TEST_CASE("router config loader: read_router_config reports under the caller's JSON path", "[router][config]") {
  using faultline::base::JsonReader;
  using faultline::base::LoadError;
  std::vector<faultline::base::LoadError> errors;
  faultline::base::JsonReader reader("scenario.json", errors);
  SECTION("a good configuration, no errors") {
    const auto config = faultline::router_config::read_router_config(
        reader, nlohmann::json::parse(R"({"endpoints": [{"name": "a"}]})"), "patterns[1].router");
    REQUIRE(config);
    CHECK(config->endpoints.size() == 1);
    CHECK(errors.empty());
  }
  SECTION("reading and validator problems carry the full path") {
    CHECK_FALSE(faultline::router_config::read_router_config(
        reader, nlohmann::json::parse(R"({"endpoints": [{"name": "a", "enabled": 1}]})"), "patterns[1].router"));
    CHECK_FALSE(faultline::router_config::read_router_config(
        reader, nlohmann::json::parse(R"({"endpoints": [{"name": "a"}], "breaker": {"minimum_calls": 0}})"),
        "patterns[2].router"));
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].to_string() ==
          "scenario.json: patterns[1].router.endpoints[0].enabled: expected true or false, got number (allowed: true "
          "or false)");
    CHECK(errors[1].to_string() ==
          "scenario.json: patterns[2].router.breaker.minimum_calls: minimum_calls must be an integer from 1 to "
          "1000000000, got 0");
  }
}

TEST_CASE("router config loader: malformed JSON reports line and column", "[router][config]") {
  CHECK_THAT(error_of("{\n  \"endpoints\": [\n    {\"name\": \"a\",}\n  ]\n}"),
             Catch::StartsWith("cfg.json:3:18: syntax error while parsing object key") &&
                 Catch::EndsWith("(allowed: JSON (RFC 8259): no comments, no trailing commas)"));
  CHECK_THAT(error_of("{\"endpoints\": [}"), Catch::StartsWith("cfg.json:1:16: syntax error"));
}

TEST_CASE("router config loader: a missing file is a clear error", "[router][config]") {
  CHECK_THROWS_WITH(faultline::router_config::load_router_config("/nonexistent/router.json"),
                    "/nonexistent/router.json: no such file (allowed: a readable JSON file)");
}

TEST_CASE("router config loader: the outlier, cooldown and priority load keys", "[router][config]") {
  SECTION("present sections with their documented defaults") {
    const auto c = faultline::router_config::parse_router_config(
        R"({"endpoints": [{"name": "a"}, {"name": "b"}], "outlier": {}, "cooldown": {},
            "selection": {"panic_threshold_percent": 50}})",
        "cfg.json");
    REQUIRE(c.outlier);
    CHECK(c.outlier->consecutive_5xx == 5);
    CHECK(c.outlier->base_ejection_time == std::chrono::seconds(30));
    CHECK(c.outlier->max_ejection_time == std::chrono::seconds(300));
    CHECK(c.outlier->max_ejection_percent == 10);
    CHECK(c.outlier->interval == std::chrono::seconds(10));
    REQUIRE(c.cooldown);
    CHECK(c.cooldown->cooldown_time == std::chrono::seconds(5));
    CHECK_FALSE(c.cooldown->allowed_fails);
    CHECK(c.cooldown->failure_threshold_percent == 50);
    CHECK(c.cooldown->failure_threshold_minimum_requests == 5);
    CHECK(c.cooldown->non_retryable_statuses == std::vector<std::int64_t>{401, 404});
    REQUIRE(c.selection.spill);  // either key turns it on; the other keeps Envoy's default
    CHECK(c.selection.spill->overprovisioning_factor == 1.4);
  }
  SECTION("absent: off") {
    const auto c = faultline::router_config::parse_router_config(R"({"endpoints": [{"name": "a"}]})", "cfg.json");
    CHECK_FALSE(c.outlier);
    CHECK_FALSE(c.cooldown);
    CHECK_FALSE(c.selection.spill);
  }
  SECTION("set values") {
    const auto c = faultline::router_config::parse_router_config(
        R"({"endpoints": [{"name": "a"}, {"name": "b"}],
            "outlier": {"consecutive_5xx": 3, "base_ejection_time_s": 10, "max_ejection_time_s": 60,
                        "max_ejection_percent": 50, "interval_s": 5},
            "cooldown": {"cooldown_time_s": 2.5, "allowed_fails": 3, "non_retryable_statuses": [401, 403, 404]},
            "selection": {"overprovisioning_factor": 1.2}})",
        "cfg.json");
    CHECK(c.outlier->base_ejection_time == std::chrono::seconds(10));
    CHECK(c.outlier->max_ejection_percent == 50);
    CHECK(c.cooldown->cooldown_time == std::chrono::milliseconds(2500));
    CHECK(c.cooldown->allowed_fails == 3);
    CHECK(c.cooldown->non_retryable_statuses == std::vector<std::int64_t>{401, 403, 404});
    CHECK(c.selection.spill->overprovisioning_factor == 1.2);
    CHECK(c.selection.spill->panic_threshold_percent == 50);
  }
  SECTION("errors name the JSON path and what is allowed") {
    struct Row {
      const char* json;
      const char* message;
    };
    const Row rows[] = {
        {R"({"endpoints": [{"name": "a"}], "outlier": {"consecutive5xx": 5}})",
         "cfg.json: outlier.consecutive5xx: unknown key \"consecutive5xx\"; did you mean \"consecutive_5xx\"? "
         "(allowed: consecutive_5xx, base_ejection_time_s, max_ejection_time_s, max_ejection_percent, interval_s)"},
        {R"({"endpoints": [{"name": "a"}], "outlier": {"max_ejection_percent": 150}})",
         "cfg.json: outlier.max_ejection_percent: max_ejection_percent (percent) must be an integer from 0 to 100, "
         "got 150"},
        {R"({"endpoints": [{"name": "a"}], "cooldown": {"allowed_fail": 3}})",
         "cfg.json: cooldown.allowed_fail: unknown key \"allowed_fail\"; did you mean \"allowed_fails\"? (allowed: "
         "cooldown_time_s, allowed_fails, failure_threshold_percent, failure_threshold_minimum_requests, "
         "non_retryable_statuses)"},
        {R"({"endpoints": [{"name": "a"}], "cooldown": {"non_retryable_statuses": [401, "404"]}})",
         "cfg.json: cooldown.non_retryable_statuses[1]: expected an integer, got string (allowed: an HTTP status "
         "from 400 to 599 other than 429)"},
        {R"({"endpoints": [{"name": "a"}], "cooldown": {"non_retryable_statuses": [200]}})",
         "cfg.json: cooldown.non_retryable_statuses[0]: a non-retryable status must be an HTTP status from 400 to "
         "599 other than 429 (429 always cools down when other endpoints exist), got 200"},
        {R"({"endpoints": [{"name": "a"}], "selection": {"overprovisioning_factor": 140}})",
         "cfg.json: selection.overprovisioning_factor: overprovisioning_factor must be a number greater than 0 and "
         "at most 10 (Envoy's 140 percent is 1.4 here), got 140"},
        {R"({"endpoints": [{"name": "a"}], "selection": {"panic_treshold_percent": 50}})",
         "cfg.json: selection.panic_treshold_percent: unknown key \"panic_treshold_percent\"; did you mean "
         "\"panic_threshold_percent\"? (allowed: latency_band_ms, when_none_healthy, overprovisioning_factor, "
         "panic_threshold_percent)"},
    };
    for (const Row& row : rows) CHECK(error_of(row.json) == row.message);
  }
}
