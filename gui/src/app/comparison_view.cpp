#include "comparison_view.hpp"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "faultline/gui/target_colour.hpp"

namespace faultline::gui {
namespace {

// Cell background: the status colour at low alpha so text stays readable.
void status_background(TargetStatus status) {
  if (status == TargetStatus::kNoTarget) return;
  const ImU32 colour = (status_colour(status) & 0x00FFFFFFU) | (static_cast<ImU32>(110) << 24);
  ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, colour);
}

void seconds_cell(const std::optional<double>& v) {
  if (v) {
    ImGui::Text("%.0f s", *v);
  } else {
    ImGui::TextDisabled("-");
  }
}

std::string targets_line(const engine::Scenario& s) {
  std::string line;
  char buffer[96];
  if (s.targets.availability) {
    std::snprintf(buffer, sizeof buffer, "availability >= %.4g  ", *s.targets.availability);
    line += buffer;
  }
  if (s.targets.rto_s) {
    std::snprintf(buffer, sizeof buffer, "RTO <= %.0f s  ", *s.targets.rto_s);
    line += buffer;
  }
  if (s.targets.rpo_s) {
    std::snprintf(buffer, sizeof buffer, "RPO <= %.0f s  ", *s.targets.rpo_s);
    line += buffer;
  }
  if (s.targets.monthly_cost_usd) {
    std::snprintf(buffer, sizeof buffer, "monthly cost <= $%.0f  ", *s.targets.monthly_cost_usd);
    line += buffer;
  }
  for (const auto& [type, t] : s.targets_by_fault) {
    if (t.rto_s) {
      std::snprintf(buffer, sizeof buffer, "%s RTO <= %.0f s  ", type.c_str(), *t.rto_s);
      line += buffer;
    }
  }
  return line.empty() ? "no targets" : line;
}

}  // namespace

void ComparisonView::draw(ViewContext& context) {
  ScenarioSession& session = context.session;
  if (!session.has_result()) {
    ImGui::TextDisabled(session.has_scenario() ? "Simulating..." : "Open a scenario (Ctrl+O).");
    return;
  }
  const engine::Scenario& scenario = session.result_scenario();
  ImGui::Text("%s", scenario.name.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("targets: %s", targets_line(scenario).c_str());
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp |
                                ImGuiTableFlags_ScrollX;
  if (!ImGui::BeginTable("comparison", 13, flags)) return;
  ImGui::TableSetupColumn("Pattern");
  ImGui::TableSetupColumn("Availability");
  ImGui::TableSetupColumn("RTO");
  ImGui::TableSetupColumn("detect");
  ImGui::TableSetupColumn("switch");
  ImGui::TableSetupColumn("runbook");
  ImGui::TableSetupColumn("full cap.");
  ImGui::TableSetupColumn("RPO");
  ImGui::TableSetupColumn("Failed req.");
  ImGui::TableSetupColumn("p99");
  ImGui::TableSetupColumn("Monthly");
  ImGui::TableSetupColumn("Incident");
  ImGui::TableSetupColumn("Targets");
  ImGui::TableHeadersRow();
  const auto& rows = session.rows();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ComparisonRow& r = rows[i];
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Selectable(r.name.c_str(), context.selected_pattern == i, ImGuiSelectableFlags_SpanAllColumns)) {
      context.selected_pattern = i;
    }
    ImGui::PopID();
    ImGui::TableSetColumnIndex(1);
    ImGui::Text("%.4f %%", r.availability * 100.0);
    status_background(r.availability_status);
    ImGui::TableSetColumnIndex(2);
    seconds_cell(r.rto_s);
    status_background(r.rto_status);
    ImGui::TableSetColumnIndex(3);
    seconds_cell(r.detect_s);
    ImGui::TableSetColumnIndex(4);
    seconds_cell(r.switch_s);
    ImGui::TableSetColumnIndex(5);
    seconds_cell(r.runbook_s);
    ImGui::TableSetColumnIndex(6);
    seconds_cell(r.full_capacity_s);
    ImGui::TableSetColumnIndex(7);
    seconds_cell(r.rpo_s);
    status_background(r.rpo_status);
    ImGui::TableSetColumnIndex(8);
    ImGui::Text("%llu", static_cast<unsigned long long>(r.failed_requests));
    ImGui::TableSetColumnIndex(9);
    if (r.p99_latency_ms) {
      ImGui::Text("%.0f ms", *r.p99_latency_ms);
    } else {
      ImGui::TextDisabled("-");
    }
    ImGui::TableSetColumnIndex(10);
    ImGui::Text("$%.0f", r.monthly_cost_usd);
    status_background(r.cost_status);
    ImGui::TableSetColumnIndex(11);
    ImGui::Text("$%.0f", r.incident_cost_usd);
    ImGui::TableSetColumnIndex(12);
    ImGui::Text("%zu / %zu met", r.targets_met, r.targets_total);
    status_background(r.targets_total == 0 ? TargetStatus::kNoTarget
                                           : (r.targets_met == r.targets_total ? TargetStatus::kMet : TargetStatus::kMissed));
    if (ImGui::IsItemHovered() && !r.targets.empty()) {
      ImGui::BeginTooltip();
      for (const engine::TargetResult& t : r.targets) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(status_colour(t.met ? TargetStatus::kMet : TargetStatus::kMissed)),
                           "%s %s: %s (limit %.6g)", t.met ? "met" : "MISSED", t.name.c_str(),
                           t.value ? std::to_string(*t.value).c_str() : "n/a", t.limit);
      }
      ImGui::EndTooltip();
    }
  }
  ImGui::EndTable();
}

}  // namespace faultline::gui
