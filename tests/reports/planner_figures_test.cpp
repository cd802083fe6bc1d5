// The figures the planner charts (HTML report and GUI Planner view) are drawn
// from, with values worked out by hand: CDF steps and the share at a point,
// nearest-rank percentiles, histogram bins, axis ends, the Pareto axes, radii,
// front order and recommendation letters.
#include <catch2/catch.hpp>

#include <optional>
#include <vector>

#include "faultline/reports/planner_figures.hpp"

namespace contract = faultline::contract;
namespace reports = faultline::reports;

namespace {

// a (Pareto, misses, C), b (Pareto, meets, A and B), c (dominated, no RPO), d (Pareto, a's cost, shorter RTO).
contract::PlanDocument sample_plan() {
  contract::PlanDocument plan;
  plan.candidates = {{"a", "hot-cold", 450, 500, 0.99, 800.0, 200.0, false, true},
                     {"b", "hot-warm", 1400, 1500, 0.999, 200.0, 100.0, true, true},
                     {"c", "hot-hot", 2400, 2500, 0.999, 300.0, std::nullopt, true, false},
                     {"d", "hot-cold", 450, 500, 0.99, 700.0, 200.0, false, true}};
  plan.recommendations = {{"cheapest_meeting_targets", "b", "cheapest"},
                          {"best_within_budget", "b", "best"},
                          {"least_change", std::string("a"), "same pattern"}};
  return plan;
}

}  // namespace

TEST_CASE("empirical CDF, nearest rank and histogram bins have exact values", "[reports][planner]") {
  SECTION("5 RTOs give one step per distinct value") {
    const auto steps = reports::empirical_cdf({30, 10, 20, 50, 20});
    REQUIRE(steps.size() == 4);
    CHECK(steps[0].x == 10.0);
    CHECK(steps[0].y == 0.2);
    CHECK(steps[1].x == 20.0);
    CHECK(steps[1].y == 0.6);
    CHECK(steps[2].x == 30.0);
    CHECK(steps[2].y == 0.8);
    CHECK(steps[3].x == 50.0);
    CHECK(steps[3].y == 1.0);
    CHECK(reports::empirical_cdf({}).empty());
  }
  SECTION("nearest rank: the element at rank ceil(q n)") {
    CHECK(reports::nearest_rank({30, 10, 20, 50, 20}, 0.5) == 20.0);
    CHECK(reports::nearest_rank({30, 10, 20, 50, 20}, 0.95) == 50.0);
    CHECK(reports::nearest_rank({30, 10, 20, 50, 20}, 0.2) == 10.0);
    CHECK_FALSE(reports::nearest_rank({}, 0.5).has_value());
  }
  SECTION("Freedman-Diaconis: 0..26 has IQR 14, width 28/3, so 3 bins of 9") {
    std::vector<double> values;
    for (int i = 0; i <= 26; ++i) values.push_back(i);
    const auto bins = reports::histogram_bins(values);
    REQUIRE(bins.size() == 3);
    CHECK(bins[0].low == 0.0);
    CHECK(bins[0].high == Approx(26.0 / 3.0).epsilon(1e-12));
    CHECK(bins[2].high == 26.0);
    CHECK(bins[0].count == 9);
    CHECK(bins[1].count == 9);
    CHECK(bins[2].count == 9);
  }
  SECTION("IQR 0: Sturges, ceil(log2 8) + 1 = 4 bins") {
    const auto bins = reports::histogram_bins({0, 0, 0, 0, 0, 0, 0, 10});
    REQUIRE(bins.size() == 4);
    CHECK(bins[0].high == 2.5);
    CHECK(bins[0].count == 7);
    CHECK(bins[1].count == 0);
    CHECK(bins[3].count == 1);
  }
  SECTION("all values equal: one bin of width 1 around them; no value: no bin") {
    const auto bins = reports::histogram_bins({2, 2});
    REQUIRE(bins.size() == 1);
    CHECK(bins[0].low == 1.5);
    CHECK(bins[0].high == 2.5);
    CHECK(bins[0].count == 2);
    CHECK(reports::histogram_bins({}).empty());
  }
}

TEST_CASE("the CDF share at a point is the last step at or before it", "[reports][planner]") {
  const auto steps = reports::empirical_cdf({30, 10, 20, 50, 20});  // 10: 0.2, 20: 0.6, 30: 0.8, 50: 1
  CHECK(reports::cdf_share_at(steps, 5.0) == 0.0);
  CHECK(reports::cdf_share_at(steps, 10.0) == 0.2);
  CHECK(reports::cdf_share_at(steps, 29.9) == 0.6);
  CHECK(reports::cdf_share_at(steps, 30.0) == 0.8);
  CHECK(reports::cdf_share_at(steps, 1000.0) == 1.0);
  CHECK(reports::cdf_share_at({}, 10.0) == 0.0);
}

TEST_CASE("axis ends are round numbers above the p99, the target or the largest count", "[reports][planner]") {
  SECTION("the CDF axis ends at the p99 or the target, rounded up") {
    CHECK(reports::cdf_axis_end_s({10, 20, 30, 50}, std::nullopt) == 50.0);
    CHECK(reports::cdf_axis_end_s({10, 20, 30, 50}, 120.0) == 200.0);
    CHECK(reports::cdf_axis_end_s({}, std::nullopt) == 1.0);
  }
  SECTION("the histogram's count axis ends at the round number above the largest count") {
    CHECK(reports::histogram_count_end({{0, 1, 3}, {1, 2, 0}, {2, 3, 7}}) == 10.0);
    CHECK(reports::histogram_count_end({{0, 1, 2}}) == 2.0);
    CHECK(reports::histogram_count_end({}) == 1.0);
  }
}

TEST_CASE("the Pareto scatter's axes, radii, front and letters", "[reports][planner]") {
  const contract::PlanDocument plan = sample_plan();
  SECTION("cost 500..2500 padded by 5 % of 2000; RTO up to 800 -> 1000 s; largest RPO 200 s") {
    const reports::ParetoAxes axes = reports::pareto_axes(plan);
    CHECK(axes.cost_lo_usd == 400.0);
    CHECK(axes.cost_hi_usd == 2600.0);
    CHECK(axes.rto_end_s == 1000.0);
    CHECK(axes.rpo_largest_s == 200.0);
    CHECK(reports::pareto_radius(plan.candidates[0], axes) == 12.0);
    CHECK(reports::pareto_radius(plan.candidates[1], axes) == 8.0);
    CHECK(reports::pareto_radius(plan.candidates[2], axes) == 4.0);
  }
  SECTION("all costs equal: +-5 % of the value, at least 1 USD; no RPO: radius 4") {
    contract::PlanDocument one;
    one.candidates = {{"only", "hot-hot", 10, 10, 0.9, std::nullopt, std::nullopt, true, true}};
    const reports::ParetoAxes axes = reports::pareto_axes(one);
    CHECK(axes.cost_lo_usd == 9.0);
    CHECK(axes.cost_hi_usd == 11.0);
    CHECK(axes.rto_end_s == 1.0);
    CHECK(reports::pareto_radius(one.candidates[0], axes) == 4.0);
  }
  SECTION("the front in cost order, equal costs by RTO: d (700 s) before a (800 s), then b") {
    CHECK(reports::pareto_front_order(plan) == std::vector<std::size_t>{3, 0, 1});
  }
  SECTION("letters in A, B, C order") {
    CHECK(reports::recommendation_tag(plan, "b") == "AB");
    CHECK(reports::recommendation_tag(plan, "a") == "C");
    CHECK(reports::recommendation_tag(plan, "c").empty());
  }
  SECTION("no candidate: default axes, no front") {
    const reports::ParetoAxes axes = reports::pareto_axes({});
    CHECK(axes.cost_lo_usd == 0.0);
    CHECK(axes.cost_hi_usd == 1.0);
    CHECK(reports::pareto_front_order({}).empty());
  }
}
