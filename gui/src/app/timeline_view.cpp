#include "timeline_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "faultline/gui/cursor_state.hpp"
#include "faultline/gui/event_log_model.hpp"
#include "faultline/gui/runbook_marks.hpp"
#include "faultline/gui/target_colour.hpp"

namespace faultline::gui {
namespace {

constexpr ImU32 kRegionColours[] = {IM_COL32(88, 166, 255, 255),  IM_COL32(255, 166, 87, 255),
                                    IM_COL32(188, 140, 255, 255), IM_COL32(63, 185, 160, 255),
                                    IM_COL32(240, 120, 180, 255), IM_COL32(200, 200, 90, 255)};

ImU32 region_colour(std::size_t r) { return kRegionColours[r % (sizeof kRegionColours / sizeof kRegionColours[0])]; }

// Opaque, darker fill for stacked areas (translucent fills would show where neighbouring buckets overlap).
ImU32 region_fill(std::size_t r) {
  const ImU32 c = region_colour(r);
  auto dim = [&](int shift) { return ((((c >> shift) & 0xFFU) * 3U) / 4U) << shift; };
  return dim(0) | dim(8) | dim(16) | 0xFF000000U;
}

float to_px(double v) { return static_cast<float>(v); }

// One strip of the plot: [x0, x1] x [y0, y1] in screen px, values [lo, hi] mapped bottom to top.
struct Strip {
  float x0, y0, x1, y1;
  double lo, hi;
  [[nodiscard]] float y_of(double v) const {
    const double f = std::clamp((v - lo) / (hi - lo), 0.0, 1.0);
    return to_px(y1 - f * (y1 - y0));
  }
};

// Draws a step line of per-bucket optional values; a null bucket breaks the line.
template <typename Values>
void step_line(ImDrawList* draw, const TimeAxis& axis, const engine::SeriesResult& s, double run_end,
               const Strip& strip, const Values& values, ImU32 colour, float thickness) {
  std::optional<ImVec2> last;
  for (std::size_t b = 0; b < s.start_s.size() && b < values.size(); ++b) {
    const double t0 = s.start_s[b];
    const double t1 = std::min(t0 + s.bucket_s, run_end);
    if (t1 < axis.view_start_s() || t0 > axis.view_end_s()) {
      last.reset();
      continue;
    }
    const std::optional<double> v = values[b];
    if (!v) {
      last.reset();
      continue;
    }
    const ImVec2 a(to_px(axis.x_of(t0)), strip.y_of(*v));
    const ImVec2 c(to_px(axis.x_of(t1)), strip.y_of(*v));
    if (last) draw->AddLine(*last, a, colour, thickness);
    draw->AddLine(a, c, colour, thickness);
    last = c;
  }
}

// Geometry, colours and draw list shared by every part of one timeline frame.
struct PlotFrame {
  ImDrawList* draw;
  const TimeAxis& axis;
  ImVec2 origin;
  float scale, axis_h, header_h, strip_h, total_h, plot_x0, plot_x1;
  std::size_t strips_per_pattern;
  double max_lag, run_end;
  ImU32 text, dim, grid;
};

// Writes the read-out line: cursor time and each pattern's success ratio and phase there.
void draw_readout(const ViewContext& context, const engine::RunResult& result, const engine::Scenario& scenario) {
  ImGui::Text("cursor %s", format_clock(context.cursor_s).c_str());
  for (const engine::PatternResult& p : result.patterns) {
    const CursorState c = cursor_state(scenario, p, context.cursor_s);
    ImGui::SameLine();
    if (c.success_ratio) {
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ratio_colour(*c.success_ratio, 0.9)), "| %s %.1f %% (%s)",
                         p.name.c_str(), *c.success_ratio * 100.0, to_string(c.phase));
    } else {
      ImGui::TextDisabled("| %s no traffic", p.name.c_str());
    }
  }
  ImGui::SameLine();
  ImGui::TextDisabled("  (wheel: zoom, right-drag: pan, double-click: whole run; triangles: runbook steps)");
}

// The largest replication lag any pattern reports, or nullopt when none reports lag samples.
std::optional<double> max_replication_lag(const engine::RunResult& result) {
  double max_lag = 0.0;
  bool has_lag = false;
  for (const engine::PatternResult& p : result.patterns) {
    for (const auto& lag : p.series.replication_lag_max_s) {
      if (!lag) continue;
      has_lag = true;
      max_lag = std::max(max_lag, *lag);
    }
  }
  if (!has_lag) return std::nullopt;
  return max_lag;
}

// Applies wheel zoom, pan, double-click reset, click/drag and arrow keys of the plot button just submitted.
void handle_plot_input(ViewContext& context, TimeAxis& axis, const engine::RunResult& result, double run_end,
                       float plot_x0, bool is_hovered) {
  const ImGuiIO& io = ImGui::GetIO();
  if (is_hovered && io.MouseWheel != 0.0F && io.MousePos.x >= plot_x0) {
    axis.zoom(std::pow(1.25, static_cast<double>(io.MouseWheel)), axis.t_of(io.MousePos.x));
  }
  if (is_hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) axis.reset();
  if (ImGui::IsItemActive() &&
      (ImGui::IsMouseDown(ImGuiMouseButton_Right) || ImGui::IsMouseDown(ImGuiMouseButton_Middle))) {
    axis.pan_pixels(io.MouseDelta.x);
  } else if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left) && io.MousePos.x >= plot_x0) {
    context.cursor_s = std::clamp(axis.t_of(io.MousePos.x), 0.0, run_end);
  }
  const double bucket_s = result.patterns.empty() ? 1.0 : std::max(1.0, result.patterns.front().series.bucket_s);
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)))
      context.cursor_s = std::max(0.0, context.cursor_s - bucket_s);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) {
      context.cursor_s = std::min(run_end - 1e-6, context.cursor_s + bucket_s);
    }
  }
}

// Draws the time axis: tick labels along the top and grid lines down the whole plot.
void draw_time_axis(const PlotFrame& f) {
  const double step = f.axis.tick_step_s(std::max(2, static_cast<int>((f.plot_x1 - f.plot_x0) / (95.0F * f.scale))));
  f.draw->PushClipRect(ImVec2(f.plot_x0 - 2, f.origin.y), ImVec2(f.plot_x1 + 2, f.origin.y + f.total_h), true);
  for (double t = std::ceil(f.axis.view_start_s() / step) * step; t <= f.axis.view_end_s(); t += step) {
    const float x = to_px(f.axis.x_of(t));
    f.draw->AddLine(ImVec2(x, f.origin.y + f.axis_h - 4 * f.scale), ImVec2(x, f.origin.y + f.total_h), f.grid);
    f.draw->AddText(ImVec2(x + 3 * f.scale, f.origin.y + 2 * f.scale), f.dim, tick_label(t, step).c_str());
  }
  f.draw->PopClipRect();
}

// Draws a pattern's header line at `y`: its name (highlighted when selected) and the region legend at the right end.
void draw_pattern_header(const PlotFrame& f, const engine::PatternResult& pattern, bool is_selected, float y) {
  const engine::SeriesResult& s = pattern.series;
  f.draw->AddText(ImVec2(f.origin.x, y + 1), is_selected ? IM_COL32(255, 214, 10, 255) : f.text, pattern.name.c_str());
  // Region legend at the right end of the header line (incident marks label the left part).
  float legend_x = f.plot_x1;
  for (std::size_t r = s.regions.size(); r-- > 0;) {
    legend_x -= ImGui::CalcTextSize(s.regions[r].c_str()).x + 22.0F * f.scale;
    f.draw->AddRectFilled(ImVec2(legend_x, y + 4 * f.scale), ImVec2(legend_x + 10 * f.scale, y + 14 * f.scale),
                          region_colour(r));
    f.draw->AddText(ImVec2(legend_x + 14 * f.scale, y + 1), f.dim, s.regions[r].c_str());
  }
}

// Shades each fault's span across the strips [strips_top, strips_bottom].
void draw_fault_spans(const PlotFrame& f, const engine::Scenario& scenario, float strips_top, float strips_bottom) {
  f.draw->PushClipRect(ImVec2(f.plot_x0, strips_top), ImVec2(f.plot_x1, strips_bottom), true);
  // Fault spans behind everything.
  for (const engine::FaultSpec& fault : scenario.faults) {
    const double f0 = engine::to_seconds(fault.start);
    const double f1 = std::min(engine::to_seconds(fault.end()), f.run_end);
    f.draw->AddRectFilled(ImVec2(to_px(f.axis.x_of(f0)), strips_top), ImVec2(to_px(f.axis.x_of(f1)), strips_bottom),
                          IM_COL32(218, 54, 51, 40));
  }
  f.draw->PopClipRect();
}

// Fills the stacked traffic share per region of every visible bucket of `s` into `strip`.
void draw_share_stack(const PlotFrame& f, const engine::SeriesResult& s, const Strip& strip) {
  for (std::size_t b = 0; b < s.start_s.size(); ++b) {
    const double t0 = s.start_s[b];
    const double t1 = std::min(t0 + s.bucket_s, f.run_end);
    if (t1 < f.axis.view_start_s() || t0 > f.axis.view_end_s()) continue;
    double below = 0.0;
    for (std::size_t r = 0; r < s.traffic_share.size(); ++r) {
      if (b >= s.traffic_share[r].size() || !s.traffic_share[r][b]) continue;
      const double share = *s.traffic_share[r][b];
      f.draw->AddRectFilled(ImVec2(to_px(f.axis.x_of(t0)), strip.y_of(below + share)),
                            ImVec2(to_px(f.axis.x_of(t1)) + 0.5F, strip.y_of(below)), region_fill(r));
      below += share;
    }
  }
}

// Draws strip `k` (0 success ratio, 1 traffic share, 2 capacity, 3 replication lag) of series `s` over [y0, y1].
void draw_strip(const PlotFrame& f, const engine::Scenario& scenario, const engine::SeriesResult& s, std::size_t k,
                float y0, float y1) {
  const float plot_x0 = f.plot_x0;
  const float plot_x1 = f.plot_x1;
  if (k == 0) {
    const Strip strip{plot_x0, y0 + 2, plot_x1, y1 - 2, 0.0, 1.0};
    const float slo_y = strip.y_of(scenario.slo.success_ratio);
    f.draw->AddLine(ImVec2(plot_x0, slo_y), ImVec2(plot_x1, slo_y), IM_COL32(46, 160, 67, 90));
    step_line(f.draw, f.axis, s, f.run_end, strip, s.success_ratio, IM_COL32(230, 237, 243, 255), 1.5F * f.scale);
  } else if (k == 1) {
    // Stacked shares per bucket.
    draw_share_stack(f, s, Strip{plot_x0, y0 + 2, plot_x1, y1 - 2, 0.0, 1.0});
  } else if (k == 3) {
    const Strip strip{plot_x0, y0 + 2, plot_x1, y1 - 2, 0.0, std::max(f.max_lag, 1.0)};
    step_line(f.draw, f.axis, s, f.run_end, strip, s.replication_lag_max_s, IM_COL32(188, 140, 255, 255),
              1.5F * f.scale);
    step_line(f.draw, f.axis, s, f.run_end, strip, s.replication_lag_mean_s, IM_COL32(188, 140, 255, 140),
              1.0F * f.scale);
  } else {
    double hi = 1.0;
    for (const auto& region : s.capacity) {
      for (double v : region) hi = std::max(hi, v);
    }
    const Strip strip{plot_x0, y0 + 2, plot_x1, y1 - 2, 0.0, hi};
    for (std::size_t r = 0; r < s.capacity.size(); ++r) {
      step_line(f.draw, f.axis, s, f.run_end, strip, s.capacity[r], region_colour(r), 1.5F * f.scale);
    }
  }
}

// Draws every strip of series `s` from `strips_top` down: label, frame and plot of each.
void draw_strips(const PlotFrame& f, const engine::Scenario& scenario, const engine::SeriesResult& s,
                 float strips_top) {
  const char* strip_names[] = {"success ratio", "traffic share", "capacity", "replication lag"};
  for (std::size_t k = 0; k < f.strips_per_pattern; ++k) {
    const float y0 = strips_top + f.strip_h * static_cast<float>(k);
    const float y1 = y0 + f.strip_h - 3.0F * f.scale;
    f.draw->AddText(ImVec2(f.origin.x + 8 * f.scale, y0 + (f.strip_h - ImGui::GetTextLineHeight()) * 0.5F), f.dim,
                    strip_names[k]);
    f.draw->AddRect(ImVec2(f.plot_x0, y0), ImVec2(f.plot_x1, y1), f.grid);
    f.draw->PushClipRect(ImVec2(f.plot_x0, y0), ImVec2(f.plot_x1, y1), true);
    draw_strip(f, scenario, s, k, y0, y1);
    f.draw->PopClipRect();
  }
}

// Draws the incident marks (detect, switch, full, RTO) across the strips, labelled left to right on the header line
// `y`.
void draw_incident_marks(const PlotFrame& f, const engine::PatternResult& pattern, float y, float strips_top,
                         float strips_bottom) {
  float label_end = f.plot_x0;  // labels placed left to right without overlapping
  for (const engine::IncidentResult& i : pattern.incidents) {
    auto mark = [&](const std::optional<double>& offset, const char* label, ImU32 colour) {
      if (!offset) return;
      const float x = to_px(f.axis.x_of(i.start_s + *offset));
      f.draw->AddLine(ImVec2(x, strips_top), ImVec2(x, strips_bottom), colour, 1.5F * f.scale);
      const float label_x = std::max(x + 2 * f.scale, label_end);
      f.draw->AddText(ImVec2(label_x, y + 1), colour, label);
      label_end = label_x + ImGui::CalcTextSize(label).x + 6 * f.scale;
    };
    mark(i.detect_s, "detect", IM_COL32(255, 214, 10, 230));
    mark(i.switch_s, "switch", IM_COL32(56, 189, 248, 230));
    mark(i.full_capacity_s, "full", IM_COL32(74, 222, 128, 230));
    if (i.recovered) mark(std::optional<double>(i.rto_s), "RTO", IM_COL32(244, 244, 245, 230));
  }
}

// Draws the pattern's runbook steps at the top of its strips; sets `hovered_step` to the step whose tick is under the
// mouse.
void draw_runbook_marks(const PlotFrame& f, const engine::PatternResult& pattern, bool is_hovered, float strips_top,
                        float strips_bottom, std::string& hovered_step) {
  const ImGuiIO& io = ImGui::GetIO();
  const float scale = f.scale;
  // Runbook steps: a thin bar from start to end at the top of the strips, a tick at the end
  // (critical path orange, failed red, others grey); hover a tick for the step.
  for (const RunbookMark& m : runbook_marks(pattern)) {
    const ImU32 colour = m.is_failed ? IM_COL32(244, 67, 54, 255)
                                     : (m.is_critical ? IM_COL32(255, 138, 61, 255) : IM_COL32(160, 174, 192, 220));
    const float x0 = to_px(f.axis.x_of(m.start_s));
    const float x1 = to_px(f.axis.x_of(m.end_s));
    f.draw->AddRectFilled(ImVec2(x0, strips_top + 4 * scale), ImVec2(std::max(x1, x0 + 1.0F), strips_top + 6 * scale),
                          colour);
    f.draw->AddTriangleFilled(ImVec2(x1 - 4 * scale, strips_top), ImVec2(x1 + 4 * scale, strips_top),
                              ImVec2(x1, strips_top + 9 * scale), colour);
    if (is_hovered && std::fabs(io.MousePos.x - x1) <= 4.0F * scale && io.MousePos.y >= strips_top &&
        io.MousePos.y <= strips_bottom) {
      hovered_step = describe_mark(m);
    }
  }
}

// Draws one pattern's header, fault spans, strips and marks from `y` down; returns the y below it.
float draw_pattern(const PlotFrame& f, const engine::Scenario& scenario, const engine::PatternResult& pattern,
                   bool is_selected, bool is_hovered, float y, std::string& hovered_step) {
  draw_pattern_header(f, pattern, is_selected, y);
  const float strips_top = y + f.header_h;
  const float strips_bottom = strips_top + f.strip_h * static_cast<float>(f.strips_per_pattern);
  draw_fault_spans(f, scenario, strips_top, strips_bottom);
  draw_strips(f, scenario, pattern.series, strips_top);
  // Incident marks across this pattern's strips, labelled on the header line.
  f.draw->PushClipRect(ImVec2(f.plot_x0, y), ImVec2(f.plot_x1, strips_bottom), true);
  draw_incident_marks(f, pattern, y, strips_top, strips_bottom);
  draw_runbook_marks(f, pattern, is_hovered, strips_top, strips_bottom, hovered_step);
  f.draw->PopClipRect();
  return strips_bottom + 6.0F * f.scale;
}

// Draws the cursor line across the plot and, while hovered, the tooltip with the time (and runbook step) under the
// mouse.
void draw_cursor_and_tooltip(const PlotFrame& f, double cursor_s, bool is_hovered, const std::string& hovered_step) {
  const ImGuiIO& io = ImGui::GetIO();
  // The cursor across everything.
  if (cursor_s >= f.axis.view_start_s() && cursor_s <= f.axis.view_end_s()) {
    const float x = to_px(f.axis.x_of(cursor_s));
    f.draw->AddLine(ImVec2(x, f.origin.y + f.axis_h - 4 * f.scale), ImVec2(x, f.origin.y + f.total_h),
                    IM_COL32(255, 214, 10, 255), 2.0F * f.scale);
  }
  if (is_hovered && io.MousePos.x >= f.plot_x0) {
    if (hovered_step.empty()) {
      ImGui::SetTooltip("%s", format_clock(f.axis.t_of(io.MousePos.x)).c_str());
    } else {
      ImGui::SetTooltip("%s\n%s", format_clock(f.axis.t_of(io.MousePos.x)).c_str(), hovered_step.c_str());
    }
  }
}

}  // namespace

void TimelineView::draw(ViewContext& context) {
  ScenarioSession& session = context.session;
  if (!session.has_result()) {
    ImGui::TextDisabled(session.has_scenario() ? "Simulating..." : "Open a scenario (Ctrl+O).");
    return;
  }
  const engine::RunResult& result = session.result();
  const engine::Scenario& scenario = session.result_scenario();
  const double run_end = session.run_end_s();
  if (!axis_ || axis_->run_end_s() != run_end) axis_.emplace(run_end);
  TimeAxis& axis = *axis_;
  const float scale = context.scale;

  // Read-out line: cursor time and each pattern's figures there.
  draw_readout(context, result, scenario);

  const float label_w = 120.0F * scale;
  const float axis_h = 20.0F * scale;
  const float header_h = 18.0F * scale;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  // A replication-lag strip appears once the data model reports lag samples.
  const std::optional<double> lag = max_replication_lag(result);
  const double max_lag = lag.value_or(0.0);
  const std::size_t strips_per_pattern = lag ? 4 : 3;
  const auto patterns = static_cast<float>(result.patterns.size());
  const float strip_h = std::max(34.0F * scale, (avail.y - axis_h - patterns * (header_h + 6.0F * scale)) /
                                                    (patterns * static_cast<float>(strips_per_pattern)));
  const float total_h =
      axis_h + patterns * (header_h + 6.0F * scale + strip_h * static_cast<float>(strips_per_pattern));
  ImGui::BeginChild("timeline-plot", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollWithMouse);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float plot_x0 = origin.x + label_w;
  const float plot_x1 = origin.x + std::max(width, label_w + 50.0F);
  axis.set_pixels(plot_x0, plot_x1);

  ImGui::InvisibleButton(
      "plot", ImVec2(std::max(width, 1.0F), total_h),
      ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight | ImGuiButtonFlags_MouseButtonMiddle);
  const bool is_hovered = ImGui::IsItemHovered();
  handle_plot_input(context, axis, result, run_end, plot_x0, is_hovered);

  const PlotFrame frame{ImGui::GetWindowDrawList(),
                        axis,
                        origin,
                        scale,
                        axis_h,
                        header_h,
                        strip_h,
                        total_h,
                        plot_x0,
                        plot_x1,
                        strips_per_pattern,
                        max_lag,
                        run_end,
                        ImGui::GetColorU32(ImGuiCol_Text),
                        ImGui::GetColorU32(ImGuiCol_TextDisabled),
                        IM_COL32(128, 128, 128, 50)};
  // Time axis with ticks.
  draw_time_axis(frame);

  float y = origin.y + axis_h;
  std::string hovered_step;  // the runbook step under the mouse, if any
  for (std::size_t p = 0; p < result.patterns.size(); ++p) {
    y = draw_pattern(frame, scenario, result.patterns[p], p == context.selected_pattern, is_hovered, y, hovered_step);
  }
  draw_cursor_and_tooltip(frame, context.cursor_s, is_hovered, hovered_step);
  ImGui::EndChild();
}

}  // namespace faultline::gui
