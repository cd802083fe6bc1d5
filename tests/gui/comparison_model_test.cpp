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
  // Two token lines in r1 add up (1000 + 34.5); the gateway line is its own component: 1234.5 in all.
  a.cost_breakdown = {
      {"chat", "r1", "tokens", 1000}, {"embed", "r1", "tokens", 34.5}, {"apim", "r1", "gateway units", 200}};
  a.baseline_cost_usd = 1000;
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
  CHECK(r.cost_by_component.size() == 2);
  CHECK(r.cost_by_component.at({"tokens", "r1"}) == 1034.5);
  CHECK(r.cost_by_component.at({"gateways", "r1"}) == 200);
  CHECK(r.premium_usd == 234.5);
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

TEST_CASE("build_comparison carries the worst incident's failback and lost work", "[gui][comparison]") {
  engine::RunResult result;
  engine::PatternResult a;
  a.name = "hot-warm";
  engine::IncidentResult small = incident(100, 10, 15, 50);
  small.work.agent_threads_lost = 99;  // not the worst incident: not shown
  engine::IncidentResult worst = incident(300, 20, 30, 200);
  engine::FailbackResult f;
  f.fault_end_s = 1200;
  f.traffic_back_s = 1260;
  f.failed_requests = 17;
  worst.failback = f;
  worst.work.agent_threads_lost = 6;
  worst.work.training_gpu_hours_lost = 12.5;
  a.incidents = {small, worst};
  engine::PatternResult b;
  b.name = "hot-hot";
  b.incidents = {incident(50, 5, 6, 7)};
  result.patterns = {a, b};

  const auto rows = gui::build_comparison(result);
  REQUIRE(rows.size() == 2);
  REQUIRE(rows[0].failback.has_value());
  CHECK(rows[0].failback->traffic_back_s == 1260.0);
  CHECK(rows[0].failback->failed_requests == 17);
  CHECK(rows[0].work.agent_threads_lost == 6);
  CHECK(rows[0].work.training_gpu_hours_lost == 12.5);
  CHECK_FALSE(rows[1].failback.has_value());
  CHECK(rows[1].work == engine::WorkLossResult{});
}

TEST_CASE("build_store_rows: one row per store, per pattern the incident with the largest RPO", "[gui][comparison]") {
  engine::RunResult result;
  engine::PatternResult a;
  a.name = "hot-warm";
  engine::IncidentResult a1;
  a1.stores = {{"db", "async", 4.5, 3, 90.0, std::nullopt, std::nullopt}};
  engine::IncidentResult a2;
  a2.stores = {{"db", "async", 9.0, 7, 95.0, std::nullopt, std::nullopt},
               {"blob", "backup_restore", 3600, 0, std::nullopt, std::nullopt, std::nullopt}};
  engine::IncidentResult a3;
  a3.stores = {{"db", "async", 9.0, 1, 80.0, std::nullopt, std::nullopt}};  // ties keep the first incident with 9 s
  a.incidents = {a1, a2, a3};
  engine::PatternResult b;
  b.name = "hot-hot";
  engine::IncidentResult b1;
  b1.stores = {{"search", "scheduled_rebuild", 0.0, 0, 10.0, std::nullopt, std::nullopt},
               {"db", "sync", 0.0, 0, 5.0, std::nullopt, std::nullopt}};
  b.incidents = {b1};
  engine::PatternResult c;  // no incident: every cell null
  c.name = "hot-cold";
  result.patterns = {a, b, c};

  SECTION("with an RPO target of 60 s") {
    const std::vector<gui::StoreRow> rows = gui::build_store_rows(result, 60.0);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].store == "db");
    CHECK(rows[1].store == "blob");
    CHECK(rows[2].store == "search");
    REQUIRE(rows[0].cells.size() == 3);
    REQUIRE(rows[0].cells[0].has_value());
    CHECK(rows[0].cells[0]->rpo_s == 9.0);
    CHECK(rows[0].cells[0]->lost_writes == 7);
    CHECK(rows[0].cells[0]->mode == "async");
    CHECK(rows[0].cells[0]->status == TargetStatus::kMet);
    REQUIRE(rows[0].cells[1].has_value());
    CHECK(rows[0].cells[1]->mode == "sync");
    CHECK(rows[0].cells[1]->rpo_s == 0.0);
    CHECK_FALSE(rows[0].cells[2].has_value());
    REQUIRE(rows[1].cells[0].has_value());
    CHECK(rows[1].cells[0]->rpo_s == 3600.0);
    CHECK(rows[1].cells[0]->status == TargetStatus::kMissed);
    CHECK_FALSE(rows[1].cells[1].has_value());
    CHECK_FALSE(rows[2].cells[0].has_value());
    CHECK(rows[2].cells[1]->mode == "scheduled_rebuild");
  }
  SECTION("without a target every cell has no status; a result without stores has no rows") {
    const auto rows = gui::build_store_rows(result, std::nullopt);
    CHECK(rows[1].cells[0]->status == TargetStatus::kNoTarget);
    engine::RunResult empty;
    empty.patterns = {c};
    CHECK(gui::build_store_rows(empty, 60.0).empty());
  }
}
