#include "faultline/contract/result_json.hpp"

#include <nlohmann/json.hpp>

#include "faultline/contract/schema_names.hpp"
#include "json_values.hpp"

namespace faultline::contract {
namespace {

using Json = nlohmann::ordered_json;

template <typename T>
Json optional_list(const std::vector<std::optional<T>>& values) {
  Json out = Json::array();
  for (const auto& v : values) out.push_back(optional_value(v));
  return out;
}

Json runbook_steps_json(const std::vector<engine::RunbookStepResult>& steps) {
  Json out = Json::array();
  for (const auto& s : steps) {
    out.push_back(Json{{"id", s.id},
                       {"kind", s.kind},
                       {"start_s", s.start_s},
                       {"end_s", s.end_s},
                       {"attempts", s.attempts},
                       {"failed", s.is_failed},
                       {"critical", s.is_critical}});
  }
  return out;
}

Json rto_phases_json(const std::vector<engine::RtoPhaseResult>& phases) {
  Json out = Json::array();
  for (const auto& p : phases) {
    out.push_back(Json{{"phase", p.phase}, {"start_s", p.start_s}, {"end_s", p.end_s}, {"cause", p.cause}});
  }
  return out;
}

Json stores_json(const std::vector<engine::StoreLossResult>& stores) {
  Json out = Json::array();
  for (const auto& s : stores) {
    out.push_back(Json{{"store", s.store},
                       {"mode", s.mode},
                       {"rpo_s", s.rpo_s},
                       {"lost_writes", s.lost_writes},
                       {"promoted_s", optional_value(s.promoted_s)},
                       {"rpo_worst_s", optional_value(s.rpo_worst_s)},
                       {"rpo_expected_s", optional_value(s.rpo_expected_s)}});
  }
  return out;
}

Json incident_json(const engine::IncidentResult& i) {
  return Json{{"fault", i.fault},
              {"fault_type", i.fault_type},
              {"start_s", i.start_s},
              {"rto_s", i.rto_s},
              {"recovered", i.recovered},
              {"pre_incident_ratio", i.pre_incident_ratio},
              {"rpo_s", optional_value(i.rpo_s)},
              {"detect_s", optional_value(i.detect_s)},
              {"switch_s", optional_value(i.switch_s)},
              {"runbook_s", optional_value(i.runbook_s)},
              {"full_capacity_s", optional_value(i.full_capacity_s)},
              {"lost_writes", i.lost_writes},
              {"downtime_s", i.downtime_s},
              {"degraded_s", i.degraded_s},
              {"downtime_weighted_s", i.downtime_weighted_s},
              {"availability", optional_value(i.availability)},
              {"cost_usd", i.cost_usd},
              {"runbook_steps", runbook_steps_json(i.runbook_steps)},
              {"stores", stores_json(i.stores)},
              {"failback", failback_json(i.failback)},
              {"work", work_json(i.work)},
              {"rto_phases", rto_phases_json(i.rto_phases)}};
}

Json workload_json(const engine::WorkloadResult& w) {
  return Json{{"name", w.name},
              {"offered", w.offered},
              {"succeeded", w.succeeded},
              {"availability", optional_value(w.availability)},
              {"slo_window_share", optional_value(w.slo_window_share)},
              {"slo_windows", w.slo_windows},
              {"slo_windows_met", w.slo_windows_met},
              {"p50_latency_ms", optional_value(w.p50_latency_ms)},
              {"p99_latency_ms", optional_value(w.p99_latency_ms)}};
}

Json series_json(const engine::SeriesResult& s) {
  Json share = Json::array();
  for (const auto& region : s.traffic_share) share.push_back(optional_list(region));
  return Json{{"bucket_s", s.bucket_s},
              {"replications", s.replications},
              {"start_s", s.start_s},
              {"offered", s.offered},
              {"failed", s.failed},
              {"success_ratio", optional_list(s.success_ratio)},
              {"p99_latency_ms", optional_list(s.p99_latency_ms)},
              {"max_latency_ms", optional_list(s.max_latency_ms)},
              {"regions", s.regions},
              {"traffic_share", share},
              {"capacity", s.capacity},
              {"replication_lag_mean_s", optional_list(s.replication_lag_mean_s)},
              {"replication_lag_max_s", optional_list(s.replication_lag_max_s)}};
}

Json events_json(const std::vector<engine::EventRecord>& events) {
  Json out = Json::array();
  for (const auto& e : events) {
    out.push_back(Json{{"t_s", e.t_s},
                       {"kind", std::string(to_string(e.kind))},
                       {"subject", e.subject},
                       {"state", std::string(to_string(e.state))},
                       {"cause", e.cause}});
  }
  return out;
}

Json pattern_json(const engine::PatternResult& p) {
  Json incidents = Json::array();
  for (const auto& i : p.incidents) incidents.push_back(incident_json(i));
  Json targets = Json::array();
  for (const auto& t : p.targets) targets.push_back(target_json(t));
  Json workloads = Json::array();
  for (const auto& w : p.workloads) workloads.push_back(workload_json(w));
  Json cost_breakdown = Json::array();
  for (const auto& c : p.cost_breakdown) {
    cost_breakdown.push_back(
        Json{{"node", c.node}, {"region", c.region}, {"item", c.item}, {"monthly_usd", c.monthly_usd}});
  }
  return Json{{"name", p.name},
              {"availability", p.availability},
              {"rto_s", optional_value(p.rto_s)},
              {"rpo_s", optional_value(p.rpo_s)},
              {"monthly_cost_usd", p.monthly_cost_usd},
              {"incident_cost_usd", p.incident_cost_usd},
              {"cost_breakdown", cost_breakdown},
              {"baseline_cost_usd", optional_value(p.baseline_cost_usd)},
              {"premium_usd", optional_value(p.premium_usd())},
              {"gate", p.is_gated},
              {"incidents", incidents},
              {"targets", targets},
              {"workloads", workloads},
              {"series", series_json(p.series)},
              {"events", events_json(p.events)},
              {"events_dropped", p.events_dropped}};
}

}  // namespace

Json failback_json(const std::optional<engine::FailbackResult>& f) {
  if (!f) return Json(nullptr);
  return Json{{"fault_end_s", f->fault_end_s},           {"traffic_back_s", optional_value(f->traffic_back_s)},
              {"resync_s", optional_value(f->resync_s)}, {"complete_s", optional_value(f->complete_s)},
              {"failed_requests", f->failed_requests},   {"write_pause_s", f->write_pause_s}};
}

Json work_json(const engine::WorkLossResult& w) {
  return Json{{"agent_threads_lost", w.agent_threads_lost},
              {"agent_threads_rehydrated", w.agent_threads_rehydrated},
              {"training_gpu_hours_lost", w.training_gpu_hours_lost},
              {"training_cost_usd_lost", w.training_cost_usd_lost},
              {"training_resumed_s", optional_value(w.training_resumed_s)},
              {"rag_documents_redone", w.rag_documents_redone}};
}

Json target_json(const engine::TargetResult& t) {
  return Json{{"name", t.name}, {"limit", t.limit}, {"value", optional_value(t.value)}, {"met", t.met}};
}

std::string to_json_text(const engine::RunResult& result) {
  Json inputs = Json::array();
  for (const auto& i : result.inputs) inputs.push_back(Json{{"role", i.role}, {"path", i.path}, {"sha256", i.sha256}});
  Json patterns = Json::array();
  for (const auto& p : result.patterns) patterns.push_back(pattern_json(p));
  const Json root{{"schema", kResultSchema},
                  {"faultline_version", result.faultline_version},
                  {"inputs", inputs},
                  {"seed", result.seed},
                  {"patterns", patterns}};
  return root.dump(2) + "\n";
}

}  // namespace faultline::contract
