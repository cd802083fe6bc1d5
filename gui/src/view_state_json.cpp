#include "faultline/gui/view_state_json.hpp"

#include <nlohmann/json.hpp>

#include "faultline/contract/result_json.hpp"

namespace faultline::gui {
namespace {

using contract::optional_value;

using Json = nlohmann::ordered_json;

const char* status_name(TargetStatus s) {
  switch (s) {
    case TargetStatus::kMet:
      return "met";
    case TargetStatus::kMissed:
      return "missed";
    case TargetStatus::kNoTarget:
      return "none";
  }
  return "none";
}

// The GUI shows a shorter failback and lost-work summary than result/v1 writes (no fault end,
// no rehydrated threads, no training resume time): its own keys, not the result's writer.
Json failback_json(const std::optional<engine::FailbackResult>& f) {
  if (!f) return Json(nullptr);
  return Json{{"traffic_back_s", optional_value(f->traffic_back_s)},
              {"resync_s", optional_value(f->resync_s)},
              {"complete_s", optional_value(f->complete_s)},
              {"failed_requests", f->failed_requests},
              {"write_pause_s", f->write_pause_s}};
}

Json work_json(const engine::WorkLossResult& w) {
  return Json{{"agent_threads_lost", w.agent_threads_lost},
              {"training_gpu_hours_lost", w.training_gpu_hours_lost},
              {"training_cost_usd_lost", w.training_cost_usd_lost},
              {"rag_documents_redone", w.rag_documents_redone}};
}

}  // namespace

std::string to_state_json(const ViewStateInfo& info, const std::vector<ComparisonRow>& rows,
                          const std::vector<CursorState>& cursor, const std::vector<StoreRow>& stores,
                          const PlannerDocuments* planner) {
  Json patterns = Json::array();
  for (const ComparisonRow& r : rows) {
    Json targets = Json::array();
    for (const engine::TargetResult& t : r.targets) targets.push_back(contract::target_json(t));
    patterns.push_back(Json{{"name", r.name},
                            {"availability", r.availability},
                            {"rto_s", optional_value(r.rto_s)},
                            {"detect_s", optional_value(r.detect_s)},
                            {"switch_s", optional_value(r.switch_s)},
                            {"runbook_s", optional_value(r.runbook_s)},
                            {"full_capacity_s", optional_value(r.full_capacity_s)},
                            {"rpo_s", optional_value(r.rpo_s)},
                            {"offered_requests", r.offered_requests},
                            {"failed_requests", r.failed_requests},
                            {"p99_latency_ms", optional_value(r.p99_latency_ms)},
                            {"monthly_cost_usd", r.monthly_cost_usd},
                            {"incident_cost_usd", r.incident_cost_usd},
                            {"targets_met", r.targets_met},
                            {"targets_total", r.targets_total},
                            {"status", Json{{"availability", status_name(r.availability_status)},
                                            {"rto_s", status_name(r.rto_status)},
                                            {"rpo_s", status_name(r.rpo_status)},
                                            {"monthly_cost_usd", status_name(r.cost_status)}}},
                            {"targets", targets},
                            {"failback", failback_json(r.failback)},
                            {"work", work_json(r.work)}});
  }
  Json store_list = Json::array();
  for (const StoreRow& row : stores) {
    Json cells = Json::array();
    for (const auto& c : row.cells) {
      cells.push_back(c ? Json{{"rpo_s", c->rpo_s}, {"lost_writes", c->lost_writes}, {"mode", c->mode}}
                        : Json(nullptr));
    }
    store_list.push_back(Json{{"store", row.store}, {"patterns", cells}});
  }
  Json cursors = Json::array();
  for (std::size_t i = 0; i < cursor.size(); ++i) {
    const CursorState& c = cursor[i];
    cursors.push_back(Json{{"pattern", i < rows.size() ? rows[i].name : std::string()},
                           {"bucket", optional_value(c.bucket)},
                           {"success_ratio", optional_value(c.success_ratio)},
                           {"active_faults", c.active_faults},
                           {"phase", to_string(c.phase)}});
  }
  const Json root{
      {"schema", "faultline.gui-state/v1"},
      {"scenario_file", info.scenario_file},
      {"scenario", info.scenario_name},
      {"view", info.view},
      {"cursor_s", info.cursor_s},
      {"frames", info.frames},
      {"framebuffer", Json{{"width", info.framebuffer_width}, {"height", info.framebuffer_height}}},
      {"patterns", patterns},
      {"stores", store_list},
      {"cursor", cursors},
      {"planner", planner != nullptr && !planner->is_empty() ? planner_state_json(*planner) : Json(nullptr)}};
  return root.dump(2) + "\n";
}

}  // namespace faultline::gui
