// faultline.sensitivity/v1: what is written reads back equal, and a damaged document is refused with its place.

#include <catch2/catch.hpp>

#include <stdexcept>

#include "faultline/sensitivity/sensitivity_json.hpp"

using namespace faultline::sensitivity;

namespace {

SensitivityResult sample() {
  SensitivityResult r;
  r.faultline_version = "0.1.0 (git test)";
  r.inputs = {{"scenario", "scenarios/x.json", "ab12"}, {"topology", "t.json", "cd34"}};
  r.scenario = "x";
  r.seed = 18446744073709551615ULL;  // the largest seed survives (not read through a double)
  r.points = 3;
  r.parameters = {{"probe.interval", "s", "10s..120s", true, "probe interval"},
                  {"standby_fraction", "fraction", "0.2..0.8", false, "standby"}};
  PatternSensitivity p;
  p.name = "hot-warm";
  p.base = {360.0, 40.0, 20.5, 0.98765, 10780.16, 1234.5, true};
  ParameterResult interval;
  interval.name = "probe.interval";
  interval.base_value = 30;
  interval.low = 10;
  interval.high = 120;
  interval.points = {{10, {340.0, 20.0, 20.5, 0.99, 10780.16, 1200, true}},
                     {65, {380.0, std::nullopt, std::nullopt, 0.97, 10780.16, 1300, false}},
                     {120, {450.0, 130.0, 20.5, 0.95, 10780.16, 1400, false}}};
  interval.swing = swing_of(interval.points);
  ParameterResult breaker;
  breaker.name = "standby_fraction";
  breaker.not_applicable = "active/active";
  p.parameters = {interval, breaker};
  r.patterns = {p};
  return r;
}

}  // namespace

TEST_CASE("sensitivity JSON: written, read back, equal", "[sensitivity][json]") {
  const SensitivityResult r = sample();
  const std::string text = to_sensitivity_json_text(r);
  SECTION("round trip") {
    CHECK(read_sensitivity_json_text(text, "s.json") == r);
    CHECK(to_sensitivity_json_text(read_sensitivity_json_text(text, "s.json")) == text);
  }
  SECTION("the schema name is the constant and comes first") {
    CHECK(kSensitivitySchema == "faultline.sensitivity/v1");
    CHECK(text.rfind("{\n  \"schema\": \"faultline.sensitivity/v1\"", 0) == 0);
  }
  SECTION("swing: largest minus smallest over the points, nulls skipped") {
    // RTO 340, 380, 450 -> 110; detect 20, -, 130 -> 110; RPO 20.5, -, 20.5 -> 0; availability 0.99 - 0.95.
    const Swing& s = r.patterns[0].parameters[0].swing;
    CHECK(s.rto_s == 110.0);
    CHECK(s.detect_s == 110.0);
    CHECK(s.rpo_s == 0.0);
    CHECK(s.availability == Approx(0.04).margin(1e-12));
    CHECK(s.incident_cost_usd == 200.0);
    CHECK(r.patterns[0].parameters[1].swing.rto_s == std::nullopt);
  }
}

TEST_CASE("sensitivity JSON: a damaged document names the file, the JSON path and what is allowed",
          "[sensitivity][json]") {
  std::string text = to_sensitivity_json_text(sample());
  SECTION("wrong schema") {
    text.replace(text.find("faultline.sensitivity/v1"), 24, "faultline.result/v1");
    CHECK_THROWS_WITH(read_sensitivity_json_text(text, "s.json"),
                      Catch::Contains("s.json: schema: \"faultline.result/v1\" is not this document's schema") &&
                          Catch::Contains("faultline.sensitivity/v1"));
  }
  SECTION("a figure of the wrong type") {
    text.replace(text.find("\"availability\": 0.99"), 20, "\"availability\": \"hi\"");
    CHECK_THROWS_WITH(read_sensitivity_json_text(text, "s.json"),
                      Catch::Contains("patterns[0].parameters[0].points[0].outcome.availability"));
  }
  SECTION("not JSON") {
    CHECK_THROWS_WITH(read_sensitivity_json_text("{\"schema\": ", "s.json"), Catch::Contains("s.json:1:"));
  }
}
