#include "faultline/gui/planner_model.hpp"

#include <algorithm>
#include <cmath>

#include "faultline/reports/candidate_settings.hpp"
#include "faultline/contract/result_reader.hpp"
#include "faultline/contract/schema_names.hpp"
#include "faultline/reports/text_format.hpp"

namespace faultline::gui {
namespace {

double unit(double v, double lo, double hi) { return hi > lo ? std::clamp((v - lo) / (hi - lo), 0.0, 1.0) : 0.0; }

bool inside(const PlotBox& box, ScreenPoint p) {
  return p.x >= box.left && p.x <= box.left + box.width && p.y >= box.top && p.y <= box.top + box.height;
}

}  // namespace

std::string planner_schema_of_file(const std::string& path) {
  try {
    const nlohmann::json document = contract::read_json_file(path);
    if (!document.is_object()) return {};
    const auto it = document.find("schema");
    if (it == document.end() || !it->is_string()) return {};
    const std::string schema = it->get<std::string>();
    return schema == contract::kMcSchema || schema == contract::kPlanSchema ? schema : std::string();
  } catch (const contract::ResultReadError&) {
    return {};
  }
}

std::string load_planner_file(const std::string& path, PlannerDocuments& into) {
  try {
    const nlohmann::json document = contract::read_json_file(path);
    const std::string schema = contract::document_schema(document, path);
    if (schema == contract::kMcSchema) {
      into.mc = contract::read_mc_document(document, path);
    } else if (schema == contract::kPlanSchema) {
      into.plan = contract::read_plan_document(document, path);
    } else {
      return path + ": schema: is \"" + schema + "\" (allowed: \"faultline.mc/v1\", \"faultline.plan/v1\")";
    }
  } catch (const contract::ResultReadError& e) {
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
    out.push_back({box.left + box.width * unit(b.low, lo, hi),
                   bottom - box.height * unit(static_cast<double>(b.count), 0.0, count_end),
                   box.left + box.width * unit(b.high, lo, hi), bottom, b.count});
  }
  return out;
}

ParetoScatter pareto_scatter(const contract::PlanDocument& plan, const PlotBox& box, double scale) {
  ParetoScatter out;
  if (plan.candidates.empty()) return out;
  const reports::ParetoAxes axes = reports::pareto_axes(plan);
  out.cost_lo_usd = axes.cost_lo_usd;
  out.cost_hi_usd = axes.cost_hi_usd;
  out.rto_end_s = axes.rto_end_s;
  const auto at = [&](const contract::PlanCandidateData& c) {
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

std::optional<CdfReadout> cdf_readout(const contract::McDocument& mc, double x_end_s, const PlotBox& box,
                                      ScreenPoint mouse) {
  if (!inside(box, mouse)) return std::nullopt;
  CdfReadout out;
  out.rto_s = x_end_s * (mouse.x - box.left) / box.width;
  for (const auto& p : mc.patterns)
    out.shares.emplace_back(p.name, reports::cdf_share_at(reports::empirical_cdf(p.rto_s), out.rto_s));
  return out;
}

std::string cdf_readout_text(const CdfReadout& readout, const contract::McDocument& mc) {
  std::string out = "RTO <= " + reports::fixed(readout.rto_s, 0) + " s";
  for (std::size_t i = 0; i < readout.shares.size(); ++i) {
    const std::size_t incidents = i < mc.patterns.size() ? mc.patterns[i].rto_s.size() : 0;
    out += "\n" + readout.shares[i].first + ": " +
           (incidents == 0 ? std::string("no incident")
                           : reports::fixed(readout.shares[i].second * 100.0, 1) + " % of " +
                                 std::to_string(incidents) + " incident(s)");
  }
  return out;
}

std::optional<HistogramReadout> histogram_readout(const std::vector<reports::HistogramBin>& bins, const PlotBox& box,
                                                  ScreenPoint mouse) {
  if (bins.empty() || !inside(box, mouse)) return std::nullopt;
  const std::vector<ScreenBar> bars = histogram_bars(bins, box);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    if (mouse.x >= bars[i].x0 && (mouse.x < bars[i].x1 || i + 1 == bars.size())) {
      return HistogramReadout{i, bins[i].low, bins[i].high, bins[i].count};
    }
  }
  return std::nullopt;
}

std::string histogram_readout_text(const HistogramReadout& readout) {
  return reports::fixed(readout.low_h, 3) + " to " + reports::fixed(readout.high_h, 3) +
         " h/year: " + std::to_string(readout.count) + " replication(s)";
}

std::optional<std::size_t> pareto_hit(const ParetoScatter& scatter, ScreenPoint mouse) {
  std::optional<std::size_t> hit;
  for (std::size_t i = 0; i < scatter.marks.size(); ++i) {
    const double dx = mouse.x - scatter.marks[i].centre.x;
    const double dy = mouse.y - scatter.marks[i].centre.y;
    if (dx * dx + dy * dy <= scatter.marks[i].radius * scatter.marks[i].radius) hit = i;
  }
  return hit;
}

std::string pareto_readout_text(const contract::PlanCandidateData& c) {
  std::string out = c.label + "\n" + reports::fixed(c.total_monthly_usd, 0) + " USD/month total (" +
                    reports::fixed(c.monthly_cost_usd, 0) + " steady)\nRTO p95 " +
                    (c.rto_p95_s ? reports::fixed(c.rto_p95_s, 0) + " s" : std::string("no incident")) + ", RPO p95 " +
                    (c.rpo_p95_s ? reports::fixed(c.rpo_p95_s, 0) + " s" : std::string("none")) + "\n" +
                    (c.meets_targets ? "meets the targets" : "misses a target") + (c.is_pareto ? ", Pareto" : "");
  const reports::CandidateSettings settings = reports::candidate_settings(c);
  if (c.regions) out += "\nregions: " + settings.regions;
  if (c.has_probe_samples) out += "\nprobe x/n: " + settings.probe;
  if (c.has_breaker) out += "\nbreaker: " + settings.breaker;
  if (c.stores) out += "\ndata: " + settings.data;
  return out;
}

std::vector<CriticalityRow> criticality_rows(const contract::McPatternData& pattern, std::size_t max_rows) {
  std::vector<CriticalityRow> rows;
  for (const auto& c : pattern.criticality) {
    const double down = c.downtime_share.value_or(0.0);
    const double lost = c.lost_write_share.value_or(0.0);
    if (down <= 0.0 && lost <= 0.0) continue;
    const auto pct = [](double v) { return reports::fixed(v * 100.0, 1) + " %"; };
    rows.push_back({c.component, down, c.incident_share.value_or(0.0), lost,
                    pct(down) + " of downtime, " + pct(c.incident_share.value_or(0.0)) + " of incidents, " + pct(lost) +
                        " of lost writes, Birnbaum " +
                        (c.birnbaum ? reports::fixed(*c.birnbaum, 4) : std::string("-"))});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const CriticalityRow& a, const CriticalityRow& b) {
    return a.downtime_share != b.downtime_share ? a.downtime_share > b.downtime_share
                                                : a.lost_write_share > b.lost_write_share;
  });
  if (rows.size() > max_rows) rows.resize(max_rows);
  return rows;
}

nlohmann::ordered_json planner_state_json(const PlannerDocuments& documents) {
  using Json = nlohmann::ordered_json;
  const auto opt = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
  Json patterns = Json::array();
  if (documents.mc) {
    for (const auto& p : documents.mc->patterns) {
      const auto top = criticality_rows(p, 1);
      patterns.push_back(Json{{"name", p.name},
                              {"rto_p50_s", opt(p.rto_p50_s)},
                              {"rto_p95_s", opt(p.rto_p95_s)},
                              {"rto_p99_s", opt(p.rto_p99_s)},
                              {"incidents", p.rto_s.size()},
                              {"most_critical", top.empty() ? Json(nullptr) : Json(top.front().component)}});
    }
  }
  Json front = Json::array();
  Json recommendations = Json::array();
  if (documents.plan) {
    for (const std::size_t i : reports::pareto_front_order(*documents.plan))
      front.push_back(documents.plan->candidates[i].label);
    for (const auto& r : documents.plan->recommendations) {
      recommendations.push_back(
          Json{{"kind", r.kind}, {"label", r.label ? Json(*r.label) : Json(nullptr)}, {"why", r.why}});
    }
  }
  return Json{{"mc_file", documents.mc ? Json(documents.mc->file) : Json(nullptr)},
              {"plan_file", documents.plan ? Json(documents.plan->file) : Json(nullptr)},
              {"patterns", patterns},
              {"pareto_front", front},
              {"recommendations", recommendations},
              {"defaulted_components", documents.mc ? documents.mc->defaulted.size() : std::size_t{0}}};
}

}  // namespace faultline::gui
