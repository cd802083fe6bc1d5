// "What would change the answer": verdict flips of a sensitivity study read against a run (issue 21 item 4).

#include <catch2/catch.hpp>

#include <string>

#include "faultline/reports/answer_changes.hpp"

using faultline::engine::InputFile;
using faultline::engine::PatternResult;
using faultline::engine::RunResult;
using faultline::engine::TargetResult;
using faultline::reports::answer_changes;
using faultline::reports::answer_changes_html;
using faultline::reports::AnswerChanges;
using faultline::reports::study_mismatch;
using faultline::sensitivity::Outcome;
using faultline::sensitivity::ParameterResult;
using faultline::sensitivity::PatternSensitivity;
using faultline::sensitivity::Point;
using faultline::sensitivity::SensitivityResult;

namespace {

PatternResult pattern(const std::string& name, double usd, double rto_s, bool is_met) {
  PatternResult p;
  p.name = name;
  p.monthly_cost_usd = usd;
  p.rto_s = rto_s;
  p.targets = {TargetResult{"rto_s", 900, rto_s, is_met}};
  return p;
}

// The reference's shape: hot-warm is the cheapest that meets every target (recommended), hot-hot dearer, hot-cold
// cheaper but missing its RTO.
RunResult run() {
  RunResult r;
  r.seed = 2026;
  r.inputs = {InputFile{"topology", "t.json", "aaa"}, InputFile{"scenario", "s.json", "bbb"}};
  r.patterns = {pattern("hot-hot", 10780, 360, true), pattern("hot-warm", 8683, 360, true),
                pattern("hot-cold", 6380, 4000, false)};
  return r;
}

Outcome outcome(double rto_s, double usd, bool is_met) {
  Outcome o;
  o.rto_s = rto_s;
  o.monthly_cost_usd = usd;
  o.availability = 0.99;
  o.meets_targets = is_met;
  return o;
}

ParameterResult parameter(const std::string& name, double own, std::vector<Point> points) {
  ParameterResult r;
  r.name = name;
  r.base_value = own;
  r.low = points.front().value;
  r.high = points.back().value;
  r.points = std::move(points);
  r.swing = faultline::sensitivity::swing_of(r.points);
  return r;
}

PatternSensitivity study_pattern(const std::string& name, Outcome base, std::vector<ParameterResult> parameters) {
  return PatternSensitivity{name, base, std::move(parameters)};
}

// hot-hot and hot-warm miss their targets when the promotion waits an hour; hot-cold meets them at a tenth of its
// runbook; hot-warm's probe count moves its RTO by 40 s (17..57 s detection) without turning its verdict.
SensitivityResult study() {
  SensitivityResult s;
  s.seed = 2026;
  s.inputs = {InputFile{"topology", "t.json", "aaa"}, InputFile{"scenario", "s.json", "bbb"}};
  ParameterResult not_varied;
  not_varied.name = "standby_fraction";
  not_varied.not_applicable = "no standby";
  s.patterns.push_back(study_pattern(
      "hot-hot", outcome(360, 10780, true),
      {not_varied, parameter("automatic_failover_delay", 300,
                             {Point{60, outcome(120, 10780, true)}, Point{1830, outcome(1890, 10780, false)},
                              Point{3600, outcome(3660, 10780, false)}})}));
  s.patterns.push_back(study_pattern(
      "hot-warm", outcome(360, 8683, true),
      {parameter("probe.sample_size", 5, {Point{3, outcome(340, 8683, true)}, Point{7, outcome(380, 8683, true)}}),
       parameter("automatic_failover_delay", 300,
                 {Point{60, outcome(120, 8683, true)}, Point{3600, outcome(3660, 8683, false)}})}));
  s.patterns.push_back(
      study_pattern("hot-cold", outcome(4000, 6380, false),
                    {parameter("runbook.duration_scale", 1,
                               {Point{0.1, outcome(700, 6380, true)}, Point{2, outcome(7000, 6380, false)}})}));
  return s;
}

}  // namespace

TEST_CASE("a sensitivity study says which tried values turn a verdict and the recommendation around",
          "[reports][answer]") {
  const RunResult r = run();
  const AnswerChanges c = answer_changes(r, study());
  SECTION("the recommendation is the run's; runs counted: 3 own + 3 + 2 + 2 + 2 points = 12") {
    REQUIRE(c.recommended == std::optional<std::size_t>(1));
    CHECK(c.tried_runs == 12);
    CHECK(c.absent.empty());
    CHECK(c.disagreeing.empty());
  }
  SECTION("flips: those overturning the recommendation first, each at the tried value nearest the own one") {
    REQUIRE(c.flips.size() == 3);
    // hot-warm (recommended) misses at 1 h: overturns.
    CHECK(c.flips[0].pattern == 1);
    CHECK(c.flips[0].parameter == "automatic_failover_delay");
    CHECK(c.flips[0].flip_value == 3600.0);
    CHECK(c.flips[0].is_met_with_own);
    CHECK(c.flips[0].is_overturning);
    // hot-cold meets every target at x0.1 and costs 6,380 < 8,683 USD: overturns.
    CHECK(c.flips[1].pattern == 2);
    CHECK(c.flips[1].flip_value == 0.1);
    CHECK_FALSE(c.flips[1].is_met_with_own);
    CHECK(c.flips[1].is_overturning);
    // hot-hot misses at 1,830 s (|1830 - 300| = 1530 < |3600 - 300|), but it is not the recommendation.
    CHECK(c.flips[2].pattern == 0);
    CHECK(c.flips[2].flip_value == 1830.0);
    CHECK(c.flips[2].at.rto_s == 1890.0);
    CHECK_FALSE(c.flips[2].is_overturning);
  }
  SECTION("a parameter that moves the RTO (380 - 340 = 40 s) without a flip is listed as a mover") {
    REQUIRE(c.movers.size() == 1);
    CHECK(c.movers[0].pattern == 1);
    CHECK(c.movers[0].parameter == "probe.sample_size");
    CHECK(c.movers[0].swing_s == 40.0);
  }
  SECTION("the section names the overturning values in sentences and lists every flip in its table") {
    const std::string html = answer_changes_html(r, c);
    CHECK_THAT(html, Catch::StartsWith("<section id=\"what-would-change\"><h2>What would change the answer</h2>"));
    CHECK_THAT(html, Catch::Contains("12 runs on seed 2026, one parameter"));
    CHECK_THAT(html, Catch::Contains("<li>Hot-warm (warm standby), the recommendation, misses its targets at "
                                     "automatic_failover_delay = 1h (its own: 5m): RTO 3,660 s, RPO -, availability 99 "
                                     "%, 8,683 USD a month.</li>"));
    // 8,683 - 6,380 = 2,303 USD a month cheaper.
    CHECK_THAT(html, Catch::Contains(
                         "<li>Hot-cold (pilot light / backup and restore), 2,303 USD a month cheaper than the "
                         "recommendation, would meet every target at runbook.duration_scale = x0.1 (its own: x1)"));
    CHECK_THAT(html, Catch::Contains("hot-warm (warm standby): probe.sample_size over 3..7 moves it by 40 s"));
    CHECK_THAT(html, !Catch::Contains("this run: seed"));
  }
}

TEST_CASE("what would change the answer without flips, without targets and with another scenario",
          "[reports][answer]") {
  RunResult r = run();
  SensitivityResult s = study();
  SECTION("no tried value flips anything: the recommendation holds across every range") {
    s.patterns.resize(1);
    s.patterns[0].parameters.resize(1);  // only the parameter not varied
    const AnswerChanges c = answer_changes(r, s);
    CHECK(c.flips.empty());
    CHECK(c.absent == std::vector<std::string>{"hot-warm", "hot-cold"});
    CHECK_THAT(
        answer_changes_html(r, c),
        Catch::Contains("No value tried changes any pattern's verdict: the recommendation of hot-warm (warm standby) "
                        "holds across every range.") &&
            Catch::Contains("Not in the study: hot-warm, hot-cold."));
  }
  SECTION("a scenario without targets has no verdicts to turn") {
    for (auto& p : r.patterns) p.targets.clear();
    const AnswerChanges c = answer_changes(r, s);
    CHECK(c.flips.empty());
    CHECK_THAT(answer_changes_html(r, c), Catch::Contains("states no targets"));
  }
  SECTION("the study's own verdict differing from the run's, and another seed, are said") {
    r.seed = 7;
    r.patterns[2].targets[0].met = true;
    CHECK_THAT(answer_changes_html(r, answer_changes(r, s)),
               Catch::Contains("(this run: seed 7)") && Catch::Contains("differs from this run's for hot-cold"));
  }
  SECTION("a study of another scenario file is refused, naming both digests") {
    CHECK_FALSE(study_mismatch(r, s).has_value());
    s.inputs[1].sha256 = "ccc";
    REQUIRE(study_mismatch(r, s).has_value());
    CHECK(*study_mismatch(r, s) ==
          "the study was run on scenario s.json (sha256 ccc), the result on s.json (sha256 bbb); allowed: a study of "
          "the same scenario file");
    s.inputs.clear();
    CHECK(*study_mismatch(r, s) == "the sensitivity document records no scenario input, so it cannot be matched");
  }
}
