#include "sample_result.hpp"

namespace faultline::testing {
namespace {

engine::PatternResult pattern(const std::string& name, double rto, bool is_met) {
  engine::PatternResult p;
  p.name = name;
  p.availability = 0.975;
  p.rto_s = rto;
  p.rpo_s = std::nullopt;
  p.monthly_cost_usd = 1234.25;
  p.incident_cost_usd = 10.25;
  engine::IncidentResult i;
  i.fault = "eastus2 <outage> & \"friends\"";
  i.start_s = 60;
  i.rto_s = rto;
  i.recovered = is_met;
  i.pre_incident_ratio = 1.0;
  i.detect_s = 30;
  i.switch_s = 45.5;
  i.full_capacity_s = std::nullopt;
  i.lost_writes = 3;
  p.incidents.push_back(i);
  p.targets.push_back({"rto_s", 900, rto, is_met});
  p.targets.push_back({"availability", 0.9, 0.975, true});
  p.workloads.push_back({"chat", 400, 390, 0.975, 0.75, 4, 3, 1500.0, 4000.0});
  auto& s = p.series;
  s.bucket_s = 60;
  s.replications = 1;
  s.start_s = {0, 60, 120, 180};
  s.offered = {100, 100, 100, 100};
  s.failed = {0, 10, 0, 0};
  s.success_ratio = {1.0, 0.9, std::nullopt, 1.0};
  s.p99_latency_ms = {900.0, 1200.0, std::nullopt, 800.0};
  s.max_latency_ms = {1000.0, 2000.0, std::nullopt, 900.0};
  s.regions = {"eastus2", "centralus"};
  s.traffic_share = {{1.0, 0.5, std::nullopt, 0.0}, {0.0, 0.5, std::nullopt, 1.0}};
  s.capacity = {{1.0, 0.0, 0.0, 0.0}, {0.25, 0.5, 1.0, 1.0}};
  s.replication_lag_mean_s = {0.5, 2.0, std::nullopt, 0.25};
  s.replication_lag_max_s = {1.0, 4.0, std::nullopt, 0.5};
  return p;
}

// The parts added to v1, on hot-cold's incident only, so that hot-warm shows how views degrade when they are empty.
void add_incident_details(engine::IncidentResult& i) {
  i.runbook_s = 1300;
  // deploy (0-600, critical) and index (0-200, 2 attempts) in parallel, then promote (600-1300, critical);
  // warm never started because "agents" failed after 3 attempts.
  i.runbook_steps = {{"deploy", "deploy_infrastructure", 0, 600, 1, false, true},
                     {"index", "rebuild_search_index", 0, 200, 2, false, false},
                     {"promote", "promote_database", 600, 1300, 1, false, true},
                     {"agents", "recreate_agents", 600, 900, 3, true, false},
                     {"warm", "warm_gpu_caches", 0, 0, 0, false, false}};
  // Phases covering hot-cold's RTO of 1,500 s: 40 + 1,400 + 60.
  i.rto_phases = {{"undetected", 0, 40, "failing until detected"},
                  {"database_promotion", 40, 1440, "runbook step promote (promote_database)"},
                  {"recovery_window", 1440, 1500, "window"}};
  // cosmos: async lag 4.5 s (worst = expected = 4.5); blob: hourly copies (worst 3600, expected 1800).
  i.stores = {{"cosmos <eu>", "async", 4.5, 3, 1300.0, 4.5, 4.5},
              {"blob", "backup_restore", 3600, 0, std::nullopt, 3600.0, 1800.0}};
  engine::FailbackResult f;
  f.fault_end_s = 1800;
  f.traffic_back_s = 1860.5;
  f.resync_s = 240;
  f.complete_s = 2100;
  f.failed_requests = 17;
  f.write_pause_s = 12.5;
  i.failback = f;
  i.work.agent_threads_lost = 6;
  i.work.agent_threads_rehydrated = 40;
  i.work.training_gpu_hours_lost = 12.5;
  i.work.training_cost_usd_lost = 500;
  i.work.training_resumed_s = 2000;
  i.work.rag_documents_redone = 150;
}

}  // namespace

engine::RunResult sample_result() {
  engine::RunResult r;
  r.faultline_version = "0.1.0 (git test)";
  r.inputs = {{"scenario", "scenarios/sample <1>.json", "ab12"}, {"topology", "no/such/topology.json", "cd34"}};
  r.seed = 42;
  r.patterns = {pattern("hot-warm", 120.0, true), pattern("hot-cold", 1500.0, false)};
  add_incident_details(r.patterns[1].incidents[0]);
  using engine::EventKind;
  using engine::EventState;
  r.patterns[1].events = {{60, EventKind::kFault, "eastus2 <outage> & \"friends\"", EventState::kStart, ""},
                          {90, EventKind::kEndpoint, "eastus2", EventState::kUnhealthy, "probe"},
                          {105.5, EventKind::kController, "global", EventState::kFailedOver, "breaker"},
                          {1360, EventKind::kRunbook, "promote", EventState::kDone, ""},
                          {1360, EventKind::kData, "cosmos <eu>", EventState::kPromoted, ""},
                          {2160, EventKind::kFailback, "eastus2", EventState::kComplete, ""}};
  r.patterns[1].events_dropped = 2;
  // hot-cold's cost by item (sums to 1234.25) over a 1000 USD baseline: premium 234.25; hot-warm has none.
  r.patterns[1].cost_breakdown = {{"chat-eastus2", "eastus2", "tokens", 800.0},
                                  {"apim-eastus2", "eastus2", "gateway units", 400.0},
                                  {"fd", "global", "global entry", 34.25}};
  r.patterns[1].baseline_cost_usd = 1000.0;
  return r;
}

}  // namespace faultline::testing
