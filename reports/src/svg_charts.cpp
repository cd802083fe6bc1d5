#include "faultline/reports/svg_charts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <vector>

#include "faultline/reports/text_format.hpp"
#include "svg_primitives.hpp"

namespace faultline::reports {
namespace {

constexpr std::array<const char*, 8> kRegionColours{"#1f6fb4", "#e07b00", "#2b9a3e", "#8e44ad",
                                                    "#8c564b", "#d6338a", "#607d8b", "#b8a000"};
constexpr const char* kFaultColour = "#c62828";
constexpr const char* kDetectColour = "#ef8f00";
constexpr const char* kSwitchColour = "#1565c0";
constexpr const char* kCapacityColour = "#2e7d32";
constexpr const char* kRecoveredColour = "#222222";
constexpr const char* kCriticalStepColour = "#d84315";
constexpr const char* kOtherStepColour = "#90a4ae";
constexpr const char* kFailedStepColour = "#b71c1c";

using svg::line;
using svg::nice_ceiling;
using svg::num;
using svg::text_at;

// "h:mm" of a time in seconds since run start.
std::string clock(double seconds) {
  const long long total_min = std::llround(seconds / 60.0);
  const long long minutes = total_min % 60;
  return std::to_string(total_min / 60) + ":" + (minutes < 10 ? "0" : "") + std::to_string(minutes);
}

// A tick step (s) giving at most ~10 ticks over `span` seconds.
double tick_step(double span) {
  for (const double step : {60.0, 300.0, 600.0, 900.0, 1800.0, 3600.0, 7200.0, 14400.0, 43200.0, 86400.0}) {
    if (span / step <= 10.0) return step;
  }
  return std::ceil(span / 10.0 / 86400.0) * 86400.0;
}

// Plot area of one panel and its scales.
struct Panel {
  double left = 0;
  double top = 0;
  double width = 0;
  double height = 0;
  double t_end = 1;
  double y_max = 1;

  double x(double t) const { return left + width * std::clamp(t / t_end, 0.0, 1.0); }
  double y(double v) const { return top + height * (1.0 - std::clamp(v / y_max, 0.0, 1.0)); }
};

// A path through the points of `values` at bucket centres; a null breaks the line.
template <typename Value>
std::string series_path(const Panel& p, const engine::SeriesResult& s, const std::vector<Value>& values,
                        std::string_view colour, std::string_view extra = "") {
  std::string d;
  bool is_open = false;
  for (std::size_t b = 0; b < values.size() && b < s.start_s.size(); ++b) {
    const std::optional<double> v = values[b];
    if (!v) {
      is_open = false;
      continue;
    }
    d += (is_open ? " L" : " M") + num(p.x(s.start_s[b] + s.bucket_s / 2.0)) + "," + num(p.y(*v));
    is_open = true;
  }
  if (d.empty()) return {};
  return "<path d=\"" + d.substr(1) + "\" fill=\"none\" stroke=\"" + std::string(colour) + "\" stroke-width=\"1.5\"" +
         (extra.empty() ? "" : " " + std::string(extra)) + "/>";
}

std::string panel_frame(const Panel& p, std::string_view title, std::string_view top_label) {
  std::string out = "<rect x=\"" + num(p.left) + "\" y=\"" + num(p.top) + "\" width=\"" + num(p.width) +
                    "\" height=\"" + num(p.height) + "\" class=\"plot\"/>";
  out += text_at(p.left, p.top - 6, title, "class=\"panel-title\"");
  out += text_at(p.left - 6, p.top + 4, top_label, "class=\"axis\" text-anchor=\"end\"");
  out += text_at(p.left - 6, p.top + p.height, "0", "class=\"axis\" text-anchor=\"end\"");
  out += line(p.left, p.y(p.y_max / 2.0), p.left + p.width, p.y(p.y_max / 2.0), "class=\"grid\"");
  const double step = tick_step(p.t_end);
  for (double t = 0; t <= p.t_end + 1e-9; t += step) {
    out += line(p.x(t), p.top + p.height, p.x(t), p.top + p.height + 4, "class=\"tick\"");
    out += text_at(p.x(t), p.top + p.height + 15, clock(t), "class=\"axis\" text-anchor=\"middle\"");
  }
  return out;
}

// Every other region is dashed so that regions with equal values stay visible.
std::string region_dash(std::size_t r) { return r % 2 == 1 ? "stroke-dasharray=\"7 4\"" : ""; }

bool has_any(const std::vector<std::optional<double>>& values) {
  return std::any_of(values.begin(), values.end(), [](const auto& v) { return v.has_value(); });
}

const engine::TargetResult* find_target(const engine::PatternResult& p, std::string_view key) {
  for (const auto& t : p.targets) {
    if (t.name == key) return &t;
  }
  return nullptr;
}

std::optional<double> figure(const engine::PatternResult& p, std::string_view key) {
  if (key == "rto_s") return p.rto_s;
  if (key == "rpo_s") return p.rpo_s;
  if (key == "monthly_cost_usd") return p.monthly_cost_usd;
  if (key == "availability") return p.availability;
  return std::nullopt;
}

// A step's row label: "id (kind)", or the id alone when it is the kind; at most 32 characters
// (the label column holds about 34 at 11 px), cut on a UTF-8 character boundary with "...".
std::string step_label(const engine::RunbookStepResult& step) {
  std::string label = step.id == step.kind ? step.id : step.id + " (" + step.kind + ")";
  constexpr std::size_t kMax = 32;
  if (label.size() <= kMax) return label;
  std::size_t cut = kMax - 3;
  while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0U) == 0x80U) --cut;
  return label.substr(0, cut) + "...";
}

// The timeline's legend lines from x = `left`: the incident markers, then the regions of `s`.
std::string timeline_legend(const engine::SeriesResult& s, double left) {
  std::string out;
  double lx = left;
  const auto legend = [&](std::string_view colour, std::string_view label, bool is_dashed) {
    out += line(
        lx, 14, lx + 18, 14,
        "stroke=\"" + std::string(colour) + "\" stroke-width=\"2\"" + (is_dashed ? " stroke-dasharray=\"4 3\"" : ""));
    out += text_at(lx + 22, 18, label, "class=\"legend\"");
    lx += 30 + 6.2 * static_cast<double>(label.size());
  };
  legend(kFaultColour, "fault start", true);
  legend(kDetectColour, "detected", true);
  legend(kSwitchColour, "traffic switched", true);
  legend(kCapacityColour, "full capacity", true);
  legend(kRecoveredColour, "recovered (RTO)", true);
  lx = left;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    out += line(lx, 33, lx + 18, 33,
                "stroke=\"" + std::string(kRegionColours[r % kRegionColours.size()]) + "\" stroke-width=\"2.5\" " +
                    region_dash(r));
    out += text_at(lx + 22, 37, "region " + s.regions[r], "class=\"legend\"");
    lx += 40 + 6.2 * static_cast<double>(s.regions[r].size() + 7);
  }
  return out;
}

// Dashed, titled marker lines from `y_top` to `y_bottom` at each incident's fault start, detection, switch, full
// capacity and recovery within [0, t_end], placed on the time axis of `ratio`.
std::string incident_markers(const engine::PatternResult& pattern, const Panel& ratio, double y_top, double y_bottom,
                             double t_end) {
  std::string out;
  const auto marker = [&](double t, const char* colour, const std::string& title) {
    if (t < 0.0 || t > t_end) return;
    out += "<g><title>" + escape_xml(title) + "</title>" +
           line(ratio.x(t), y_top, ratio.x(t), y_bottom,
                "stroke=\"" + std::string(colour) + "\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"") +
           "</g>";
  };
  for (const auto& i : pattern.incidents) {
    marker(i.start_s, kFaultColour, i.fault + ": fault start at " + clock(i.start_s));
    if (i.detect_s)
      marker(i.start_s + *i.detect_s, kDetectColour, i.fault + ": detected after " + fixed(i.detect_s, 1) + " s");
    if (i.switch_s)
      marker(i.start_s + *i.switch_s, kSwitchColour,
             i.fault + ": traffic switched after " + fixed(i.switch_s, 1) + " s");
    if (i.full_capacity_s) {
      marker(i.start_s + *i.full_capacity_s, kCapacityColour,
             i.fault + ": full capacity after " + fixed(i.full_capacity_s, 1) + " s");
    }
    if (i.recovered)
      marker(i.start_s + i.rto_s, kRecoveredColour, i.fault + ": recovered, RTO " + fixed(i.rto_s, 1) + " s");
  }
  return out;
}

}  // namespace

std::string timeline_svg(const engine::PatternResult& pattern) {
  const engine::SeriesResult& s = pattern.series;
  const double t_end = s.start_s.empty() ? 1.0 : std::max(1.0, s.start_s.back() + s.bucket_s);
  const bool has_lag = has_any(s.replication_lag_max_s) || has_any(s.replication_lag_mean_s);
  double capacity_max = 1.0;
  for (const auto& region : s.capacity) {
    for (const double v : region) capacity_max = std::max(capacity_max, v);
  }
  double lag_max = 0.0;
  for (const auto& v : s.replication_lag_max_s) lag_max = std::max(lag_max, v.value_or(0.0));
  for (const auto& v : s.replication_lag_mean_s) lag_max = std::max(lag_max, v.value_or(0.0));

  constexpr double kWidth = 960;
  constexpr double kLeft = 64;
  constexpr double kPanelHeight = 100;
  constexpr double kPanelGap = 46;
  constexpr double kTop = 64;
  const std::size_t panels = has_lag ? 4 : 3;
  const double height = kTop + static_cast<double>(panels) * (kPanelHeight + kPanelGap) - 12;
  const auto panel = [&](std::size_t i, double y_max) {
    return Panel{
        kLeft, kTop + static_cast<double>(i) * (kPanelHeight + kPanelGap), kWidth - kLeft - 24, kPanelHeight, t_end,
        y_max};
  };

  std::string out = "<svg class=\"chart\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) +
                    "\" role=\"img\" aria-label=\"" + escape_xml("timeline of " + pattern.name) + "\">";
  // Legend: markers, then regions.
  out += timeline_legend(s, kLeft);

  const Panel ratio = panel(0, 1.0);
  out += panel_frame(ratio, "success ratio per bucket", "1");
  out += series_path(ratio, s, s.success_ratio, "#333333");

  const Panel share = panel(1, 1.0);
  out += panel_frame(share, "traffic share per region", "1");
  for (std::size_t r = 0; r < s.traffic_share.size(); ++r) {
    out += series_path(share, s, s.traffic_share[r], kRegionColours[r % kRegionColours.size()], region_dash(r));
  }

  const Panel capacity = panel(2, nice_ceiling(capacity_max));
  out += panel_frame(capacity, "capacity per region (time-weighted mean level)",
                     fixed(capacity.y_max, capacity.y_max >= 10 ? 0 : 1));
  for (std::size_t r = 0; r < s.capacity.size(); ++r) {
    out += series_path(capacity, s, s.capacity[r], kRegionColours[r % kRegionColours.size()], region_dash(r));
  }

  Panel last = capacity;
  if (has_lag) {
    const Panel lag = panel(3, nice_ceiling(lag_max));
    out += panel_frame(lag, "replication lag, s (mean solid, max dashed)", fixed(lag.y_max, 0));
    out += series_path(lag, s, s.replication_lag_mean_s, "#6a1b9a");
    out += series_path(lag, s, s.replication_lag_max_s, "#6a1b9a", "stroke-dasharray=\"4 3\"");
    last = lag;
  }

  // Markers run through every panel.
  const double y_top = ratio.top;
  const double y_bottom = last.top + last.height;
  out += incident_markers(pattern, ratio, y_top, y_bottom, t_end);
  return out + "</svg>";
}

std::string target_bars_svg(const engine::RunResult& result, std::string_view key, std::string_view unit) {
  constexpr double kWidth = 960;
  constexpr double kLabel = 110;
  constexpr double kRow = 30;
  const double plot_width = kWidth - kLabel - 190;
  double scale = 0.0;
  for (const auto& p : result.patterns) {
    scale = std::max(scale, figure(p, key).value_or(0.0));
    if (const auto* t = find_target(p, key)) scale = std::max(scale, t->limit);
  }
  scale = nice_ceiling(scale * 1.05);
  const double height = 24 + kRow * static_cast<double>(result.patterns.size()) + 22;
  std::string out = "<svg class=\"chart bars\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) +
                    "\" role=\"img\" aria-label=\"" + escape_xml(std::string(key) + " by pattern") + "\">";
  const double x0 = kLabel;
  const double bottom = 20 + kRow * static_cast<double>(result.patterns.size());
  out += line(x0, 14, x0, bottom, "class=\"tick\"");
  for (int k = 0; k <= 4; ++k) {
    const double v = scale * k / 4.0;
    const double x = x0 + plot_width * k / 4.0;
    out += line(x, bottom, x, bottom + 4, "class=\"tick\"");
    out += text_at(x, bottom + 16, fixed(v, v >= 100 || v == 0 ? 0 : 2), "class=\"axis\" text-anchor=\"middle\"");
  }
  std::optional<double> labelled_limit;
  for (std::size_t i = 0; i < result.patterns.size(); ++i) {
    const auto& p = result.patterns[i];
    const double y = 20 + kRow * static_cast<double>(i);
    const std::optional<double> v = figure(p, key);
    const engine::TargetResult* t = find_target(p, key);
    const char* colour = t == nullptr ? "#78909c" : (t->met ? "#2e7d32" : "#c62828");
    out += text_at(x0 - 8, y + 15, p.name, "class=\"label\" text-anchor=\"end\"");
    std::string status = t == nullptr ? "no target" : (t->met ? "met" : "MISSED");
    if (v) {
      const double w = plot_width * std::clamp(*v / scale, 0.0, 1.0);
      out += "<rect x=\"" + num(x0) + "\" y=\"" + num(y + 3) + "\" width=\"" + num(std::max(w, 1.0)) +
             "\" height=\"18\" fill=\"" + colour + "\"/>";
      out += text_at(x0 + plot_width + 8, y + 16,
                     fixed(v, key == "monthly_cost_usd" ? 0 : 1) + " " + std::string(unit) + " (" + status + ")",
                     "class=\"label\"");
    } else {
      out += text_at(x0 + 6, y + 16, key == "rpo_s" ? "no data at risk" : "no incident", "class=\"label muted\"");
    }
    if (t != nullptr) {
      const double x = x0 + plot_width * std::clamp(t->limit / scale, 0.0, 1.0);
      out += "<g><title>" + escape_xml("target " + t->name + " <= " + shortest(t->limit)) + "</title>" +
             line(x, y, x, y + 24, "stroke=\"#000\" stroke-width=\"2.5\"") + "</g>";
      if (labelled_limit != t->limit) out += text_at(x + 3, y + 2, "target " + shortest(t->limit), "class=\"axis\"");
      labelled_limit = t->limit;
    }
  }
  return out + "</svg>";
}

std::string rto_phases_svg(const engine::RunResult& result) {
  constexpr double kWidth = 960;
  constexpr double kLabel = 110;
  constexpr double kRow = 34;
  const double plot_width = kWidth - kLabel - 30;
  double scale = 0.0;
  for (const auto& p : result.patterns) {
    if (const auto* i = worst_incident(p)) {
      scale = std::max(
          {scale, i->rto_s, i->detect_s.value_or(0.0), i->switch_s.value_or(0.0), i->full_capacity_s.value_or(0.0)});
    }
  }
  scale = nice_ceiling(scale * 1.05);
  const double bottom = 30 + kRow * static_cast<double>(result.patterns.size());
  std::string out = "<svg class=\"chart bars\" viewBox=\"0 0 " + num(kWidth) + " " + num(bottom + 24) +
                    "\" role=\"img\" aria-label=\"RTO phases of the worst incident\">";
  double lx = kLabel;
  const auto legend = [&](const char* colour, std::string_view label) {
    out += "<rect x=\"" + num(lx) + "\" y=\"4\" width=\"12\" height=\"10\" fill=\"" + colour + "\"/>";
    out += text_at(lx + 16, 13, label, "class=\"legend\"");
    lx += 36 + 6.2 * static_cast<double>(label.size());
  };
  legend(kDetectColour, "fault to detection");
  legend(kSwitchColour, "detection to traffic switch");
  legend(kCapacityColour, "switch to full capacity");
  out += text_at(lx, 13, "| black tick: recovered (RTO)", "class=\"legend\"");
  const auto x = [&](double s) { return kLabel + plot_width * std::clamp(s / scale, 0.0, 1.0); };
  for (int k = 0; k <= 5; ++k) {
    const double v = scale * k / 5.0;
    out += line(x(v), 22, x(v), bottom + 4, "class=\"grid\"");
    out += text_at(x(v), bottom + 17, fixed(v, 0) + " s", "class=\"axis\" text-anchor=\"middle\"");
  }
  for (std::size_t n = 0; n < result.patterns.size(); ++n) {
    const auto& p = result.patterns[n];
    const double y = 26 + kRow * static_cast<double>(n);
    out += text_at(kLabel - 8, y + 16, p.name, "class=\"label\" text-anchor=\"end\"");
    const auto* i = worst_incident(p);
    if (i == nullptr) {
      out += text_at(kLabel + 6, y + 16, "no incident", "class=\"label muted\"");
      continue;
    }
    const auto bar = [&](double from, std::optional<double> to, const char* colour, const std::string& title) {
      if (!to || *to < from) return;
      out += "<rect x=\"" + num(x(from)) + "\" y=\"" + num(y + 4) + "\" width=\"" +
             num(std::max(x(*to) - x(from), 1.0)) + "\" height=\"18\" fill=\"" + colour + "\"><title>" +
             escape_xml(title) + "</title></rect>";
    };
    const double detect = i->detect_s.value_or(0.0);
    bar(0.0, i->detect_s, kDetectColour, "detected after " + fixed(i->detect_s, 1) + " s");
    bar(detect, i->switch_s, kSwitchColour, "traffic switched after " + fixed(i->switch_s, 1) + " s");
    bar(i->switch_s.value_or(detect), i->full_capacity_s, kCapacityColour,
        "full capacity after " + fixed(i->full_capacity_s, 1) + " s");
    out += line(x(i->rto_s), y, x(i->rto_s), y + 26, "stroke=\"#000\" stroke-width=\"2.5\"");
    out += text_at(x(i->rto_s) + 4, y + 30, "RTO " + fixed(i->rto_s, 0) + " s" + (i->recovered ? "" : "+"),
                   "class=\"axis\"");
  }
  return out + "</svg>";
}

namespace {

// The Gantt chart's legend row, starting at x = `left` (px).
std::string gantt_legend(double left) {
  std::string out;
  double lx = left;
  const auto legend = [&](const std::string& swatch, std::string_view label) {
    out += swatch;
    out += text_at(lx + 16, 13, label, "class=\"legend\"");
    lx += 36 + 6.2 * static_cast<double>(label.size());
  };
  const auto box = [&](const char* fill, const char* stroke) {
    return "<rect x=\"" + num(lx) + "\" y=\"4\" width=\"12\" height=\"10\" fill=\"" + fill + "\" stroke=\"" + stroke +
           "\" stroke-width=\"1.5\"/>";
  };
  legend(box(kCriticalStepColour, kCriticalStepColour), "critical path");
  legend(box(kOtherStepColour, kOtherStepColour), "other step");
  legend(box("#ffffff", kFailedStepColour), "failed (every attempt)");
  out += text_at(lx, 13, "xN: attempts", "class=\"legend\"");
  return out;
}

}  // namespace

std::string runbook_gantt_svg(const engine::IncidentResult& incident) {
  const auto& steps = incident.runbook_steps;
  if (steps.empty()) return {};
  constexpr double kWidth = 960;
  constexpr double kLabel = 220;
  constexpr double kRow = 24;
  constexpr double kTop = 46;
  const double plot_width = kWidth - kLabel - 120;
  double scale = incident.rto_s;
  for (const auto& st : steps) scale = std::max(scale, st.end_s);
  for (const auto& v : {incident.detect_s, incident.switch_s, incident.full_capacity_s})
    scale = std::max(scale, v.value_or(0.0));
  scale = nice_ceiling(scale * 1.05);
  const double bottom = kTop + kRow * static_cast<double>(steps.size());
  std::string out = "<svg class=\"chart gantt\" viewBox=\"0 0 " + num(kWidth) + " " + num(bottom + 26) +
                    "\" role=\"img\" aria-label=\"" + escape_xml("runbook steps of " + incident.fault) + "\">";
  out += gantt_legend(kLabel);
  const auto x = [&](double v) { return kLabel + plot_width * std::clamp(v / scale, 0.0, 1.0); };
  for (int k = 0; k <= 5; ++k) {
    const double v = scale * k / 5.0;
    out += line(x(v), kTop - 4, x(v), bottom + 4, "class=\"grid\"");
    out += text_at(x(v), bottom + 17, fixed(v, 0) + " s", "class=\"axis\" text-anchor=\"middle\"");
  }
  for (std::size_t n = 0; n < steps.size(); ++n) {
    const auto& st = steps[n];
    const double y = kTop + kRow * static_cast<double>(n);
    out += "<g><title>" + escape_xml(st.id + " (" + st.kind + ")") + "</title>" +
           text_at(kLabel - 8, y + 15, step_label(st),
                   std::string("class=\"label") + (st.is_critical ? " name" : "") + "\" text-anchor=\"end\"") +
           "</g>";
    if (st.attempts == 0) {
      out += text_at(kLabel + 6, y + 15, "not started (a step before it failed)", "class=\"label muted\"");
      continue;
    }
    const char* fill = st.is_failed ? "#ffffff" : (st.is_critical ? kCriticalStepColour : kOtherStepColour);
    const char* stroke = st.is_failed ? kFailedStepColour : fill;
    const std::string title = st.id + ": " + fixed(st.start_s, 1) + " s to " + fixed(st.end_s, 1) + " s, " +
                              std::to_string(st.attempts) + (st.attempts == 1 ? " attempt" : " attempts") +
                              (st.is_failed ? ", failed" : "") + (st.is_critical ? ", critical path" : "");
    out += "<rect x=\"" + num(x(st.start_s)) + "\" y=\"" + num(y + 3) + "\" width=\"" +
           num(std::max(x(st.end_s) - x(st.start_s), 1.0)) + "\" height=\"16\" fill=\"" + fill + "\" stroke=\"" +
           stroke + "\" stroke-width=\"" + (st.is_failed ? "2" : "1") + "\"><title>" + escape_xml(title) +
           "</title></rect>";
    std::string note;
    if (st.attempts > 1) note += "x" + std::to_string(st.attempts);
    if (st.is_failed) note += std::string(note.empty() ? "" : " ") + "FAILED";
    if (!note.empty()) {
      out +=
          text_at(x(st.end_s) + 4, y + 15, note, st.is_failed ? "class=\"label\" fill=\"#b71c1c\"" : "class=\"label\"");
    }
  }
  // Incident marks run through every row; labels alternate rows above the plot so that close marks stay legible.
  int label_row = 0;
  const auto mark = [&](std::optional<double> t, const char* colour, std::string_view label) {
    if (!t) return;
    out += "<g><title>" + escape_xml(std::string(label) + " at " + fixed(t, 1) + " s") + "</title>" +
           line(x(*t), kTop - 6, x(*t), bottom + 2,
                "stroke=\"" + std::string(colour) + "\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"") +
           "</g>";
    out += text_at(x(*t) + 3, label_row % 2 == 0 ? kTop - 18 : kTop - 8, label, "class=\"axis\"");
    ++label_row;
  };
  mark(incident.detect_s, kDetectColour, "detect");
  mark(incident.switch_s, kSwitchColour, "switch");
  mark(incident.full_capacity_s, kCapacityColour, "full capacity");
  mark(incident.rto_s, kRecoveredColour, incident.recovered ? "RTO" : "RTO (not recovered)");
  return out + "</svg>";
}

}  // namespace faultline::reports
