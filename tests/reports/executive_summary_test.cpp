#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "command_runner.hpp"
#include "faultline/reports/executive_summary.hpp"
#include "faultline/contract/result_reader.hpp"
#include "faultline/reports/risk_vocabulary.hpp"
#include "temp_folder.hpp"

using faultline::engine::PatternResult;
using faultline::engine::RunResult;
using faultline::engine::TargetResult;
using faultline::reports::ExecutiveSummary;

namespace {

PatternResult pattern(const std::string& name, double usd, double rto_s, std::vector<TargetResult> targets) {
  PatternResult p;
  p.name = name;
  p.monthly_cost_usd = usd;
  p.rto_s = rto_s;
  p.targets = std::move(targets);
  return p;
}

TargetResult target(const std::string& name, double limit, double value) {
  const bool is_met = name == "availability" ? value >= limit : value <= limit;
  return TargetResult{name, limit, value, is_met};
}

// The reference's figures: hot-hot and hot-warm meet RTO 900 s, RPO 900 s and availability 97 %; hot-cold misses all.
RunResult reference_like() {
  RunResult r;
  r.patterns.push_back(
      pattern("hot-hot", 10780.4, 360,
              {target("rto_s", 900, 360), target("rpo_s", 900, 900), target("availability", 0.97, 0.97673)}));
  r.patterns.push_back(
      pattern("hot-warm", 8683.2, 360,
              {target("rto_s", 900, 360), target("rpo_s", 900, 900), target("availability", 0.97, 0.97656)}));
  r.patterns.push_back(
      pattern("hot-cold", 6380, 4000,
              {target("rto_s", 900, 4000), target("rpo_s", 900, 1800), target("availability", 0.97, 0.72594)}));
  return r;
}

}  // namespace

TEST_CASE("the executive summary recommends the cheapest pattern that meets every target", "[reports][summary]") {
  SECTION("two patterns meet every target: the cheaper is recommended, the dearer priced against it") {
    const ExecutiveSummary s = ExecutiveSummary::of(reference_like());
    REQUIRE(s.recommended() == std::optional<std::size_t>(1));
    REQUIRE(s.sentences().size() == 2);
    CHECK(
        s.sentences()[0] ==
        "Hot-warm (warm standby) meets all 3 targets (RTO 360 s within 900 s, RPO 900 s within 900 s and availability "
        "97.656 % against at least 97 %) at 8,683 USD a month, the cheapest pattern that does.");
    // 10,780.4 - 8,683.2 = 2,097.2 USD more; 2,097.2 / 8,683.2 = 24.2 % -> "+24 %".
    CHECK(s.sentences()[1] ==
          "Hot-hot (multi-site active/active), the next option that meets them, costs 10,780 USD a month (2,097 USD "
          "more, "
          "+24 %); hot-cold (pilot light / backup and restore) is cheaper at 6,380 USD a month but misses RTO 4,000 s "
          "over 900 s, RPO 1,800 s over 900 s and availability 72.594 % under the required 97 %.");
  }
  SECTION("the worst incident's longest phase other than the recovery window is named as the RTO's driver") {
    RunResult r = reference_like();
    faultline::engine::IncidentResult incident;
    incident.rto_s = 360;
    incident.recovered = true;
    // 40 + 260 + 60 = 360 s: the promotion wait (260 s) is the longest; the window (60 s) is never a driver.
    incident.rto_phases = {{"undetected", 0, 40, "probes"},
                           {"database_promotion", 40, 300, "writes refused"},
                           {"recovery_window", 300, 360, "window"}};
    r.patterns[1].incidents.push_back(incident);
    const ExecutiveSummary s = ExecutiveSummary::of(r);
    REQUIRE(s.sentences().size() == 3);
    CHECK(s.sentences()[2] == "The largest part of its worst RTO (360 s) is waiting for database promotion: 260 s.");
  }
  SECTION("equal cost: the smaller worst RTO wins, then file order") {
    RunResult r = reference_like();
    r.patterns[0].monthly_cost_usd = r.patterns[1].monthly_cost_usd;
    r.patterns[1].rto_s = 361;
    CHECK(ExecutiveSummary::of(r).recommended() == std::optional<std::size_t>(0));
    r.patterns[1].rto_s = 360;
    CHECK(ExecutiveSummary::of(r).recommended() == std::optional<std::size_t>(0));
  }
  SECTION("no pattern meets every target: the one meeting most is named closest, nothing is recommended") {
    RunResult r = reference_like();
    r.patterns[0].targets[0] = target("rto_s", 300, 360);
    r.patterns[1].targets[0] = target("rto_s", 300, 360);
    const ExecutiveSummary s = ExecutiveSummary::of(r);
    CHECK_FALSE(s.recommended().has_value());
    REQUIRE(s.sentences().size() == 2);
    CHECK(s.sentences()[0] ==
          "No pattern meets every target. The closest is hot-warm (warm standby): it meets 2 of 3 at 8,683 USD a month "
          "and misses RTO 360 s over 300 s.");
    CHECK(s.sentences()[1] ==
          "Hot-cold (pilot light / backup and restore) is cheaper at 6,380 USD a month but misses RTO 4,000 s over 900 "
          "s, "
          "RPO 1,800 s over 900 s and availability 72.594 % under the required 97 %.");
  }
  SECTION("a run without targets recommends nothing and names the cheapest and the fastest") {
    RunResult r = reference_like();
    for (auto& p : r.patterns) p.targets.clear();
    const ExecutiveSummary s = ExecutiveSummary::of(r);
    CHECK_FALSE(s.recommended().has_value());
    REQUIRE(s.sentences().size() == 1);
    CHECK(s.sentences()[0] ==
          "The scenario states no targets, so nothing is recommended: hot-cold (pilot light / backup and restore) is "
          "the cheapest at 6,380 USD a month; hot-hot (multi-site active/active) recovers fastest (RTO 360 s).");
  }
}

TEST_CASE("risk vocabulary: disruption types, DR strategies and figures for reading", "[reports][summary]") {
  using namespace faultline::reports;
  SECTION("fault types map to Resilience Hub disruption types") {
    CHECK(disruption_type("region_outage") == "Region");
    CHECK(disruption_type("zone_outage") == "Availability Zone");
    CHECK(disruption_type("gpu_capacity_loss") == "Infrastructure");
    CHECK(disruption_type("data_store_outage") == "Infrastructure");
    CHECK(disruption_type("gray_failure") == "Application");
    CHECK(disruption_type("throttling") == "Application");
    CHECK(disruption_type("").empty());
  }
  SECTION("presets have DR strategy names, custom patterns none") {
    CHECK(pattern_with_strategy("hot-warm") == "hot-warm (warm standby)");
    CHECK(pattern_with_strategy("canary") == "canary");
  }
  SECTION("figures are grouped and rounded by unit") {
    CHECK(grouped(1234567.891, 2) == "1,234,567.89");
    CHECK(grouped(-999.6, 0) == "-1,000");
    CHECK(grouped(-0.2, 0) == "0");
    CHECK(target_figure("availability", 0.976795812497079) == "97.68 %");  // 97.6795... -> 97.680 -> trailing 0 dropped
    CHECK(target_figure("availability", 0.97) == "97 %");
    CHECK(target_figure("rto_s", 4000) == "4,000 s");
    CHECK(target_figure("rto_s", 12.25) == "12.2 s");  // printf rounds the binary 12.25 half to even
    CHECK(target_figure("by_fault.zone_outage.incident_cost_usd", 1234.5) == "1,234 USD");
    CHECK(target_label("by_fault.zone_outage.rto_s") == "RTO (zone_outage)");
    CHECK(target_label("premium_usd") == "resilience premium");
  }
}

TEST_CASE("the reference report recommends the cheapest pattern that meets every target", "[reports][summary][e2e]") {
  using namespace faultline::testing;
  const TempFolder tmp;
  const auto run = run_command(faultline_binary() + " run scenarios/reference.json -q --json " + (tmp / "r.json") +
                               " --report " + (tmp / "r.html"));
  REQUIRE(run.exit_code == 1);  // hot-cold misses its targets on purpose
  const RunResult loaded = faultline::contract::read_result_file(tmp / "r.json");
  // Independently of ExecutiveSummary: the cheapest pattern whose every target is met.
  const PatternResult* cheapest = nullptr;
  for (const auto& p : loaded.patterns) {
    const bool is_all_met = std::all_of(p.targets.begin(), p.targets.end(), [](const auto& t) { return t.met; });
    if (is_all_met && (cheapest == nullptr || p.monthly_cost_usd < cheapest->monthly_cost_usd)) cheapest = &p;
  }
  REQUIRE(cheapest != nullptr);
  CHECK(cheapest->name == "hot-warm");
  const std::string html = read_text(tmp / "r.html");
  CHECK(html.find("<p class=\"recommendation\">Recommended: <strong>hot-warm (warm standby)</strong></p>") !=
        std::string::npos);
  CHECK(html.find("<section id=\"executive-summary\">") < html.find("<section id=\"summary\">"));
  CHECK(html.find("<section id=\"disruptions\">") != std::string::npos);
  CHECK(html.find("<section id=\"assumptions\">") != std::string::npos);
  // The reference's hot-warm RTO: undetected 40 s + database promotion 260 s + recovery window 60 s (docs/metrics.md).
  CHECK(html.find("The largest part of its worst RTO (360 s) is waiting for database promotion: 260 s.") !=
        std::string::npos);
}
