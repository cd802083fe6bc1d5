#include "faultline/reports/rto_phase_chart.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "faultline/engine/model/rto_phases.hpp"
#include "faultline/reports/text_format.hpp"
#include "svg_primitives.hpp"

namespace faultline::reports {
namespace {

using svg::line;
using svg::nice_ceiling;
using svg::num;
using svg::text_at;

// Phase ids in the order they happen, with their colours.
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kPhaseColours{{
    {"undetected", "#c62828"},
    {"switching", "#ef8f00"},
    {"trigger_delay", "#f6c344"},
    {"runbook_step", "#8e44ad"},
    {"database_promotion", "#1565c0"},
    {"capacity_ramp", "#2e7d32"},
    {"fault_in_progress", "#6d4c41"},
    {"residual_failures", "#90a4ae"},
    {"recovery_window", "#b0bec5"},
}};

}  // namespace

std::string_view rto_phase_colour(std::string_view phase) {
  for (const auto& [id, colour] : kPhaseColours) {
    if (id == phase) return colour;
  }
  return "#9e9e9e";
}

std::string rto_phase_bars_svg(const engine::RunResult& result) {
  constexpr double kWidth = 960;
  constexpr double kLabel = 110;
  constexpr double kRow = 40;
  constexpr double kTop = 48;
  const double plot_width = kWidth - kLabel - 70;
  double scale = 0.0;
  std::vector<bool> is_present(kPhaseColours.size(), false);
  for (const auto& p : result.patterns) {
    const auto* i = worst_incident(p);
    if (i == nullptr) continue;
    scale = std::max(scale, i->rto_s);
    for (const auto& ph : i->rto_phases) {
      for (std::size_t k = 0; k < kPhaseColours.size(); ++k)
        is_present[k] = is_present[k] || kPhaseColours[k].first == ph.phase;
    }
  }
  if (std::none_of(is_present.begin(), is_present.end(), [](bool b) { return b; })) return {};
  scale = nice_ceiling(scale);
  const double bottom = kTop + kRow * static_cast<double>(result.patterns.size());
  std::string out = "<svg class=\"chart bars\" viewBox=\"0 0 " + num(kWidth) + " " + num(bottom + 24) +
                    "\" role=\"img\" aria-label=\"RTO phases of each pattern's worst incident\">";
  // Legend: the phases present, in the order they happen, wrapped over two lines when long.
  double lx = kLabel;
  double ly = 13;
  for (std::size_t k = 0; k < kPhaseColours.size(); ++k) {
    if (!is_present[k]) continue;
    const std::string_view label = engine::rto_phase_label(kPhaseColours[k].first);
    const double w = 30 + 6.2 * static_cast<double>(label.size());
    if (lx + w > kWidth) {
      lx = kLabel;
      ly += 16;
    }
    out += "<rect x=\"" + num(lx) + "\" y=\"" + num(ly - 9) + "\" width=\"12\" height=\"10\" fill=\"" +
           std::string(kPhaseColours[k].second) + "\"/>" + text_at(lx + 16, ly, label, "class=\"legend\"");
    lx += w;
  }
  const auto x = [&](double s) { return kLabel + plot_width * std::clamp(s / scale, 0.0, 1.0); };
  for (int k = 0; k <= 5; ++k) {
    const double v = scale * k / 5.0;
    out += line(x(v), kTop - 4, x(v), bottom + 4, "class=\"grid\"");
    out += text_at(x(v), bottom + 17, fixed(v, 0) + " s", "class=\"axis\" text-anchor=\"middle\"");
  }
  for (std::size_t n = 0; n < result.patterns.size(); ++n) {
    const auto& p = result.patterns[n];
    const double y = kTop + kRow * static_cast<double>(n);
    out += text_at(kLabel - 8, y + 19, p.name, "class=\"label\" text-anchor=\"end\"");
    const auto* i = worst_incident(p);
    if (i == nullptr || i->rto_phases.empty()) {
      out += text_at(kLabel + 6, y + 19, i == nullptr ? "no incident" : "RTO 0 s", "class=\"label muted\"");
      continue;
    }
    for (const auto& ph : i->rto_phases) {
      const double x0 = x(ph.start_s);
      const double w = std::max(x(ph.end_s) - x0, 1.0);
      const std::string seconds = shortest(phase_duration_s(ph)) + " s";
      out += "<rect x=\"" + num(x0) + "\" y=\"" + num(y + 4) + "\" width=\"" + num(w) + "\" height=\"24\" fill=\"" +
             std::string(rto_phase_colour(ph.phase)) + "\" stroke=\"#fff\" stroke-width=\"0.8\"><title>" +
             escape_xml(std::string(engine::rto_phase_label(ph.phase)) + " " + seconds + " (" + fixed(ph.start_s, 0) +
                        " to " + fixed(ph.end_s, 0) + " s): " + ph.cause) +
             "</title></rect>";
      if (w >= 7.0 * static_cast<double>(seconds.size())) {
        const bool is_light =
            ph.phase == "trigger_delay" || ph.phase == "residual_failures" || ph.phase == "recovery_window";
        out += text_at(x0 + w / 2, y + 20, seconds,
                       std::string("text-anchor=\"middle\" style=\"fill:") + (is_light ? "#222" : "#fff") + "\"");
      }
    }
    out += text_at(x(i->rto_s) + 6, y + 20, "RTO " + shortest(i->rto_s) + " s" + (i->recovered ? "" : "+"),
                   "class=\"axis\"");
  }
  return out + "</svg>";
}

}  // namespace faultline::reports
