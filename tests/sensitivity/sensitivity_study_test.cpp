// One-at-a-time sensitivity on shipped scenarios: detection grows with the probe
// interval as Front Door's n - x + 1 rule says, on common random numbers.

#include <catch2/catch.hpp>

#include "command_runner.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/sensitivity/sensitivity_study.hpp"

using faultline::engine::ScenarioLoader;
using faultline::sensitivity::ParameterId;
using faultline::sensitivity::ParameterRange;
using faultline::sensitivity::PatternSensitivity;
using faultline::sensitivity::SensitivityResult;
using faultline::sensitivity::SensitivityStudy;
using faultline::sensitivity::StudyOptions;
using faultline::testing::source_path;

namespace {

SensitivityResult study(const std::string& scenario_file, std::vector<ParameterRange> ranges, unsigned points,
                        unsigned threads = 1) {
  auto loaded = ScenarioLoader::load_file(source_path(scenario_file));
  REQUIRE(loaded.scenario);
  const SensitivityStudy s(*loaded.scenario, StudyOptions{{}, std::move(ranges), points});
  return s.run(threads, {}, {}, "test").value();
}

const PatternSensitivity& pattern(const SensitivityResult& r, const std::string& name) {
  for (const auto& p : r.patterns) {
    if (p.name == name) return p;
  }
  FAIL("no pattern " << name);
  return r.patterns.front();
}

}  // namespace

TEST_CASE("probe interval: detection grows as (n - x + 1) x interval on probe-detection.json", "[sensitivity]") {
  // scenarios/probe-detection.json: eastus2 dark from F = 605 s; probes at multiples of the interval I.
  // For I = 10, 20, ..., 60 s, 600 s is a multiple of I, so the first probe after F is sent at 600 + I
  // (I - 5 s after F) and fails; the endpoint turns unhealthy at the (n - x + 1)-th failed probe, sent
  // (n - x) x I later, when it times out: detect = (I - 5) + (n - x) I + timeout = (n - x + 1) I - 5 + timeout.
  // Constant arrivals every 0.5 s: every call sent to eastus2 before detection times out 30 s later and the
  // 60 s window must then clear, so RTO = detect + 30 + 60 (probe-detection's description; run_command_test).
  const SensitivityResult r = study("scenarios/probe-detection.json", {{ParameterId::kProbeInterval, 10, 60}}, 6);
  REQUIRE(r.patterns.size() == 2);
  struct Case {
    const char* pattern;
    double n, x, timeout;
  };
  for (const Case c : {Case{"fast-probes", 5, 2, 2}, Case{"classic-probes", 4, 2, 5}}) {
    INFO(c.pattern);
    const auto& interval = pattern(r, c.pattern).parameters.front();
    CHECK(interval.name == "probe.interval");
    REQUIRE(interval.points.size() == 6);
    for (std::size_t k = 0; k < 6; ++k) {
      const double i = 10.0 * static_cast<double>(k + 1);
      const double detect = (c.n - c.x + 1) * i - 5 + c.timeout;
      INFO("interval " << i);
      CHECK(interval.points[k].value == i);
      CHECK(interval.points[k].outcome.detect_s == detect);
      CHECK(interval.points[k].outcome.rto_s == detect + 90);
    }
    // The swing over 10..60 s is (n - x + 1) x 50 s for detection and RTO alike:
    // fast-probes 4 x 50 = 200 s (37 -> 237, RTO 127 -> 327), classic-probes 3 x 50 = 150 s (30 -> 180, RTO 120 ->
    // 270).
    CHECK(interval.swing.detect_s == (c.n - c.x + 1) * 50);
    CHECK(interval.swing.rto_s == (c.n - c.x + 1) * 50);
  }
  SECTION("the pattern's own run is the scenario's: 37 s / 127 s and 90 s / 180 s (run_command_test)") {
    CHECK(pattern(r, "fast-probes").base.detect_s == 37.0);
    CHECK(pattern(r, "fast-probes").base.rto_s == 127.0);
    CHECK(pattern(r, "classic-probes").base.detect_s == 90.0);
    CHECK(pattern(r, "classic-probes").base.rto_s == 180.0);
  }
}

TEST_CASE("sample size n and successful samples x move detection by one probe interval each", "[sensitivity]") {
  // fast-probes, I = 10 s, timeout 2 s, first failed probe at 610 s (5 s after F):
  // detect = 5 + (n - x) x 10 + 2. Default ranges: n over n-2..n+2 at least x = 3..7 with x = 2
  // (detect 17 .. 57 s); x over 1..n = 1..5 with n = 5 (detect 47 .. 7 s). RTO = detect + 90.
  const SensitivityResult r =
      study("scenarios/probe-detection.json",
            {{ParameterId::kProbeSampleSize, {}, {}}, {ParameterId::kProbeRequired, {}, {}}}, 2);
  const PatternSensitivity& fast = pattern(r, "fast-probes");
  REQUIRE(fast.parameters.size() == 2);
  const auto& n = fast.parameters[0];
  const auto& x = fast.parameters[1];
  CHECK(n.name == "probe.sample_size");
  CHECK(n.low == 3.0);
  CHECK(n.high == 7.0);
  CHECK(n.points.front().outcome.detect_s == 17.0);
  CHECK(n.points.back().outcome.detect_s == 57.0);
  CHECK(n.swing.rto_s == 40.0);
  CHECK(x.name == "probe.successful_samples_required");
  CHECK(x.low == 1.0);
  CHECK(x.high == 5.0);
  CHECK(x.points.front().outcome.detect_s == 47.0);
  CHECK(x.points.back().outcome.detect_s == 7.0);
  CHECK(x.points.back().outcome.rto_s == 97.0);
}

TEST_CASE("a parameter that does not apply is reported with the reason, not varied", "[sensitivity]") {
  // probe-detection.json has no breaker and no runbook: by default those rows say why and hold no point.
  const SensitivityResult r = study("scenarios/probe-detection.json", {}, 2);
  const PatternSensitivity& fast = pattern(r, "fast-probes");
  bool is_breaker_seen = false;
  for (const auto& p : fast.parameters) {
    if (p.name != "breaker.failure_rate_threshold") continue;
    is_breaker_seen = true;
    CHECK(p.not_applicable == "the pattern's router has no breaker section");
    CHECK(p.points.empty());
    CHECK_FALSE(p.base_value.has_value());
  }
  CHECK(is_breaker_seen);
}

TEST_CASE("the study does not depend on the thread count", "[sensitivity]") {
  const std::vector<ParameterRange> ranges{{ParameterId::kProbeInterval, {}, {}},
                                           {ParameterId::kStandbyFraction, {}, {}}};
  const SensitivityResult one = study("scenarios/reference.json", ranges, 3, 1);
  CHECK(study("scenarios/reference.json", ranges, 3, 3) == one);
}
