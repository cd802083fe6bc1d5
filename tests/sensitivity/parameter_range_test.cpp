// --params: names, ranges and units as users write them, and every refusal located and explained.

#include <catch2/catch.hpp>

#include "faultline/sensitivity/parameter_range.hpp"

using namespace faultline::sensitivity;

TEST_CASE("params option reads names and ranges in each parameter's unit", "[sensitivity][params]") {
  const RangeParseResult r = parse_parameter_ranges({"probe.interval=10s..1m", "breaker.failure_rate_threshold=25%..75",
                                                     "standby_fraction", "runbook.duration_scale=0.5..2"});
  REQUIRE(r.error.empty());
  REQUIRE(r.ranges.size() == 4);
  CHECK(r.ranges[0] == ParameterRange{ParameterId::kProbeInterval, 10.0, 60.0});
  CHECK(r.ranges[1] == ParameterRange{ParameterId::kBreakerFailureRate, 25.0, 75.0});
  CHECK(r.ranges[2] == ParameterRange{ParameterId::kStandbyFraction, std::nullopt, std::nullopt});
  CHECK(r.ranges[3] == ParameterRange{ParameterId::kRunbookDurationScale, 0.5, 2.0});
  CHECK(format_range(ParameterUnit::kSeconds, 90, 3600) == "90s..1h");
}

TEST_CASE("params option refusals name the item, the problem and what is allowed", "[sensitivity][params]") {
  const auto error = [](std::vector<std::string> items) { return parse_parameter_ranges(items).error; };
  SECTION("unknown parameter, with the nearest name and the list") {
    const std::string e = error({"standby_fraction", "probe_interval=10s..60s"});
    CHECK_THAT(e,
               Catch::StartsWith("--params item 2 \"probe_interval=10s..60s\": unknown parameter \"probe_interval\"; "
                                 "did you mean \"probe.interval\"? (allowed: probe.interval, probe.sample_size,"));
    CHECK_THAT(e, Catch::Contains("automatic_failover_delay)"));
  }
  SECTION("empty range") {
    CHECK_THAT(
        error({"probe.interval="}),
        Catch::StartsWith("--params item 1 \"probe.interval=\": empty range (allowed: NAME=LOW..HIGH with LOW < HIGH, "
                          "durations like 500ms, 10s, 15m, 2h (or seconds) from 1s to 1h, or NAME alone for its "
                          "default range 10s..120s)"));
    CHECK_THAT(error({"probe.interval=60s..10s"}), Catch::Contains("empty range: low 1m is not below high 10s"));
    CHECK_THAT(error({"probe.interval=30s..30s"}), Catch::Contains("empty range: low 30s is not below high 30s"));
  }
  SECTION("negative duration") {
    CHECK_THAT(error({"replication.lag=-5s..60s"}),
               Catch::StartsWith("--params item 1 \"replication.lag=-5s..60s\": \"-5s\": negative duration (allowed:"));
  }
  SECTION("out of the allowed values, fractional counts, no range, twice") {
    CHECK_THAT(error({"breaker.failure_rate_threshold=25..150"}), Catch::Contains("\"150\" is out of range"));
    CHECK_THAT(error({"probe.sample_size=2.5..4"}), Catch::Contains("\"2.5\" is not a whole number"));
    CHECK_THAT(error({"standby_fraction=0.5"}), Catch::Contains("\"0.5\" is not a range LOW..HIGH"));
    CHECK_THAT(error({"trigger_delay", "trigger_delay=0s..1m"}), Catch::Contains("is given twice"));
  }
}
