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

double histogram_count_end(const std::vector<reports::HistogramBin>& bins) {
  std::size_t largest = 0;
  for (const auto& b : bins) largest = std::max(largest, b.count);
  return reports::round_axis_end(static_cast<double>(largest));
}

std::vector<ScreenBar> histogram_bars(const std::vector<reports::HistogramBin>& bins, const PlotBox& box) {
  if (bins.empty()) return {};
  const double lo = bins.front().low;
  const double hi = bins.back().high;
  const double count_end = histogram_count_end(bins);
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
  double cost_lo = plan.candidates.front().total_monthly_usd;
  double cost_hi = cost_lo;
  double rto_hi = 0.0;
  double rpo_hi = 0.0;
  for (const auto& c : plan.candidates) {
    cost_lo = std::min(cost_lo, c.total_monthly_usd);
    cost_hi = std::max(cost_hi, c.total_monthly_usd);
    rto_hi = std::max(rto_hi, c.rto_p95_s.value_or(0.0));
    rpo_hi = std::max(rpo_hi, c.rpo_p95_s.value_or(0.0));
  }
  const double pad = cost_hi > cost_lo ? 0.05 * (cost_hi - cost_lo) : std::max(0.05 * std::abs(cost_lo), 1.0);
  out.cost_lo_usd = cost_lo - pad;
  out.cost_hi_usd = cost_hi + pad;
  out.rto_end_s = reports::round_axis_end(rto_hi);
  const auto at = [&](const reports::PlanCandidateData& c) {
    return ScreenPoint{box.left + box.width * unit(c.total_monthly_usd, out.cost_lo_usd, out.cost_hi_usd),
                       box.top + box.height * (1.0 - unit(c.rto_p95_s.value_or(0.0), 0.0, out.rto_end_s))};
  };
  const char* const letters[][2] = {{"cheapest_meeting_targets", "A"}, {"best_within_budget", "B"}, {"least_change", "C"}};
  std::vector<const reports::PlanCandidateData*> front;
  for (const auto& c : plan.candidates) {
    ScatterMark m{at(c), (4.0 + (rpo_hi > 0.0 ? 8.0 * c.rpo_p95_s.value_or(0.0) / rpo_hi : 0.0)) * scale, c.is_pareto,
                  c.meets_targets, c.label, {}};
    for (const auto& letter : letters) {
      for (const auto& r : plan.recommendations) {
        if (r.kind == letter[0] && r.label == c.label) m.tag += letter[1];
      }
    }
    out.marks.push_back(std::move(m));
    if (c.is_pareto) front.push_back(&c);
  }
  std::stable_sort(front.begin(), front.end(), [](const auto* a, const auto* b) {
    return a->total_monthly_usd != b->total_monthly_usd ? a->total_monthly_usd < b->total_monthly_usd
                                                        : a->rto_p95_s.value_or(0.0) < b->rto_p95_s.value_or(0.0);
  });
  for (const auto* c : front) out.front.push_back(at(*c));
  return out;
}

}  // namespace faultline::gui
