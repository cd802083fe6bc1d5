#include "faultline/gui/planner_model.hpp"

#include <algorithm>
#include <cmath>

#include "faultline/reports/result_reader.hpp"

namespace faultline::gui {
namespace {

double unit(double v, double lo, double hi) { return hi > lo ? std::clamp((v - lo) / (hi - lo), 0.0, 1.0) : 0.0; }

}  // namespace

std::string planner_schema_of_file(const std::string& path) {
  try {
    const nlohmann::json document = reports::read_json_file(path);
    if (!document.is_object()) return {};
    const auto it = document.find("schema");
    if (it == document.end() || !it->is_string()) return {};
    const std::string schema = it->get<std::string>();
    return schema == "faultline.mc/v1" || schema == "faultline.plan/v1" ? schema : std::string();
  } catch (const reports::ResultReadError&) {
    return {};
  }
}

std::string load_planner_file(const std::string& path, PlannerDocuments& into) {
  try {
    const nlohmann::json document = reports::read_json_file(path);
    const std::string schema = reports::document_schema(document, path);
    if (schema == "faultline.mc/v1") {
      into.mc = reports::read_mc_document(document, path);
    } else if (schema == "faultline.plan/v1") {
      into.plan = reports::read_plan_document(document, path);
    } else {
      return path + ": schema: is \"" + schema + "\" (allowed: \"faultline.mc/v1\", \"faultline.plan/v1\")";
    }
  } catch (const reports::ResultReadError& e) {
    return e.what();
  }
  return {};
}

std::vector<ScreenPoint> cdf_polyline(const std::vector<reports::CdfStep>& steps, double x_end_s, const PlotBox& box) {
  if (steps.empty()) return {};
  const auto x = [&](double s) { return box.left + box.width * unit(s, 0.0, x_end_s); };
  const auto y = [&](double p) { return box.top + box.height * (1.0 - std::clamp(p, 0.0, 1.0)); };
  std::vector<ScreenPoint> out{{x(0.0), y(0.0)}};
  double level = 0.0;
  for (const reports::CdfStep& s : steps) {
    out.push_back({x(s.x), y(level)});
    out.push_back({x(s.x), y(s.y)});
    level = s.y;
  }
  out.push_back({box.left + box.width, y(level)});
  return out;
}

std::vector<ScreenBar> histogram_bars(const std::vector<reports::HistogramBin>& bins, const PlotBox& box) {
  if (bins.empty()) return {};
  const double lo = bins.front().low;
  const double hi = bins.back().high;
  const double count_end = reports::histogram_count_end(bins);
  std::vector<ScreenBar> out;
  for (const auto& b : bins) {
    const double bottom = box.top + box.height;
    out.push_back({box.left + box.width * unit(b.low, lo, hi), bottom - box.height * unit(static_cast<double>(b.count), 0.0, count_end),
                   box.left + box.width * unit(b.high, lo, hi), bottom, b.count});
  }
  return out;
}

ParetoScatter pareto_scatter(const reports::PlanDocument& plan, const PlotBox& box, double scale) {
  ParetoScatter out;
  if (plan.candidates.empty()) return out;
  const reports::ParetoAxes axes = reports::pareto_axes(plan);
  out.cost_lo_usd = axes.cost_lo_usd;
  out.cost_hi_usd = axes.cost_hi_usd;
  out.rto_end_s = axes.rto_end_s;
  const auto at = [&](const reports::PlanCandidateData& c) {
    return ScreenPoint{box.left + box.width * unit(c.total_monthly_usd, out.cost_lo_usd, out.cost_hi_usd),
                       box.top + box.height * (1.0 - unit(c.rto_p95_s.value_or(0.0), 0.0, out.rto_end_s))};
  };
  for (const auto& c : plan.candidates) {
    out.marks.push_back({at(c), reports::pareto_radius(c, axes) * scale, c.is_pareto, c.meets_targets, c.label,
                         reports::recommendation_tag(plan, c.label)});
  }
  for (const std::size_t i : reports::pareto_front_order(plan)) out.front.push_back(at(plan.candidates[i]));
  return out;
}

}  // namespace faultline::gui
