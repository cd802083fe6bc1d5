#include "event_log_view.hpp"

#include <imgui.h>

#include <cstdint>

#include "faultline/gui/event_log_model.hpp"

namespace faultline::gui {
namespace {

// Colour of the kind column: faults red, router states amber/blue, runbook orange, data purple, failback green.
ImVec4 kind_colour(EventKind kind) {
  switch (kind) {
    case EventKind::kFaultStart:
    case EventKind::kFaultEnd:
    case EventKind::kNotRecovered:
      return ImVec4(0.96F, 0.36F, 0.33F, 1.0F);
    case EventKind::kDetected:
    case EventKind::kEndpoint:
      return ImVec4(1.0F, 0.84F, 0.04F, 1.0F);
    case EventKind::kSwitched:
    case EventKind::kController:
      return ImVec4(0.22F, 0.74F, 0.97F, 1.0F);
    case EventKind::kRunbook:
      return ImVec4(1.0F, 0.6F, 0.3F, 1.0F);
    case EventKind::kData:
      return ImVec4(0.74F, 0.55F, 1.0F, 1.0F);
    case EventKind::kFullCapacity:
    case EventKind::kRecovered:
    case EventKind::kFailback:
      return ImVec4(0.29F, 0.87F, 0.5F, 1.0F);
    case EventKind::kQuota:
      break;
  }
  return ImVec4(0.7F, 0.7F, 0.7F, 1.0F);
}

}  // namespace

void EventLogView::draw(ViewContext& context) {
  ScenarioSession& session = context.session;
  if (!session.has_result()) {
    ImGui::TextDisabled(session.has_scenario() ? "Simulating..." : "Open a scenario (Ctrl+O).");
    return;
  }
  const auto& log = session.log();
  const auto& patterns = session.result().patterns;
  const std::string selected =
      context.selected_pattern < patterns.size() ? patterns[context.selected_pattern].name : "";
  ImGui::Checkbox("selected pattern only", &is_selected_only_);
  ImGui::SameLine();
  ImGui::TextDisabled("%zu of %zu events up to the cursor (%s)", entries_until(log, context.cursor_s), log.size(),
                      format_clock(context.cursor_s).c_str());
  std::uint64_t dropped = 0;
  for (const auto& p : patterns) dropped += p.events_dropped;
  if (dropped > 0) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(1.0F, 0.6F, 0.3F, 1.0F), "(%llu later events not kept by the engine)",
                       static_cast<unsigned long long>(dropped));
  }
  const bool has_cursor_moved = context.cursor_s != last_cursor_s_;
  last_cursor_s_ = context.cursor_s;
  const std::size_t until = entries_until(log, context.cursor_s);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV;
  if (!ImGui::BeginTable("events", 4, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("time", ImGuiTableColumnFlags_WidthFixed, 90.0F * context.scale);
  ImGui::TableSetupColumn("pattern", ImGuiTableColumnFlags_WidthFixed, 80.0F * context.scale);
  ImGui::TableSetupColumn("kind", ImGuiTableColumnFlags_WidthFixed, 80.0F * context.scale);
  ImGui::TableSetupColumn("event", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < log.size(); ++i) {
    const EventLogEntry& e = log[i];
    if (is_selected_only_ && !e.pattern.empty() && e.pattern != selected) continue;
    ImGui::TableNextRow();
    const bool is_past = i < until;
    const bool is_current = i + 1 == until;
    if (is_current) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(255, 214, 10, 60));
    ImGui::TableSetColumnIndex(0);
    ImGui::PushID(static_cast<int>(i));
    if (!is_past) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    if (ImGui::Selectable(format_clock(e.time_s).c_str(), is_current, ImGuiSelectableFlags_SpanAllColumns)) {
      context.cursor_s = e.time_s;
    }
    if (is_current && has_cursor_moved) ImGui::SetScrollHereY(0.5F);
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(e.pattern.empty() ? "all" : e.pattern.c_str());
    ImGui::TableSetColumnIndex(2);
    if (is_past) {
      ImGui::TextColored(kind_colour(e.kind), "%s", to_string(e.kind));
    } else {
      ImGui::TextUnformatted(to_string(e.kind));
    }
    ImGui::TableSetColumnIndex(3);
    if (e.is_failure && is_past) {
      ImGui::TextColored(ImVec4(0.96F, 0.36F, 0.33F, 1.0F), "%s", e.text.c_str());
    } else {
      ImGui::TextUnformatted(e.text.c_str());
    }
    if (!is_past) ImGui::PopStyleColor();
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace faultline::gui
