// The planner view's model: CDF polyline, histogram bars and Pareto marks in
// screen pixels, and loading mc / plan documents with clear errors.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "faultline/gui/planner_model.hpp"
#include "temp_folder.hpp"

namespace gui = faultline::gui;
namespace contract = faultline::contract;
namespace reports = faultline::reports;

namespace {

contract::PlanDocument sample_plan() {
  contract::PlanDocument plan;
  plan.candidates = {{"cheap", "hot-cold", 900, 1000, 0.999, 600.0, 300.0, false, true},
                     {"mid", "hot-warm", 1900, 2000, 0.9999, 300.0, 150.0, true, true},
                     {"dear", "hot-hot", 2900, 3000, 0.9999, 400.0, std::nullopt, true, false}};
  plan.recommendations = {{"cheapest_meeting_targets", "mid", "cheapest"},
                          {"best_within_budget", "mid", "best"},
                          {"least_change", std::nullopt, "none qualifies"}};
  return plan;
}

// A file in a fresh folder, removed at the end of the test.
struct TempFile {
  faultline::testing::TempFolder folder;
  std::filesystem::path path = folder.path() / "doc.json";
  explicit TempFile(const std::string& text) { std::ofstream(path) << text; }
};

}  // namespace

TEST_CASE("the RTO CDF becomes a step polyline in the plot box", "[gui][planner]") {
  const gui::PlotBox box{10, 20, 200, 100};
  SECTION("three steps over 0..100 s: x = 10 + 2 s, y = 20 + 100 (1 - p)") {
    const auto points = gui::cdf_polyline({{10, 0.2}, {20, 0.6}, {50, 1.0}}, 100.0, box);
    const std::vector<gui::ScreenPoint> expected{{10, 120}, {30, 120}, {30, 100}, {50, 100},
                                                 {50, 60},  {110, 60}, {110, 20}, {210, 20}};
    CHECK(points == expected);
  }
  SECTION("a value beyond the axis end sits on the right edge") {
    const auto points = gui::cdf_polyline({{50, 0.5}, {400, 1.0}}, 100.0, box);
    REQUIRE(points.size() == 6);
    CHECK(points[3] == gui::ScreenPoint{210, 70});
    CHECK(points[4] == gui::ScreenPoint{210, 20});
  }
  SECTION("no incident, no line") { CHECK(gui::cdf_polyline({}, 100.0, box).empty()); }
}

TEST_CASE("histogram bins become bars scaled to a round count", "[gui][planner]") {
  const std::vector<reports::HistogramBin> bins{{0, 1, 3}, {1, 2, 0}, {2, 3, 7}};
  const auto bars = gui::histogram_bars(bins, {0, 0, 300, 100});
  REQUIRE(bars.size() == 3);
  CHECK(bars[0].x0 == 0.0);
  CHECK(bars[0].y0 == 70.0);
  CHECK(bars[0].x1 == 100.0);
  CHECK(bars[0].y1 == 100.0);
  CHECK(bars[1].y0 == 100.0);
  CHECK(bars[2].x0 == 200.0);
  CHECK(bars[2].y0 == 30.0);
  CHECK(bars[2].x1 == 300.0);
  CHECK(bars[2].count == 7);
  CHECK(gui::histogram_bars({}, {0, 0, 300, 100}).empty());
}

TEST_CASE("plan candidates become Pareto marks as the HTML report draws them", "[gui][planner]") {
  // x: 900..3100 USD over 2200 px, so x = cost - 900; y: 0..1000 s over 1000 px.
  const gui::ParetoScatter s = gui::pareto_scatter(sample_plan(), {0, 0, 2200, 1000}, 2.0);
  CHECK(s.cost_lo_usd == 900.0);
  CHECK(s.cost_hi_usd == 3100.0);
  CHECK(s.rto_end_s == 1000.0);
  REQUIRE(s.marks.size() == 3);
  SECTION("centres, radii (4 + 8 RPO / 300) x 2, flags") {
    CHECK(s.marks[0].centre.x == Approx(100.0).margin(1e-9));
    CHECK(s.marks[0].centre.y == Approx(400.0).margin(1e-9));
    CHECK(s.marks[0].radius == 24.0);
    CHECK(s.marks[1].centre.x == Approx(1100.0).margin(1e-9));
    CHECK(s.marks[1].centre.y == Approx(700.0).margin(1e-9));
    CHECK(s.marks[1].radius == 16.0);
    CHECK(s.marks[2].centre.x == Approx(2100.0).margin(1e-9));
    CHECK(s.marks[2].radius == 8.0);
    CHECK(s.marks[0].is_pareto);
    CHECK_FALSE(s.marks[2].is_pareto);
    CHECK_FALSE(s.marks[0].meets_targets);
  }
  SECTION("recommendation letters and the front in cost order") {
    CHECK(s.marks[0].tag.empty());
    CHECK(s.marks[1].tag == "AB");
    CHECK(s.marks[2].tag.empty());
    REQUIRE(s.front.size() == 2);
    CHECK(s.front[0].x == Approx(100.0).margin(1e-9));
    CHECK(s.front[1].x == Approx(1100.0).margin(1e-9));
  }
  SECTION("no candidate: no mark") { CHECK(gui::pareto_scatter({}, {0, 0, 100, 100}, 1.0).marks.empty()); }
}

TEST_CASE("planner documents load by schema; other files are refused naming the allowed schemas", "[gui][planner]") {
  gui::PlannerDocuments docs;
  SECTION("a plan document") {
    const TempFile f(R"J({"schema": "faultline.plan/v1", "faultline_version": "v", "inputs": {"scenario": "s.json"},
      "seed": 1, "years_per_replication": 1.0, "replications": 1, "budget_monthly_usd": null, "candidates": [],
      "recommendations": {"cheapest_meeting_targets": null, "best_within_budget": null, "least_change": null}})J");
    CHECK(gui::planner_schema_of_file(f.path.string()) == "faultline.plan/v1");
    CHECK(gui::load_planner_file(f.path.string(), docs).empty());
    REQUIRE(docs.plan.has_value());
    CHECK(docs.plan->scenario == "s.json");
    CHECK_FALSE(docs.mc.has_value());
  }
  SECTION("a run result is not a planner document") {
    const TempFile f(R"({"schema": "faultline.result/v1"})");
    CHECK(gui::planner_schema_of_file(f.path.string()).empty());
    CHECK(gui::load_planner_file(f.path.string(), docs) ==
          f.path.string() +
              ": schema: is \"faultline.result/v1\" (allowed: \"faultline.mc/v1\", \"faultline.plan/v1\")");
    CHECK(docs.is_empty());
  }
  SECTION("an mc document with a bad field names its JSON path") {
    const TempFile f(
        R"({"schema": "faultline.mc/v1", "faultline_version": "v", "inputs": {"scenario": "s.json"}, "seed": -1})");
    CHECK(gui::load_planner_file(f.path.string(), docs) ==
          f.path.string() + ": seed: is a negative or fractional number (allowed: a whole number >= 0)");
    CHECK(docs.is_empty());
  }
}

TEST_CASE("hovering the RTO CDF reads out the RTO under the pointer and each pattern's share", "[gui][planner]") {
  contract::McDocument mc;
  mc.patterns.resize(2);
  mc.patterns[0].name = "hot-warm";
  mc.patterns[0].rto_s = {30, 10, 20, 50, 20};  // CDF 10: 0.2, 20: 0.6, 30: 0.8, 50: 1
  mc.patterns[1].name = "hot-hot";
  const gui::PlotBox box{10, 20, 200, 100};  // x 0..100 s over 10..210 px: 2 px per s
  SECTION("at x = 70 px: 30 s, 80 % of hot-warm's 5 incidents, none of hot-hot") {
    const auto r = gui::cdf_readout(mc, 100.0, box, {70, 50});
    REQUIRE(r.has_value());
    CHECK(r->rto_s == 30.0);
    REQUIRE(r->shares.size() == 2);
    CHECK(r->shares[0] == std::pair<std::string, double>{"hot-warm", 0.8});
    CHECK(r->shares[1] == std::pair<std::string, double>{"hot-hot", 0.0});
    CHECK(gui::cdf_readout_text(*r, mc) == "RTO <= 30 s\nhot-warm: 80.0 % of 5 incident(s)\nhot-hot: no incident");
  }
  SECTION("at the left edge 0 s (0 %), at the right edge 100 s (100 %)") {
    CHECK(gui::cdf_readout(mc, 100.0, box, {10, 20})->shares[0].second == 0.0);
    const auto right = gui::cdf_readout(mc, 100.0, box, {210, 120});
    CHECK(right->rto_s == 100.0);
    CHECK(right->shares[0].second == 1.0);
  }
  SECTION("outside the plot: no read-out") {
    CHECK_FALSE(gui::cdf_readout(mc, 100.0, box, {9, 50}).has_value());
    CHECK_FALSE(gui::cdf_readout(mc, 100.0, box, {70, 121}).has_value());
    CHECK_FALSE(gui::cdf_readout(mc, 100.0, box, {70, 19}).has_value());
  }
}

TEST_CASE("hovering the downtime histogram reads out the bin's range and count", "[gui][planner]") {
  const std::vector<reports::HistogramBin> bins{{0, 1, 3}, {1, 2, 0}, {2, 3, 7}};
  const gui::PlotBox box{0, 0, 300, 100};  // 100 px per bin
  SECTION("the middle of a bin, anywhere in its column") {
    const auto r = gui::histogram_readout(bins, box, {150, 10});
    REQUIRE(r.has_value());
    CHECK(r->bin == 1);
    CHECK(r->low_h == 1.0);
    CHECK(r->high_h == 2.0);
    CHECK(r->count == 0);
    CHECK(gui::histogram_readout_text(*r) == "1.000 to 2.000 h/year: 0 replication(s)");
  }
  SECTION("a bin's left edge belongs to it; the last bin includes the right edge") {
    CHECK(gui::histogram_readout(bins, box, {100, 50})->bin == 1);
    const auto last = gui::histogram_readout(bins, box, {300, 100});
    CHECK(last->bin == 2);
    CHECK(gui::histogram_readout_text(*last) == "2.000 to 3.000 h/year: 7 replication(s)");
  }
  SECTION("outside the plot or without bins: none") {
    CHECK_FALSE(gui::histogram_readout(bins, box, {-1, 50}).has_value());
    CHECK_FALSE(gui::histogram_readout(bins, box, {150, 101}).has_value());
    CHECK_FALSE(gui::histogram_readout({}, box, {150, 50}).has_value());
  }
}

TEST_CASE("hovering a Pareto point reads out the candidate with its settings", "[gui][planner]") {
  const contract::PlanDocument plan = sample_plan();
  const gui::ParetoScatter s = gui::pareto_scatter(plan, {0, 0, 2200, 1000}, 2.0);
  SECTION("the circle under the pointer (centre (100, 400), radius 24 px)") {
    CHECK(gui::pareto_hit(s, {100, 400}) == std::optional<std::size_t>(0));
    CHECK(gui::pareto_hit(s, {110, 410}) == std::optional<std::size_t>(0));
    CHECK_FALSE(gui::pareto_hit(s, {1100, 717}).has_value());  // mid: radius 16 px
    CHECK(gui::pareto_hit(s, {2100, 600}) == std::optional<std::size_t>(2));
  }
  SECTION("a candidate without settings: figures and targets only") {
    CHECK(gui::pareto_readout_text(plan.candidates[1]) ==
          "mid\n2000 USD/month total (1900 steady)\nRTO p95 300 s, RPO p95 150 s\nmeets the targets, Pareto");
    CHECK(gui::pareto_readout_text(plan.candidates[2]) ==
          "dear\n3000 USD/month total (2900 steady)\nRTO p95 400 s, RPO p95 none\nmeets the targets");
  }
  SECTION("regions, probe x/n, breaker and data as the report's table writes them") {
    contract::PlanCandidateData c = plan.candidates[0];
    c.regions = std::vector<std::string>{"eastus2", "centralus"};
    c.has_probe_samples = true;
    c.probe_samples = contract::ProbeSamples{3, 4};
    c.has_breaker = true;
    c.breaker = contract::BreakerSettings{50.0, 100, 60.0};
    c.stores = std::vector<contract::StoreReplication>{{"cosmos-eastus2", "sync", std::nullopt},
                                                       {"storage-eastus2", "backup_restore", 3600.0}};
    CHECK(gui::pareto_readout_text(c) ==
          "cheap\n1000 USD/month total (900 steady)\nRTO p95 600 s, RPO p95 300 s\nmisses a target, Pareto\n"
          "regions: eastus2 > centralus\nprobe x/n: 3/4\nbreaker: 50% / 100 calls / 60 s\n"
          "data: cosmos-eastus2 sync; storage-eastus2 backup 1h");
    c.probe_samples.reset();
    c.breaker.reset();
    CHECK_THAT(gui::pareto_readout_text(c), Catch::Contains("\nprobe x/n: none\nbreaker: none\n"));
  }
}

TEST_CASE("the planner state for --dump-state: files, percentiles, front, recommendations", "[gui][planner]") {
  gui::PlannerDocuments docs;
  SECTION("no document: nulls and empty lists") {
    CHECK(
        gui::planner_state_json(docs).dump() ==
        R"({"mc_file":null,"plan_file":null,"patterns":[],"pareto_front":[],"recommendations":[],"defaulted_components":0})");
  }
  SECTION("both documents") {
    contract::McDocument mc;
    mc.file = "mc.json";
    mc.patterns.resize(2);
    mc.patterns[0].name = "hot-warm";
    mc.patterns[0].rto_p50_s = 20.0;
    mc.patterns[0].rto_p95_s = 50.0;
    mc.patterns[0].rto_p99_s = 50.0;
    mc.patterns[0].rto_s = {10, 20, 50};
    mc.patterns[1].name = "hot-hot";
    docs.mc = mc;
    docs.plan = sample_plan();
    docs.plan->file = "plan.json";
    CHECK(
        gui::planner_state_json(docs).dump() ==
        R"({"mc_file":"mc.json","plan_file":"plan.json","patterns":[)"
        R"({"name":"hot-warm","rto_p50_s":20.0,"rto_p95_s":50.0,"rto_p99_s":50.0,"incidents":3,"most_critical":null},)"
        R"({"name":"hot-hot","rto_p50_s":null,"rto_p95_s":null,"rto_p99_s":null,"incidents":0,"most_critical":null}],)"
        R"("pareto_front":["cheap","mid"],"recommendations":[)"
        R"({"kind":"cheapest_meeting_targets","label":"mid","why":"cheapest"},)"
        R"({"kind":"best_within_budget","label":"mid","why":"best"},)"
        R"({"kind":"least_change","label":null,"why":"none qualifies"}],"defaulted_components":0})");
  }
}

TEST_CASE("the criticality chart ranks components by their share of downtime", "[gui][planner]") {
  contract::McPatternData p;
  // A: 25 % of downtime, B: 75 %, C: only incidents (no downtime, no lost writes: not drawn), D: only lost writes.
  p.criticality = {{"A", 2, 0.5, 0.25, 0.0, 0.9},
                   {"B", 1, 0.25, 0.75, 0.0, std::nullopt},
                   {"C", 1, 0.25, 0.0, 0.0, std::nullopt},
                   {"D", 0, 0.0, 0.0, 1.0, std::nullopt}};
  const auto rows = gui::criticality_rows(p, 10);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].component == "B");
  CHECK(rows[1].component == "A");
  CHECK(rows[2].component == "D");
  CHECK(rows[1].text == "25.0 % of downtime, 50.0 % of incidents, 0.0 % of lost writes, Birnbaum 0.9000");
  CHECK(rows[0].text == "75.0 % of downtime, 25.0 % of incidents, 0.0 % of lost writes, Birnbaum -");
  CHECK(gui::criticality_rows(p, 1).size() == 1);
}
