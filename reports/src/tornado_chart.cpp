#include "faultline/reports/tornado_chart.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "faultline/reports/text_format.hpp"
#include "faultline/sensitivity/parameter.hpp"
#include "svg_primitives.hpp"

namespace faultline::reports {
namespace {

using sensitivity::Outcome;
using sensitivity::ParameterResult;
using svg::line;
using svg::num;
using svg::rect;
using svg::Scale;
using svg::text_at;

constexpr double kWidth = 960;
constexpr double kTop = 56;
constexpr double kRow = 28;
constexpr const char* kLowColour = "#1f6fb4";
constexpr const char* kHighColour = "#e07b00";

std::optional<double> figure(const Outcome& o, TornadoMetric metric) {
  switch (metric) {
    case TornadoMetric::kRto:
      return o.rto_s;
    case TornadoMetric::kRpo:
      return o.rpo_s;
    case TornadoMetric::kAvailability:
      return o.availability * 100.0;
    case TornadoMetric::kMonthlyCost:
      return o.monthly_cost_usd;
  }
  return std::nullopt;
}

std::string unit_of(TornadoMetric metric) {
  switch (metric) {
    case TornadoMetric::kRto:
    case TornadoMetric::kRpo:
      return " s";
    case TornadoMetric::kAvailability:
      return " %";
    case TornadoMetric::kMonthlyCost:
      return " USD";
  }
  return "";
}

// Largest minus smallest figure over the row's points.
double swing(const ParameterResult& r, TornadoMetric metric) {
  std::optional<double> lo;
  std::optional<double> hi;
  for (const auto& p : r.points) {
    if (const auto v = figure(p.outcome, metric)) {
      lo = std::min(lo.value_or(*v), *v);
      hi = std::max(hi.value_or(*v), *v);
    }
  }
  return lo ? *hi - *lo : 0.0;
}

int decimals_for(double span, TornadoMetric metric) {
  if (metric == TornadoMetric::kAvailability) return span >= 1.0 ? 2 : (span >= 0.01 ? 3 : 4);
  return span >= 50.0 ? 0 : (span >= 5.0 ? 1 : 2);
}

// The rows with the figure, largest swing first.
std::vector<const ParameterResult*> rows_of(const sensitivity::PatternSensitivity& pattern, TornadoMetric metric) {
  std::vector<const ParameterResult*> rows;
  for (const ParameterResult& r : pattern.parameters) {
    if (r.not_applicable.empty() && !r.points.empty() && figure(r.points.front().outcome, metric)) rows.push_back(&r);
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [metric](const auto* a, const auto* b) { return swing(*a, metric) > swing(*b, metric); });
  return rows;
}

// The x scale over the base figure and every point, padded 4 % each side (1 % of the value when flat), not below 0.
Scale scale_of(const std::vector<const ParameterResult*>& rows, double base, TornadoMetric metric) {
  double lo = base;
  double hi = base;
  for (const ParameterResult* r : rows) {
    for (const auto& p : r->points) {
      const double v = figure(p.outcome, metric).value_or(base);
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  if (hi - lo <= 0.0) {
    const double pad = std::max(std::abs(hi) * 0.01, metric == TornadoMetric::kAvailability ? 0.001 : 1.0);
    return {lo >= 0.0 ? std::max(0.0, lo - pad) : lo - pad, hi + pad, 300.0, 820.0};
  }
  const double margin = (hi - lo) * 0.04;
  // Times, costs and availability are never negative: the axis does not start below 0.
  return {lo >= 0.0 ? std::max(0.0, lo - margin) : lo - margin, hi + margin, 300.0, 820.0};
}

std::string bar(const Scale& x, double from, double to, double y, const char* colour, std::string_view cls) {
  const double a = std::min(x(from), x(to));
  const double w = std::max(std::abs(x(to) - x(from)), 1.0);
  return rect(a, y - 8, w, 16, "class=\"" + std::string(cls) + "\" fill=\"" + colour + "\"");
}

std::string row_svg(const ParameterResult& r, std::size_t i, const Scale& x, double base, TornadoMetric metric,
                    int decimals) {
  const double y = kTop + kRow * static_cast<double>(i) + kRow / 2;
  const std::string label =
      r.name + " " + sensitivity::format_value(r.name, *r.low) + ".." + sensitivity::format_value(r.name, *r.high);
  std::string out = text_at(292, y + 4, label, "class=\"label\" text-anchor=\"end\"");
  std::optional<double> lo;
  std::optional<double> hi;
  for (const auto& p : r.points) {
    const double v = figure(p.outcome, metric).value_or(base);
    lo = std::min(lo.value_or(v), v);
    hi = std::max(hi.value_or(v), v);
  }
  if (r.points.size() > 2) out += line(x(*lo), y, x(*hi), y, "class=\"extent\" stroke=\"#9aa5b1\" stroke-width=\"2\"");
  out += bar(x, base, figure(r.points.front().outcome, metric).value_or(base), y, kLowColour, "low");
  out += bar(x, base, figure(r.points.back().outcome, metric).value_or(base), y, kHighColour, "high");
  out += text_at(830, y + 4, "swing " + fixed(swing(r, metric), decimals) + unit_of(metric), "class=\"label\"");
  return out;
}

}  // namespace

std::string_view tornado_title(TornadoMetric metric) {
  switch (metric) {
    case TornadoMetric::kRto:
      return "RTO, s";
    case TornadoMetric::kRpo:
      return "RPO, s";
    case TornadoMetric::kAvailability:
      return "Availability, %";
    case TornadoMetric::kMonthlyCost:
      return "Monthly cost, USD";
  }
  return "";
}

std::string tornado_svg(const sensitivity::PatternSensitivity& pattern, TornadoMetric metric) {
  const std::vector<const ParameterResult*> rows = rows_of(pattern, metric);
  if (rows.empty()) return {};
  const double base = figure(pattern.base, metric).value_or(0.0);
  const Scale x = scale_of(rows, base, metric);
  const int decimals = decimals_for(x.hi - x.lo, metric);
  const double bottom = kTop + kRow * static_cast<double>(rows.size());
  std::string out = svg::open_svg(kWidth, bottom + 44,
                                  std::string(tornado_title(metric)) + " sensitivity of " + pattern.name, "tornado");
  out += text_at(8, 20, std::string(tornado_title(metric)) + ": " + pattern.name, "class=\"panel-title\"");
  out += rect(300, 30, 10, 10, std::string("fill=\"") + kLowColour + "\"") +
         text_at(314, 39, "at the range's low end", "class=\"axis\"");
  out += rect(470, 30, 10, 10, std::string("fill=\"") + kHighColour + "\"") +
         text_at(484, 39, "at the high end", "class=\"axis\"");
  out += line(610, 35, 630, 35, "stroke=\"#1d2329\" stroke-dasharray=\"4 3\"") +
         text_at(636, 39, "own setting " + fixed(base, decimals) + unit_of(metric), "class=\"axis\"");
  out += rect(x.from, kTop, x.to - x.from, bottom - kTop, "class=\"plot\"");
  for (std::size_t i = 0; i < rows.size(); ++i) out += row_svg(*rows[i], i, x, base, metric, decimals);
  out += line(x(base), kTop - 4, x(base), bottom + 4, "class=\"base\" stroke=\"#1d2329\" stroke-dasharray=\"4 3\"");
  for (int k = 0; k <= 4; ++k) {
    const double v = x.lo + (x.hi - x.lo) * k / 4;
    out += line(x(v), bottom, x(v), bottom + 4, "class=\"tick\"");
    out += text_at(x(v), bottom + 16, fixed(v, decimals), "class=\"axis\" text-anchor=\"middle\"");
  }
  out += text_at((x.from + x.to) / 2, bottom + 34, std::string(tornado_title(metric)),
                 "class=\"axis\" text-anchor=\"middle\"");
  return out + "</svg>";
}

}  // namespace faultline::reports
