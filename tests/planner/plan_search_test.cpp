// Choosing a plan: Pareto front and the three recommendations on a small space
// whose answer follows by hand from the figures below.
#include <catch2/catch.hpp>

#include "faultline/planner/plan_search.hpp"

using namespace faultline::planner;

namespace {

PlanCandidate candidate(std::string label, double monthly, double annual_incident, double low,
                        std::optional<double> rto, std::optional<double> rpo, std::size_t changes) {
  PlanCandidate c;
  c.label = std::move(label);
  c.monthly_cost_usd = monthly;
  c.annual_incident_cost_usd = annual_incident;
  c.availability = low;
  c.availability_low = low;
  c.rto_p95_s = rto;
  c.rpo_p95_s = rpo;
  c.changes = changes;
  return c;
}

// Totals per month (monthly + annual incident / 12):
//   0 current   1000 + 1200/12 = 1100, RTO 3000, RPO 600, availability 0.9990 (misses RTO 900)
//   1 warm-50   1500 +  600/12 = 1550, RTO  800, RPO 600, 0.9995 (meets; 1 change)
//   2 warm-100  2000 +  600/12 = 2050, RTO  700, RPO 600, 0.9996 (meets; 2 changes; dominated by nothing: lower RTO)
//   3 hot-hot   3000 +    0    = 3000, RTO   60, RPO  60, 0.9999 (meets; 3 changes)
//   4 bad       2500 +  600/12 = 2550, RTO  800, RPO 600, 0.9995 (dominated by 1: costlier, same RTO/RPO)
std::vector<PlanCandidate> space() {
  return {candidate("current", 1000, 1200, 0.9990, 3000, 600, 0), candidate("warm-50", 1500, 600, 0.9995, 800, 600, 1),
          candidate("warm-100", 2000, 600, 0.9996, 700, 600, 2), candidate("hot-hot", 3000, 0, 0.9999, 60, 60, 3),
          candidate("bad", 2500, 600, 0.9995, 800, 600, 1)};
}

}  // namespace

TEST_CASE("plan recommendations on a hand-checked space", "[planner][plan]") {
  faultline::engine::TargetSpec targets;
  targets.rto_s = 900;
  targets.rpo_s = 900;
  targets.availability = 0.999;
  const auto c = space();
  SECTION("with a budget of 2500 USD per month") {
    const PlanRecommendation r = recommend(c, targets, 2500.0);
    CHECK(r.is_meeting == std::vector<bool>{false, true, true, true, true});
    CHECK(r.pareto == std::vector<std::size_t>{0, 1, 2, 3});
    REQUIRE(r.cheapest.candidate);
    CHECK(*r.cheapest.candidate == 1);  // 1550 < 2050 < 2550 < 3000
    REQUIRE(r.best_within_budget.candidate);
    CHECK(*r.best_within_budget.candidate == 2);  // hot-hot costs 3000 > 2500; warm-100 has the lowest RTO left
    REQUIRE(r.least_change.candidate);
    CHECK(*r.least_change.candidate == 1);  // 1 change; "bad" also 1 change but costlier
    CHECK_THAT(r.cheapest.why, Catch::Contains("1550 USD/month"));
  }
  SECTION("without a budget the best RTO is Hot/Hot") {
    const PlanRecommendation r = recommend(c, targets, std::nullopt);
    CHECK(*r.best_within_budget.candidate == 3);
  }
  SECTION("when the current plan meets the targets it is the least change") {
    targets.rto_s = 4000;
    const PlanRecommendation r = recommend(c, targets, std::nullopt);
    CHECK(*r.least_change.candidate == 0);
    CHECK(*r.cheapest.candidate == 0);
    CHECK_THAT(r.least_change.why, Catch::Contains("already meets"));
  }
  SECTION("when nothing meets the targets, no cheapest and no least change") {
    targets.rto_s = 10;
    const PlanRecommendation r = recommend(c, targets, 100.0);
    CHECK_FALSE(r.cheapest.candidate);
    CHECK_FALSE(r.least_change.candidate);
    CHECK_FALSE(r.best_within_budget.candidate);
    CHECK_THAT(r.cheapest.why, Catch::Contains("no plan"));
  }
}
