#include "faultline/cli/sensitivity_table.hpp"

#include <algorithm>
#include <cmath>

#include "faultline/reports/text_format.hpp"
#include "faultline/sensitivity/parameter.hpp"
#include "faultline/sensitivity/parameter_range.hpp"

namespace faultline::cli {
namespace {

using sensitivity::Outcome;
using sensitivity::ParameterResult;
using sensitivity::PatternSensitivity;

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s + " ";
}

// Seconds with one decimal when they have one: "360", "139.8", "-".
std::string seconds(std::optional<double> v) {
  if (!v) return "-";
  return reports::fixed(v, std::round(*v) == *v ? 0 : 1);
}

// "a -> b" of one figure at the first and last point.
template <typename Figure>
std::string ends(const ParameterResult& r, const Figure& figure) {
  if (r.points.empty()) return "-";
  return figure(r.points.front().outcome) + " -> " + figure(r.points.back().outcome);
}

std::string base_line(const PatternSensitivity& p) {
  const Outcome& b = p.base;
  return p.name + ": RTO " + seconds(b.rto_s) + " s (detect " + seconds(b.detect_s) + " s), RPO " + seconds(b.rpo_s) +
         " s, availability " + reports::fixed(b.availability, 6) + ", " + reports::fixed(b.monthly_cost_usd, 0) +
         " USD/month, incident " + reports::fixed(b.incident_cost_usd, 0) + " USD, targets " +
         (b.meets_targets ? "met" : "missed") + "\n";
}

std::string rows(const PatternSensitivity& p) {
  std::vector<const ParameterResult*> varied;
  for (const ParameterResult& r : p.parameters) {
    if (r.not_applicable.empty()) varied.push_back(&r);
  }
  // Largest RTO swing first, then availability, then catalogue order.
  std::stable_sort(varied.begin(), varied.end(), [](const ParameterResult* a, const ParameterResult* b) {
    const double ra = a->swing.rto_s.value_or(0.0);
    const double rb = b->swing.rto_s.value_or(0.0);
    return ra != rb ? ra > rb : a->swing.availability > b->swing.availability;
  });
  if (varied.empty()) return "  (no parameter applies)\n";
  std::string out = "  " + pad("parameter", 34) + pad("range", 14) + pad("own", 8) + pad("RTO s", 15) +
                    pad("swing", 7) + pad("RPO s", 15) + pad("swing", 7) + pad("availability", 21) + pad("swing", 9) +
                    pad("USD/month", 15) + "swing\n";
  for (const ParameterResult* r : varied) {
    const std::string range =
        sensitivity::format_value(r->name, *r->low) + ".." + sensitivity::format_value(r->name, *r->high);
    out += "  " + pad(r->name, 34) + pad(range, 14) + pad(sensitivity::format_value(r->name, *r->base_value), 8) +
           pad(ends(*r, [](const Outcome& o) { return seconds(o.rto_s); }), 15) + pad(seconds(r->swing.rto_s), 7) +
           pad(ends(*r, [](const Outcome& o) { return seconds(o.rpo_s); }), 15) + pad(seconds(r->swing.rpo_s), 7) +
           pad(ends(*r, [](const Outcome& o) { return reports::fixed(o.availability, 6); }), 21) +
           pad(reports::fixed(r->swing.availability, 6), 9) +
           pad(ends(*r, [](const Outcome& o) { return reports::fixed(o.monthly_cost_usd, 0); }), 15) +
           reports::fixed(r->swing.monthly_cost_usd, 0) + "\n";
  }
  return out;
}

// "not varied: NAME (why), ..." and the points whose targets verdict differs from the pattern's own.
std::string notes(const PatternSensitivity& p) {
  std::string skipped;
  std::string flips;
  for (const ParameterResult& r : p.parameters) {
    if (!r.not_applicable.empty()) {
      skipped += (skipped.empty() ? "" : ", ") + r.name + " (" + r.not_applicable + ")";
      continue;
    }
    for (const auto& point : r.points) {
      if (point.outcome.meets_targets == p.base.meets_targets) continue;
      flips += (flips.empty() ? "" : ", ") + r.name + "=" + sensitivity::format_value(r.name, point.value);
    }
  }
  std::string out;
  if (!flips.empty())
    out += "  targets " + std::string(p.base.meets_targets ? "missed" : "met") + " at " + flips + "\n";
  if (!skipped.empty()) out += "  not varied: " + skipped + "\n";
  return out;
}

}  // namespace

std::string format_sensitivity_table(const sensitivity::SensitivityResult& result) {
  std::size_t runs = result.patterns.size();
  for (const PatternSensitivity& p : result.patterns) {
    for (const ParameterResult& r : p.parameters) runs += r.points.size();
  }
  std::string out = "scenario " + result.scenario + ": " + std::to_string(runs) + " run(s) on seed " +
                    std::to_string(result.seed) + " (common random numbers), one parameter at a time, " +
                    std::to_string(result.points) + " point(s) per range, ends included\n";
  out += "ranges:";
  for (const auto& d : result.parameters) {
    out += " " + d.name + " " + d.range + (d.is_default ? "" : " (--params)") +
           (&d == &result.parameters.back() ? "" : ";");
  }
  out += "\nswing = largest minus smallest figure over the range's points; a -> b = at the range's low and high end\n";
  for (const PatternSensitivity& p : result.patterns) out += "\n" + base_line(p) + rows(p) + notes(p);
  return out;
}

}  // namespace faultline::cli
