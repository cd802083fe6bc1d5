#include <catch2/catch.hpp>

#include "faultline/gui/comparison_model.hpp"

using namespace faultline;
using gui::TargetStatus;

namespace {

engine::IncidentResult incident(double rto, std::optional<double> detect, std::optional<double> sw,
                                std::optional<double> full) {
  engine::IncidentResult i;
  i.rto_s = rto;
  i.detect_s = detect;
  i.switch_s = sw;
  i.full_capacity_s = full;
  return i;
}

}  // namespace

TEST_CASE("build_comparison: one row per pattern with the worst incident's RTO parts and summed counts",
          "[gui][comparison]") {
  engine::RunResult result;
  engine::PatternResult a;
  a.name = "hot-warm";
  a.availability = 0.98;
  a.rto_s = 300;
  a.monthly_cost_usd = 1234.5;
  a.incident_cost_usd = 77;
  a.incidents = {incident(100, 10, 15, 50), incident(300, 20, 30, 200), incident(300, 1, 2, 3)};
  a.series.offered = {10, 20, 0};
  a.series.failed = {1, 2, 0};
  engine::WorkloadResult w1;
  w1.p99_latency_ms = 250.0;
  engine::WorkloadResult w2;
  w2.p99_latency_ms = 400.0;
  engine::WorkloadResult w3;  // no traffic: no p99
  a.workloads = {w1, w2, w3};
  a.targets = {{"rto_s", 900, 300.0, true}, {"availability", 0.99, 0.98, false}};
  engine::PatternResult b;
  b.name = "hot-hot";
  result.patterns = {a, b};

  const std::vector<gui::ComparisonRow> rows = gui::build_comparison(result);
  REQUIRE(rows.size() == 2);
  const gui::ComparisonRow& r = rows[0];
  CHECK(r.name == "hot-warm");
  CHECK(r.availability == 0.98);
  CHECK(r.rto_s == 300.0);
  CHECK(r.detect_s == 20.0);  // the first incident with the largest RTO (index 1)
  CHECK(r.switch_s == 30.0);
  CHECK_FALSE(r.runbook_s.has_value());
  CHECK(r.full_capacity_s == 200.0);
  CHECK(r.offered_requests == 30);
  CHECK(r.failed_requests == 3);
  CHECK(r.p99_latency_ms == 400.0);
  CHECK(r.monthly_cost_usd == 1234.5);
  CHECK(r.incident_cost_usd == 77);
  CHECK(r.targets_met == 1);
  CHECK(r.targets_total == 2);
  CHECK(r.rto_status == TargetStatus::kMet);
  CHECK(r.availability_status == TargetStatus::kMissed);
  CHECK(r.rpo_status == TargetStatus::kNoTarget);
  CHECK(r.cost_status == TargetStatus::kNoTarget);
  CHECK(gui::worst_incident(a) == 1U);

  const gui::ComparisonRow& quiet = rows[1];
  CHECK(quiet.name == "hot-hot");
  CHECK_FALSE(quiet.rto_s.has_value());
  CHECK_FALSE(quiet.detect_s.has_value());
  CHECK_FALSE(quiet.p99_latency_ms.has_value());
  CHECK(quiet.failed_requests == 0);
  CHECK(quiet.targets_total == 0);
  CHECK_FALSE(gui::worst_incident(b).has_value());
}
