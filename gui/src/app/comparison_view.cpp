#include "comparison_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>
#include <string>

#include "faultline/engine/model/rto_phases.hpp"
#include "faultline/gui/target_colour.hpp"
#include "faultline/reports/rto_phase_chart.hpp"

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

// The HTML report's colour of an RTO phase ("#rrggbb"), as an opaque ImGui colour.
ImU32 phase_colour(std::string_view phase) {
  const unsigned long rgb = std::stoul(std::string(reports::rto_phase_colour(phase).substr(1)), nullptr, 16);
  return IM_COL32((rgb >> 16) & 0xFFU, (rgb >> 8) & 0xFFU, rgb & 0xFFU, 255);
}

bool has_work(const engine::WorkLossResult& w) {
  return w.agent_threads_lost > 0 || w.training_gpu_hours_lost > 0.0 || w.rag_documents_redone > 0;
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

// Draws row `i` of the comparison table: a selectable pattern name, then its figures on target-coloured cells.
void comparison_row(const ComparisonRow& r, std::size_t i, ViewContext& context) {
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
  status_background(r.targets_total == 0
                        ? TargetStatus::kNoTarget
                        : (r.targets_met == r.targets_total ? TargetStatus::kMet : TargetStatus::kMissed));
  if (ImGui::IsItemHovered() && !r.targets.empty()) {
    ImGui::BeginTooltip();
    for (const engine::TargetResult& t : r.targets) {
      ImGui::TextColored(
          ImGui::ColorConvertU32ToFloat4(status_colour(t.met ? TargetStatus::kMet : TargetStatus::kMissed)),
          "%s %s: %s (limit %.6g)", t.met ? "met" : "MISSED", t.name.c_str(),
          t.value ? std::to_string(*t.value).c_str() : "n/a", t.limit);
    }
    ImGui::EndTooltip();
  }
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
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
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
    comparison_row(rows[i], i, context);
  }
  ImGui::EndTable();
  if (ImGui::CollapsingHeader("RPO per data store, failback and lost work", ImGuiTreeNodeFlags_DefaultOpen)) {
    draw_data(context);
  }
  if (ImGui::CollapsingHeader("Where the RTO went: phases of the worst incident", ImGuiTreeNodeFlags_DefaultOpen)) {
    draw_rto_phases(context);
  }
  if (ImGui::CollapsingHeader("Monthly cost by component, baseline and premium")) draw_cost(context);
  draw_bars(context, scenario);
}

void ComparisonView::draw_data(ViewContext& context) {
  const auto& rows = context.session.rows();
  const auto& stores = context.session.store_rows();
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (stores.empty()) {
    ImGui::TextDisabled(
        "RPO per store: no incident of this run took a data store down (or the engine did not report stores).");
  } else if (ImGui::BeginTable("stores", static_cast<int>(rows.size()) + 1, flags)) {
    ImGui::TableSetupColumn("Data store (RPO, worst incident)");
    for (const ComparisonRow& r : rows) ImGui::TableSetupColumn(r.name.c_str());
    ImGui::TableHeadersRow();
    for (const StoreRow& st : stores) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(st.store.c_str());
      for (std::size_t p = 0; p < st.cells.size() && p < rows.size(); ++p) {
        ImGui::TableSetColumnIndex(static_cast<int>(p) + 1);
        const auto& cell = st.cells[p];
        if (!cell) {
          ImGui::TextDisabled("-");
          continue;
        }
        ImGui::Text("%.1f s  %llu writes  %s", cell->rpo_s, static_cast<unsigned long long>(cell->lost_writes),
                    cell->mode.c_str());
        status_background(cell->status);
      }
    }
    ImGui::EndTable();
  }
  bool has_any = false;
  for (const ComparisonRow& r : rows) has_any = has_any || r.failback.has_value() || has_work(r.work);
  if (!has_any) {
    ImGui::TextDisabled("Failback and lost work: none in this run (faults last to the end, or nothing was lost).");
    return;
  }
  if (!ImGui::BeginTable("failback", 9, flags)) return;
  ImGui::TableSetupColumn("Pattern");
  ImGui::TableSetupColumn("traffic back");
  ImGui::TableSetupColumn("re-sync");
  ImGui::TableSetupColumn("failback done");
  ImGui::TableSetupColumn("failed in failback");
  ImGui::TableSetupColumn("write pause");
  ImGui::TableSetupColumn("threads lost");
  ImGui::TableSetupColumn("GPU-h lost");
  ImGui::TableSetupColumn("docs redone");
  ImGui::TableHeadersRow();
  for (const ComparisonRow& r : rows) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(r.name.c_str());
    if (r.failback) {
      ImGui::TableSetColumnIndex(1);
      seconds_cell(r.failback->traffic_back_s);
      ImGui::TableSetColumnIndex(2);
      seconds_cell(r.failback->resync_s);
      ImGui::TableSetColumnIndex(3);
      seconds_cell(r.failback->complete_s);
      ImGui::TableSetColumnIndex(4);
      ImGui::Text("%llu", static_cast<unsigned long long>(r.failback->failed_requests));
      ImGui::TableSetColumnIndex(5);
      ImGui::Text("%.1f s", r.failback->write_pause_s);
    } else {
      ImGui::TableSetColumnIndex(1);
      ImGui::TextDisabled("no failback");
    }
    ImGui::TableSetColumnIndex(6);
    ImGui::Text("%llu", static_cast<unsigned long long>(r.work.agent_threads_lost));
    ImGui::TableSetColumnIndex(7);
    ImGui::Text("%.1f ($%.0f)", r.work.training_gpu_hours_lost, r.work.training_cost_usd_lost);
    ImGui::TableSetColumnIndex(8);
    ImGui::Text("%llu", static_cast<unsigned long long>(r.work.rag_documents_redone));
  }
  ImGui::EndTable();
}

void ComparisonView::draw_cost(ViewContext& context) {
  const auto& rows = context.session.rows();
  std::set<std::pair<std::string, std::string>> keys;
  for (const ComparisonRow& r : rows) {
    for (const auto& [key, usd] : r.cost_by_component) keys.insert(key);
  }
  if (keys.empty()) {
    ImGui::TextDisabled("No cost breakdown in this result (written before it was recorded).");
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("cost", static_cast<int>(rows.size()) + 2, flags)) return;
  ImGui::TableSetupColumn("Component");
  ImGui::TableSetupColumn("Region");
  for (const ComparisonRow& r : rows) ImGui::TableSetupColumn(r.name.c_str());
  ImGui::TableHeadersRow();
  const auto usd_row = [&](const std::string& label, const std::string& region, auto value) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(label.c_str());
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(region.c_str());
    for (std::size_t p = 0; p < rows.size(); ++p) {
      ImGui::TableSetColumnIndex(static_cast<int>(p) + 2);
      const std::optional<double> v = value(rows[p]);
      if (v) {
        ImGui::Text("%.2f", *v);
      } else {
        ImGui::TextDisabled("-");
      }
    }
  };
  for (const auto& key : keys) {
    usd_row(key.first, key.second, [&](const ComparisonRow& r) {
      const auto it = r.cost_by_component.find(key);
      return std::optional<double>(it == r.cost_by_component.end() ? 0.0 : it->second);
    });
  }
  usd_row("total", "", [](const ComparisonRow& r) { return std::optional<double>(r.monthly_cost_usd); });
  usd_row("single-region baseline", "", [](const ComparisonRow& r) { return r.baseline_cost_usd; });
  usd_row("resilience premium", "", [](const ComparisonRow& r) { return r.premium_usd; });
  ImGui::EndTable();
}

void ComparisonView::draw_bars(ViewContext& context, const engine::Scenario& scenario) {
  const auto& rows = context.session.rows();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float row_h = ImGui::GetTextLineHeightWithSpacing();
  if (rows.empty() || avail.y < row_h * static_cast<float>(rows.size() + 2)) return;
  ImGui::Spacing();
  // Three small bar charts, each against its target (dashed line): lower is better in all three.
  struct Chart {
    const char* title;
    std::optional<double> limit;
    double (*value)(const ComparisonRow&);
    TargetStatus (*status)(const ComparisonRow&);
    const char* format;
  };
  const std::optional<double> unavailability_limit =
      scenario.targets.availability ? std::optional<double>((1.0 - *scenario.targets.availability) * 100.0)
                                    : std::nullopt;
  const Chart charts[] = {
      {"unavailability (%)", unavailability_limit,
       [](const ComparisonRow& r) { return (1.0 - r.availability) * 100.0; },
       [](const ComparisonRow& r) { return r.availability_status; }, "%.3f %%"},
      {"RTO (s)", scenario.targets.rto_s, [](const ComparisonRow& r) { return r.rto_s.value_or(0.0); },
       [](const ComparisonRow& r) { return r.rto_status; }, "%.0f s"},
      {"monthly cost (USD)", scenario.targets.monthly_cost_usd,
       [](const ComparisonRow& r) { return r.monthly_cost_usd; }, [](const ComparisonRow& r) { return r.cost_status; },
       "$%.0f"},
  };
  if (!ImGui::BeginTable("bars", 3, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX)) return;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float name_w = 70.0F * context.scale;
  for (const Chart& chart : charts) {
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", chart.title);
    double hi = chart.limit.value_or(0.0);
    for (const ComparisonRow& r : rows) hi = std::max(hi, chart.value(r));
    if (hi <= 0.0) hi = 1.0;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float bar_w = std::max(10.0F, width - name_w - 4.0F);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const float y = origin.y + static_cast<float>(i) * row_h;
      const double v = chart.value(rows[i]);
      const float len = static_cast<float>(v / hi) * bar_w;
      draw->AddText(ImVec2(origin.x, y), ImGui::GetColorU32(ImGuiCol_Text), rows[i].name.c_str());
      draw->AddRectFilled(ImVec2(origin.x + name_w, y + 2.0F), ImVec2(origin.x + name_w + len, y + row_h - 2.0F),
                          (status_colour(chart.status(rows[i])) & 0x00FFFFFFU) | 0xC0000000U);
      char label[48];
      std::snprintf(label, sizeof label, chart.format, v);
      draw->AddText(ImVec2(origin.x + name_w + 4.0F, y), IM_COL32(255, 255, 255, 255), label);
    }
    if (chart.limit) {
      const float x = origin.x + name_w + static_cast<float>(*chart.limit / hi) * bar_w;
      for (float y = origin.y; y < origin.y + row_h * static_cast<float>(rows.size()); y += 6.0F * context.scale) {
        draw->AddLine(ImVec2(x, y), ImVec2(x, y + 3.0F * context.scale), IM_COL32(255, 214, 10, 255),
                      2.0F * context.scale);
      }
    }
    ImGui::Dummy(ImVec2(width, row_h * static_cast<float>(rows.size())));
  }
  ImGui::EndTable();
}

void ComparisonView::draw_rto_phases(ViewContext& context) {
  const auto& rows = context.session.rows();
  double hi = 0.0;
  std::vector<std::string> legend;  // phase ids present, in first-seen order
  for (const ComparisonRow& r : rows) {
    hi = std::max(hi, r.rto_s.value_or(0.0));
    for (const auto& ph : r.rto_phases) {
      if (std::find(legend.begin(), legend.end(), ph.phase) == legend.end()) legend.push_back(ph.phase);
    }
  }
  if (legend.empty()) {
    ImGui::TextDisabled("No incident with an RTO above 0 s.");
    return;
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float row_h = ImGui::GetTextLineHeightWithSpacing() * 1.3F;
  const float name_w = 70.0F * context.scale;
  const float swatch = ImGui::GetTextLineHeight() * 0.8F;
  for (std::size_t k = 0; k < legend.size(); ++k) {
    if (k > 0) ImGui::SameLine(0.0F, 14.0F * context.scale);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    draw->AddRectFilled(ImVec2(at.x, at.y + 2.0F), ImVec2(at.x + swatch, at.y + 2.0F + swatch),
                        phase_colour(legend[k]));
    ImGui::Dummy(ImVec2(swatch + 2.0F, swatch));
    ImGui::SameLine();
    ImGui::TextUnformatted(std::string(engine::rto_phase_label(legend[k])).c_str());
  }
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float bar_w = std::max(10.0F, width - name_w - 90.0F * context.scale);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ComparisonRow& r = rows[i];
    const float y = origin.y + static_cast<float>(i) * row_h;
    draw->AddText(ImVec2(origin.x, y + 2.0F), ImGui::GetColorU32(ImGuiCol_Text), r.name.c_str());
    for (const auto& ph : r.rto_phases) {
      const float x0 = origin.x + name_w + static_cast<float>(ph.start_s / hi) * bar_w;
      const float x1 = std::max(x0 + 1.0F, origin.x + name_w + static_cast<float>(ph.end_s / hi) * bar_w);
      draw->AddRectFilled(ImVec2(x0, y + 1.0F), ImVec2(x1, y + row_h - 3.0F), phase_colour(ph.phase));
      char label[32];
      std::snprintf(label, sizeof label, "%.0f s", ph.end_s - ph.start_s);
      if (ImGui::CalcTextSize(label).x + 4.0F < x1 - x0) {
        const bool is_light =
            ph.phase == "trigger_delay" || ph.phase == "residual_failures" || ph.phase == "recovery_window";
        draw->AddText(ImVec2(x0 + 3.0F, y + 2.0F), is_light ? IM_COL32(20, 20, 20, 255) : IM_COL32(255, 255, 255, 255),
                      label);
      }
      if (ImGui::IsMouseHoveringRect(ImVec2(x0, y), ImVec2(x1, y + row_h))) {
        ImGui::SetTooltip("%s %.1f s (%.0f to %.0f s)\n%s", std::string(engine::rto_phase_label(ph.phase)).c_str(),
                          ph.end_s - ph.start_s, ph.start_s, ph.end_s, ph.cause.c_str());
      }
    }
    if (r.rto_s) {
      char label[48];
      std::snprintf(label, sizeof label, "RTO %.0f s%s", *r.rto_s, r.is_recovered ? "" : "+");
      const float x = origin.x + name_w + static_cast<float>(*r.rto_s / hi) * bar_w + 4.0F;
      draw->AddText(ImVec2(x, y + 2.0F), ImGui::GetColorU32(ImGuiCol_Text), label);
    }
  }
  ImGui::Dummy(ImVec2(width, row_h * static_cast<float>(rows.size())));
}

}  // namespace faultline::gui
