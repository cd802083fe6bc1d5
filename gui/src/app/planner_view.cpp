#include "planner_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace faultline::gui {
namespace {

constexpr ImU32 kPatternColours[] = {IM_COL32(88, 166, 255, 255),  IM_COL32(255, 166, 87, 255),
                                     IM_COL32(188, 140, 255, 255), IM_COL32(63, 185, 160, 255),
                                     IM_COL32(240, 120, 180, 255), IM_COL32(200, 200, 90, 255)};
constexpr ImU32 kAxis = IM_COL32(140, 150, 160, 255);
constexpr ImU32 kGrid = IM_COL32(60, 66, 74, 255);
constexpr ImU32 kText = IM_COL32(200, 206, 212, 255);
constexpr ImU32 kTarget = IM_COL32(235, 80, 70, 255);
constexpr ImU32 kPareto = IM_COL32(88, 166, 255, 255);
constexpr ImU32 kDominated = IM_COL32(120, 128, 138, 160);
constexpr ImU32 kMeets = IM_COL32(80, 200, 120, 255);

ImU32 pattern_colour(std::size_t i) {
  return kPatternColours[i % (sizeof kPatternColours / sizeof kPatternColours[0])];
}

ImVec2 px(const ScreenPoint& p) { return {static_cast<float>(p.x), static_cast<float>(p.y)}; }

ScreenPoint mouse_point() {
  const ImVec2 m = ImGui::GetMousePos();
  return {m.x, m.y};
}

std::string format(const char* pattern, double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, pattern, v);
  return buffer;
}

// Frame, grid and 5 tick labels per axis of `box`, x over [x_lo, x_hi] and y over [y_lo, y_hi].
void draw_frame(ImDrawList* draw, const PlotBox& box, double x_lo, double x_hi, double y_lo, double y_hi,
                const char* x_format, const char* y_format, const char* x_title, const char* y_title) {
  const auto left = static_cast<float>(box.left);
  const auto top = static_cast<float>(box.top);
  const auto right = static_cast<float>(box.left + box.width);
  const auto bottom = static_cast<float>(box.top + box.height);
  draw->AddRectFilled(ImVec2(left, top), ImVec2(right, bottom), IM_COL32(24, 27, 32, 255));
  const float line_h = ImGui::GetTextLineHeight();
  for (int k = 0; k <= 4; ++k) {
    const float y = bottom - static_cast<float>(box.height) * static_cast<float>(k) / 4.0F;
    if (k > 0 && k < 4) draw->AddLine(ImVec2(left, y), ImVec2(right, y), kGrid);
    const std::string label = format(y_format, y_lo + (y_hi - y_lo) * k / 4.0);
    draw->AddText(ImVec2(left - ImGui::CalcTextSize(label.c_str()).x - 4.0F, y - line_h / 2.0F), kText, label.c_str());
    const float x = left + static_cast<float>(box.width) * static_cast<float>(k) / 4.0F;
    draw->AddLine(ImVec2(x, bottom), ImVec2(x, bottom + 4.0F), kAxis);
    const std::string x_label = format(x_format, x_lo + (x_hi - x_lo) * k / 4.0);
    draw->AddText(ImVec2(x - ImGui::CalcTextSize(x_label.c_str()).x / 2.0F, bottom + 5.0F), kText, x_label.c_str());
  }
  draw->AddRect(ImVec2(left, top), ImVec2(right, bottom), kAxis);
  draw->AddText(ImVec2((left + right - ImGui::CalcTextSize(x_title).x) / 2.0F, bottom + 5.0F + line_h), kText, x_title);
  draw->AddText(ImVec2(left, top - line_h - 2.0F), kText, y_title);
}

// Screen area [origin, origin + size] as a plot box with room for tick labels around it.
PlotBox plot_box(ImVec2 origin, ImVec2 size, float scale) {
  const float line_h = ImGui::GetTextLineHeight();
  return {origin.x + 64.0F * scale, origin.y + line_h + 6.0F * scale, std::max(10.0F, size.x - 80.0F * scale),
          std::max(10.0F, size.y - 3.0F * line_h - 14.0F * scale)};
}

}  // namespace

void PlannerView::draw(const PlannerDocuments& documents, float scale) {
  if (documents.is_empty()) {
    ImGui::TextDisabled(
        "Open a faultline mc or plan document: File > Open..., or faultline-gui --mc FILE --plan FILE.");
    return;
  }
  const float height = ImGui::GetContentRegionAvail().y;
  if (documents.mc) draw_mc(*documents.mc, documents.plan ? height * 0.55F : height, scale);
  if (documents.plan) draw_plan(*documents.plan, ImGui::GetContentRegionAvail().y, scale);
}

void PlannerView::draw_mc(const contract::McDocument& mc, float height, float scale) {
  const float start_y = ImGui::GetCursorPosY();
  draw_mc_header(mc, scale);
  const float used = ImGui::GetCursorPosY() - start_y;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float rest = std::max(80.0F * scale, height - used - 6.0F * scale);
  const bool has_criticality = !mc.patterns.empty() && !mc.patterns[histogram_pattern_].criticality.empty();
  const ImVec2 cell(width / 2.0F, has_criticality ? rest * 0.6F : rest);
  ImDrawList* draw = ImGui::GetWindowDrawList();

  // RTO CDF, every pattern on one axis.
  std::vector<double> all;
  for (const auto& p : mc.patterns) all.insert(all.end(), p.rto_s.begin(), p.rto_s.end());
  const double x_end = reports::cdf_axis_end_s(all, mc.target_rto_s);
  const PlotBox cdf_box = plot_box(origin, cell, scale);
  draw_frame(draw, cdf_box, 0.0, x_end, 0.0, 1.0, "%.0f", "%.2f", "RTO of an incident, s",
             "P(RTO <= x), every incident");
  for (std::size_t i = 0; i < mc.patterns.size(); ++i) {
    const auto points = cdf_polyline(reports::empirical_cdf(mc.patterns[i].rto_s), x_end, cdf_box);
    std::vector<ImVec2> line;
    for (const auto& p : points) line.push_back(px(p));
    if (!line.empty())
      draw->AddPolyline(line.data(), static_cast<int>(line.size()), pattern_colour(i), 0, 2.0F * scale);
  }
  const bool is_hovered = ImGui::IsWindowHovered();
  if (const auto readout = cdf_readout(mc, x_end, cdf_box, mouse_point()); readout && is_hovered) {
    const auto x = static_cast<float>(mouse_point().x);
    draw->AddLine(ImVec2(x, static_cast<float>(cdf_box.top)),
                  ImVec2(x, static_cast<float>(cdf_box.top + cdf_box.height)), kAxis);
    ImGui::SetTooltip("%s", cdf_readout_text(*readout, mc).c_str());
  }
  if (mc.target_rto_s) {
    const auto x = static_cast<float>(cdf_box.left + cdf_box.width * std::min(1.0, *mc.target_rto_s / x_end));
    draw->AddLine(ImVec2(x, static_cast<float>(cdf_box.top)),
                  ImVec2(x, static_cast<float>(cdf_box.top + cdf_box.height)), kTarget, 2.0F * scale);
    const std::string label = format("target %.0f s", *mc.target_rto_s);
    draw->AddText(ImVec2(x - ImGui::CalcTextSize(label.c_str()).x - 4.0F,
                         static_cast<float>(cdf_box.top + cdf_box.height) - ImGui::GetTextLineHeight() - 2.0F),
                  kTarget, label.c_str());
  }

  // Annual downtime histogram of the chosen pattern.
  if (!mc.patterns.empty()) {
    const auto& p = mc.patterns[histogram_pattern_];
    const auto bins = reports::histogram_bins(p.annual_downtime_hours);
    const PlotBox box = plot_box(ImVec2(origin.x + cell.x, origin.y), cell, scale);
    if (!bins.empty()) {
      draw_frame(draw, box, bins.front().low, bins.back().high, 0.0, reports::histogram_count_end(bins), "%.3f", "%.0f",
                 "downtime per replication, hours per year", "replications");
      for (const ScreenBar& b : histogram_bars(bins, box)) {
        if (b.count == 0) continue;
        draw->AddRectFilled(ImVec2(static_cast<float>(b.x0), static_cast<float>(b.y0)),
                            ImVec2(static_cast<float>(std::max(b.x0 + 1.0, b.x1 - 1.0)), static_cast<float>(b.y1)),
                            pattern_colour(histogram_pattern_));
      }
      if (const auto readout = histogram_readout(bins, box, mouse_point()); readout && is_hovered) {
        ImGui::SetTooltip("%s", histogram_readout_text(*readout).c_str());
      }
    }
  }
  ImGui::Dummy(cell);
  if (has_criticality) draw_criticality(mc.patterns[histogram_pattern_], rest - cell.y, scale);
}

void PlannerView::draw_criticality(const contract::McPatternData& pattern, float height, float scale) {
  const float line_h = ImGui::GetTextLineHeight();
  const float row_h = line_h + 4.0F * scale;
  ImGui::Text(
      "What drives %s's downtime: share per component (incident counted against the component whose failure "
      "took the service down)",
      pattern.name.c_str());
  const auto max_rows = static_cast<std::size_t>(std::max(1.0F, (height - 2.0F * line_h) / row_h));
  const auto rows = criticality_rows(pattern, max_rows);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float label_w = 300.0F * scale;
  const float bar_w = std::max(40.0F, width * 0.45F - label_w);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const float y = origin.y + row_h * static_cast<float>(i);
    draw->AddText(ImVec2(origin.x, y), kText, rows[i].component.c_str());
    const float x0 = origin.x + label_w;
    draw->AddRectFilled(ImVec2(x0, y + 2.0F), ImVec2(x0 + bar_w, y + line_h), IM_COL32(24, 27, 32, 255));
    draw->AddRectFilled(ImVec2(x0, y + 2.0F),
                        ImVec2(x0 + bar_w * static_cast<float>(rows[i].downtime_share), y + line_h), kPareto);
    draw->AddText(ImVec2(x0 + bar_w + 8.0F * scale, y), kText, rows[i].text.c_str());
  }
  if (rows.empty()) ImGui::TextDisabled("No incident cost downtime or writes.");
  ImGui::Dummy(ImVec2(width, row_h * static_cast<float>(rows.size())));
}

void PlannerView::draw_mc_header(const contract::McDocument& mc, float scale) {
  ImGui::Text("Monte Carlo: %s, %zu x %g year(s)", mc.scenario.c_str(), mc.replications, mc.years_per_replication);
  ImGui::SameLine();
  if (mc.markov_availability) {
    ImGui::TextDisabled("| Markov (exact, structure) %.5f %%", *mc.markov_availability * 100.0);
  }
  if (!mc.defaulted.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("| defaulted: %zu component(s) from published data (docs/planner.md)", mc.defaulted.size());
  }
  for (std::size_t i = 0; i < mc.patterns.size(); ++i) {
    const auto& p = mc.patterns[i];
    if (i > 0) ImGui::SameLine();
    const ImVec4 colour = ImGui::ColorConvertU32ToFloat4(pattern_colour(i));
    if (p.availability.ci99_low && p.availability.ci99_high) {
      ImGui::TextColored(colour, "%s %.5f %% [%.5f, %.5f]  ", p.name.c_str(), p.availability.mean * 100.0,
                         *p.availability.ci99_low * 100.0, *p.availability.ci99_high * 100.0);
    } else {
      ImGui::TextColored(colour, "%s %.5f %%  ", p.name.c_str(), p.availability.mean * 100.0);
    }
  }
  if (!mc.patterns.empty()) {
    histogram_pattern_ = std::min(histogram_pattern_, mc.patterns.size() - 1);
    const float half = ImGui::GetContentRegionAvail().x / 2.0F;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + half);
    ImGui::SetNextItemWidth(200.0F * scale);
    if (ImGui::BeginCombo("pattern (histogram, criticality)", mc.patterns[histogram_pattern_].name.c_str())) {
      for (std::size_t i = 0; i < mc.patterns.size(); ++i) {
        if (ImGui::Selectable(mc.patterns[i].name.c_str(), i == histogram_pattern_)) histogram_pattern_ = i;
      }
      ImGui::EndCombo();
    }
  }
}

void PlannerView::draw_plan(const contract::PlanDocument& plan, float height, float scale) {
  const float start_y = ImGui::GetCursorPosY();
  ImGui::Text("Plan: %s, %zu candidate(s)", plan.scenario.c_str(), plan.candidates.size());
  for (const auto& r : plan.recommendations) {
    const char* letter = r.kind == "cheapest_meeting_targets" ? "A" : (r.kind == "best_within_budget" ? "B" : "C");
    ImGui::SameLine();
    ImGui::TextDisabled("| %s %s", letter, r.label.value_or("none").c_str());
  }
  const float used = ImGui::GetCursorPosY() - start_y;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size(ImGui::GetContentRegionAvail().x, std::max(80.0F * scale, height - used - 6.0F * scale));
  const PlotBox box = plot_box(origin, size, scale);
  const ParetoScatter s = pareto_scatter(plan, box, scale);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw_frame(draw, box, s.cost_lo_usd, s.cost_hi_usd, 0.0, s.rto_end_s, "%.0f", "%.0f",
             "expected total cost, USD per month (radius: RPO p95; ring green: meets targets)", "RTO p95, s");
  std::vector<ImVec2> front;
  for (const auto& p : s.front) front.push_back(px(p));
  if (front.size() > 1) draw->AddPolyline(front.data(), static_cast<int>(front.size()), kPareto, 0, 1.5F * scale);
  for (const bool is_pareto : {false, true}) {
    for (const ScatterMark& m : s.marks) {
      if (m.is_pareto != is_pareto) continue;
      const auto r = static_cast<float>(m.radius);
      draw->AddCircleFilled(px(m.centre), r, is_pareto ? kPareto : kDominated);
      draw->AddCircle(px(m.centre), r, m.meets_targets ? kMeets : kTarget, 0, 1.5F * scale);
      if (!m.tag.empty()) {
        draw->AddText(ImVec2(px(m.centre).x + r + 3.0F, px(m.centre).y - r - ImGui::GetTextLineHeight()), kText,
                      m.tag.c_str());
      }
    }
  }
  // Hover: the candidate under the pointer (the last drawn wins, as it is on top).
  const std::optional<std::size_t> hovered = pareto_hit(s, mouse_point());
  ImGui::Dummy(size);
  if (hovered && ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s", pareto_readout_text(plan.candidates[*hovered]).c_str());
  }
}

}  // namespace faultline::gui
