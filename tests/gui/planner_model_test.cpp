// The planner view's model: CDF polyline, histogram bars and Pareto marks in
// screen pixels, and loading mc / plan documents with clear errors.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "faultline/gui/planner_model.hpp"
#include "temp_folder.hpp"

namespace gui = faultline::gui;
namespace reports = faultline::reports;

namespace {

reports::PlanDocument sample_plan() {
  reports::PlanDocument plan;
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
    const std::vector<gui::ScreenPoint> expected{{10, 120}, {30, 120}, {30, 100}, {50, 100}, {50, 60},
                                                 {110, 60}, {110, 20}, {210, 20}};
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
          f.path.string() + ": schema: is \"faultline.result/v1\" (allowed: \"faultline.mc/v1\", \"faultline.plan/v1\")");
    CHECK(docs.is_empty());
  }
  SECTION("an mc document with a bad field names its JSON path") {
    const TempFile f(R"({"schema": "faultline.mc/v1", "faultline_version": "v", "inputs": {"scenario": "s.json"}, "seed": -1})");
    CHECK(gui::load_planner_file(f.path.string(), docs) ==
          f.path.string() + ": seed: is a negative or fractional number (allowed: a whole number >= 0)");
    CHECK(docs.is_empty());
  }
}
