#include "faultline/reports/planner_charts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "faultline/reports/planner_figures.hpp"
#include "faultline/reports/text_format.hpp"
#include "svg_primitives.hpp"

namespace faultline::reports {
namespace {

using svg::line;
using svg::num;
using svg::rect;
using svg::Scale;
using svg::text_at;

constexpr double kWidth = 960;
constexpr const char* kInk = "#1d2329";
constexpr const char* kTargetColour = "#c62828";
constexpr const char* kParetoColour = "#1565c0";
constexpr const char* kOtherColour = "#9aa5b1";

// Frame, grid and tick labels of a plot area; `decimals` for the x labels.
std::string frame(const Scale& x, const Scale& y, int x_ticks, int y_ticks, int x_decimals, int y_decimals,
                  std::string_view x_title, std::string_view y_title) {
  std::string out = rect(x.from, y.to, x.to - x.from, y.from - y.to, "class=\"plot\"");
  for (int k = 0; k <= y_ticks; ++k) {
    const double v = y.lo + (y.hi - y.lo) * k / y_ticks;
    if (k > 0 && k < y_ticks) out += line(x.from, y(v), x.to, y(v), "class=\"grid\"");
    out += text_at(x.from - 6, y(v) + 4, fixed(v, y_decimals), "class=\"axis\" text-anchor=\"end\"");
  }
  for (int k = 0; k <= x_ticks; ++k) {
    const double v = x.lo + (x.hi - x.lo) * k / x_ticks;
    out += line(x(v), y.from, x(v), y.from + 4, "class=\"tick\"");
    out += text_at(x(v), y.from + 16, fixed(v, x_decimals), "class=\"axis\" text-anchor=\"middle\"");
  }
  out += text_at((x.from + x.to) / 2.0, y.from + 32, x_title, "class=\"axis\" text-anchor=\"middle\"");
  out += text_at(x.from, y.to - 10, y_title, "class=\"axis\"");
  return out;
}

std::string open_svg(double height, const std::string& label, std::string_view cls) {
  return svg::open_svg(kWidth, height, label, cls);
}

int decimals_for(double span) { return span >= 50.0 ? 0 : (span >= 5.0 ? 1 : 2); }

}  // namespace

std::string rto_cdf_svg(const contract::McPatternData& pattern, std::optional<double> target_rto_s) {
  const std::vector<CdfStep> steps = empirical_cdf(pattern.rto_s);
  // The axis ends at the p99 (or the target): a few very long incidents would squeeze everything else to the left.
  const Scale x{0.0, cdf_axis_end_s(pattern.rto_s, target_rto_s), 64.0, 936.0};
  const Scale y{0.0, 1.0, 250.0, 30.0};
  std::string out = open_svg(292, "empirical CDF of RTO for " + pattern.name, "cdf-chart");
  out += frame(x, y, 5, 4, decimals_for(x.hi), 2, "RTO of an incident, s", "P(RTO <= x)");
  if (steps.empty()) {
    out += text_at(x.from + 12, 140, "no incident in the simulated years", "class=\"label muted\"");
    return out + "</svg>";
  }
  std::string d = "M" + num(x(0.0)) + "," + num(y(0.0));
  for (const CdfStep& s : steps) d += " H" + num(x(s.x)) + " V" + num(y(s.y));
  d += " H" + num(x.to);
  out += "<path class=\"cdf\" d=\"" + d + "\" fill=\"none\" stroke=\"" + kInk + "\" stroke-width=\"2\"/>";
  const auto beyond = static_cast<std::size_t>(
      std::count_if(pattern.rto_s.begin(), pattern.rto_s.end(), [&](double v) { return v > x.hi; }));
  if (beyond > 0) {
    out += text_at(x.to, y.from + 32,
                   std::to_string(beyond) + " incident(s) beyond " + shortest(x.hi) + " s, up to " +
                       fixed(steps.back().x, 0) + " s",
                   "class=\"axis\" text-anchor=\"end\"");
  }
  const std::array<std::pair<const char*, std::optional<double>>, 3> marks{
      {{"p50", pattern.rto_p50_s}, {"p95", pattern.rto_p95_s}, {"p99", pattern.rto_p99_s}}};
  double label_y = 44;
  for (const auto& [name, value] : marks) {
    if (!value) continue;
    out +=
        "<g class=\"percentile\"><title>" + escape_xml(std::string(name) + " " + shortest(*value) + " s") + "</title>" +
        line(x(*value), y.to, x(*value), y.from, "stroke=\"#1565c0\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"") +
        "</g>";
    out += text_at(x(*value) + 4, label_y, std::string(name) + " " + fixed(value, 0) + " s", "class=\"label\"");
    label_y += 14;
  }
  if (target_rto_s) {
    out += "<g class=\"target\"><title>" + escape_xml("target RTO " + shortest(*target_rto_s) + " s") + "</title>" +
           line(x(*target_rto_s), y.to, x(*target_rto_s), y.from,
                "stroke=\"" + std::string(kTargetColour) + "\" stroke-width=\"2\"") +
           "</g>";
    out += text_at(x(*target_rto_s) - 4, y.from - 8, "target " + shortest(*target_rto_s) + " s",
                   "class=\"label\" text-anchor=\"end\" fill=\"#c62828\"");
  }
  return out + "</svg>";
}

std::string downtime_histogram_svg(const contract::McPatternData& pattern) {
  const std::vector<HistogramBin> bins = histogram_bins(pattern.annual_downtime_hours);
  std::string out = open_svg(252, "histogram of annual downtime for " + pattern.name, "histogram-chart");
  if (bins.empty()) {
    out += text_at(64, 120, "no replication in the document", "class=\"label muted\"");
    return out + "</svg>";
  }
  const Scale x{bins.front().low, bins.back().high, 64.0, 936.0};
  const Scale y{0.0, histogram_count_end(bins), 210.0, 30.0};
  out += frame(x, y, 5, 4, decimals_for(x.hi - x.lo), y.hi >= 4 ? 0 : 1, "downtime per replication, hours per year",
               "replications");
  for (const auto& b : bins) {
    if (b.count == 0) continue;
    const double top = y(static_cast<double>(b.count));
    out += "<rect class=\"bin\" x=\"" + num(x(b.low)) + "\" y=\"" + num(top) + "\" width=\"" +
           num(std::max(x(b.high) - x(b.low) - 1.0, 1.0)) + "\" height=\"" + num(y.from - top) +
           "\" fill=\"#5c8fc4\"><title>" +
           escape_xml(fixed(b.low, 3) + " to " + fixed(b.high, 3) + " h/year: " + std::to_string(b.count) +
                      " replication(s)") +
           "</title></rect>";
  }
  const double mean = pattern.annual_downtime_h;
  if (mean >= x.lo && mean <= x.hi) {
    out += line(x(mean), y.to, x(mean), y.from,
                "class=\"mean\" stroke=\"#222\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"");
    out += text_at(x(mean) + 4, y.to + 12, "mean " + fixed(mean, 3) + " h/year", "class=\"label\"");
  }
  return out + "</svg>";
}

std::string pareto_svg(const contract::PlanDocument& plan) {
  std::string out = open_svg(406, "Pareto front: total monthly cost against RTO p95", "pareto-chart");
  if (plan.candidates.empty()) {
    out += text_at(80, 120, "no candidate in the document", "class=\"label muted\"");
    return out + "</svg>";
  }
  const ParetoAxes axes = pareto_axes(plan);
  const double rpo_hi = axes.rpo_largest_s;
  const Scale x{axes.cost_lo_usd, axes.cost_hi_usd, 80.0, 920.0};
  const Scale y{0.0, axes.rto_end_s, 350.0, 60.0};
  out +=
      frame(x, y, 5, 4, 0, 0, "expected total cost, USD per month (steady state + incident cost / 12)", "RTO p95, s");
  const auto radius = [&](const contract::PlanCandidateData& c) { return pareto_radius(c, axes); };
  // Pareto front joined in cost order (then RTO), drawn under the points.
  const std::vector<std::size_t> front = pareto_front_order(plan);
  if (front.size() > 1) {
    std::string d;
    for (const std::size_t i : front) {
      const contract::PlanCandidateData& c = plan.candidates[i];
      d += (d.empty() ? "M" : " L") + num(x(c.total_monthly_usd)) + "," + num(y(c.rto_p95_s.value_or(0.0)));
    }
    out +=
        "<path class=\"front\" d=\"" + d + "\" fill=\"none\" stroke=\"" + kParetoColour + "\" stroke-width=\"1.5\"/>";
  }
  // Grey points first so that the front is drawn on top.
  for (const bool is_pareto : {false, true}) {
    for (const auto& c : plan.candidates) {
      if (c.is_pareto != is_pareto) continue;
      const char* colour = is_pareto ? kParetoColour : kOtherColour;
      out += "<circle class=\"" + std::string(is_pareto ? "pareto" : "dominated") + "\" cx=\"" +
             num(x(c.total_monthly_usd)) + "\" cy=\"" + num(y(c.rto_p95_s.value_or(0.0))) + "\" r=\"" + num(radius(c)) +
             "\" fill=\"" + colour + "\" fill-opacity=\"" + (is_pareto ? "0.85" : "0.45") + "\" stroke=\"" +
             (c.meets_targets ? "#2e7d32" : "#c62828") + "\" stroke-width=\"1.5\"><title>" +
             escape_xml(c.label + ": " + fixed(c.total_monthly_usd, 0) + " USD/month, RTO p95 " +
                        fixed(c.rto_p95_s, 0) + " s, RPO p95 " + fixed(c.rpo_p95_s, 0) + " s" +
                        (c.meets_targets ? ", meets targets" : ", misses a target")) +
             "</title></circle>";
    }
  }
  // Recommendation letters; several on one candidate share one label.
  for (const auto& c : plan.candidates) {
    const std::string tag = recommendation_tag(plan, c.label);
    if (tag.empty()) continue;
    out += text_at(x(c.total_monthly_usd) + radius(c) + 3, y(c.rto_p95_s.value_or(0.0)) - radius(c) - 2, tag,
                   "class=\"recommended\" font-weight=\"bold\"");
  }
  // Legend.
  out += "<circle cx=\"86\" cy=\"14\" r=\"5\" fill=\"" + std::string(kParetoColour) + "\"/>" +
         text_at(96, 18, "Pareto front", "class=\"legend\"");
  out += "<circle cx=\"196\" cy=\"14\" r=\"5\" fill=\"" + std::string(kOtherColour) + "\"/>" +
         text_at(206, 18, "dominated", "class=\"legend\"");
  out += text_at(290, 18,
                 "size: RPO p95 (largest " + fixed(rpo_hi, 0) + " s); ring: green meets the targets, red misses one",
                 "class=\"legend\"");
  out += text_at(86, 36, "A cheapest meeting the targets, B best RTO/RPO within budget, C least change",
                 "class=\"legend\"");
  return out + "</svg>";
}

}  // namespace faultline::reports
