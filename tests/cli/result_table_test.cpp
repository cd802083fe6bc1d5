#include <catch2/catch.hpp>

#include "faultline/cli/result_table.hpp"

namespace engine = faultline::engine;

namespace {

// One pattern with one unrecovered incident; failback and lost work only when asked.
engine::RunResult one_pattern(bool has_details) {
  engine::RunResult r;
  engine::PatternResult p;
  p.name = "hot-warm";
  p.availability = 0.5;
  p.rto_s = 600;
  engine::IncidentResult i;
  i.fault = "f";
  i.rto_s = 600;
  i.recovered = true;
  if (has_details) {
    engine::FailbackResult f;
    f.fault_end_s = 1800;
    f.traffic_back_s = 1860.5;
    f.resync_s = 240;
    f.failed_requests = 17;
    f.write_pause_s = 12.5;
    i.failback = f;
    i.work.agent_threads_lost = 6;
    i.work.training_gpu_hours_lost = 12.5;
    i.work.training_cost_usd_lost = 500;
    i.work.rag_documents_redone = 150;
  }
  p.incidents = {i};
  r.patterns = {p};
  return r;
}

}  // namespace

TEST_CASE("result table: failback and lost work lines under the table", "[cli][result_table]") {
  SECTION("present: one line each for the worst incident") {
    const std::string table = faultline::cli::format_result_table(one_pattern(true));
    CHECK_THAT(table,
               Catch::StartsWith("pattern   availability  RTO s  detect s  switch s  runbook s  capacity s  RPO s  "
                                 "lost writes  failed  p99 ms  USD/month  incident USD  targets\n"));
    CHECK_THAT(table,
               Catch::Contains("\n  hot-warm failback: traffic back at 1860.5 s, re-sync 240.0 s, 17 failed requests, "
                               "writes paused 12.5 s\n"
                               "  hot-warm lost work: 6 agent threads, 12.5 GPU-hours (500 USD), 150 documents redone\n"
                               "RTO + :"));
  }
  SECTION("absent (fault to the end of the run, nothing lost): no extra line") {
    const std::string table = faultline::cli::format_result_table(one_pattern(false));
    CHECK(table.find("failback") == std::string::npos);
    CHECK(table.find("lost work") == std::string::npos);
  }
}
