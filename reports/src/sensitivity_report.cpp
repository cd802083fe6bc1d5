#include "faultline/reports/sensitivity_report.hpp"

#include <algorithm>
#include <cmath>

#include "faultline/reports/html_report.hpp"
#include "faultline/reports/text_format.hpp"
#include "faultline/reports/tornado_chart.hpp"
#include "faultline/sensitivity/parameter.hpp"

namespace faultline::reports {
namespace {

using sensitivity::Outcome;
using sensitivity::ParameterResult;
using sensitivity::PatternSensitivity;

std::string cell(const std::string& text, std::string_view cls = "") {
  return "<td" + (cls.empty() ? std::string() : " class=\"" + std::string(cls) + "\"") + ">" + escape_xml(text) +
         "</td>";
}

std::string seconds(std::optional<double> v) { return v ? fixed(v, std::round(*v) == *v ? 0 : 1) : std::string("-"); }

std::string outcome_cells(const Outcome& o) {
  return cell(seconds(o.rto_s)) + cell(seconds(o.detect_s)) + cell(seconds(o.rpo_s)) +
         cell(fixed(o.availability * 100.0, 4) + " %") + cell(fixed(o.monthly_cost_usd, 0)) +
         cell(fixed(o.incident_cost_usd, 0)) +
         cell(o.meets_targets ? "met" : "missed", o.meets_targets ? "met" : "missed");
}

// The varied parameter with the largest RTO swing, or null when none moves the RTO.
const ParameterResult* rto_driver(const PatternSensitivity& p) {
  const ParameterResult* best = nullptr;
  for (const ParameterResult& r : p.parameters) {
    if (!r.not_applicable.empty() || r.swing.rto_s.value_or(0.0) <= 0.0) continue;
    if (best == nullptr || *r.swing.rto_s > *best->swing.rto_s) best = &r;
  }
  return best;
}

std::string summary(const sensitivity::SensitivityResult& r) {
  std::size_t runs = r.patterns.size();
  for (const auto& p : r.patterns) {
    for (const auto& q : p.parameters) runs += q.points.size();
  }
  std::string out = "<header><h1>Sensitivity: " + escape_xml(r.scenario) + "</h1><p>" + std::to_string(runs) +
                    " runs on seed " + std::to_string(r.seed) +
                    " (common random numbers: every run sees the same arrivals, outages and draws), one parameter at a "
                    "time, " +
                    std::to_string(r.points) + " points per range, ends included.</p></header>\n";
  out += "<section id=\"summary\"><h2>What moves the RTO most</h2><ul>";
  for (const PatternSensitivity& p : r.patterns) {
    const ParameterResult* d = rto_driver(p);
    out += "<li><b>" + escape_xml(p.name) + "</b>: RTO " + seconds(p.base.rto_s) + " s with its own settings; ";
    out += d ? escape_xml(d->name) + " over " +
                   escape_xml(sensitivity::format_value(d->name, *d->low) + ".." +
                              sensitivity::format_value(d->name, *d->high)) +
                   " moves it by " + seconds(d->swing.rto_s) + " s (" + seconds(d->points.front().outcome.rto_s) +
                   " to " + seconds(d->points.back().outcome.rto_s) + " s)"
             : std::string("no parameter moves it");
    out += ".</li>";
  }
  return out + "</ul></section>\n";
}

std::string points_table(const PatternSensitivity& p) {
  std::string out =
      "<table><thead><tr><th>parameter</th><th>value</th><th>RTO s</th><th>detect s</th><th>RPO s</th>"
      "<th>availability</th><th>USD/month</th><th>incident USD</th><th>targets</th></tr></thead><tbody>";
  out += "<tr>" + cell("own settings") + cell("") + outcome_cells(p.base) + "</tr>";
  for (const ParameterResult& r : p.parameters) {
    for (const auto& point : r.points) {
      out += "<tr>" + cell(r.name) + cell(sensitivity::format_value(r.name, point.value)) +
             outcome_cells(point.outcome) + "</tr>";
    }
  }
  return out + "</tbody></table>";
}

std::string pattern_section(const PatternSensitivity& p, std::size_t index) {
  std::string out = "<section id=\"pattern-" + std::to_string(index) + "\"><h2>" + escape_xml(p.name) + "</h2>";
  out += "<p>Own settings: RTO " + seconds(p.base.rto_s) + " s, RPO " + seconds(p.base.rpo_s) + " s, availability " +
         fixed(p.base.availability * 100.0, 4) + " %, " + fixed(p.base.monthly_cost_usd, 0) + " USD/month, targets " +
         (p.base.meets_targets ? "met" : "missed") + ".</p>";
  for (const TornadoMetric m :
       {TornadoMetric::kRto, TornadoMetric::kRpo, TornadoMetric::kAvailability, TornadoMetric::kMonthlyCost}) {
    const std::string chart = tornado_svg(p, m);
    out += chart.empty() ? "<p class=\"note\">" + escape_xml(std::string(tornado_title(m))) + ": no figure to vary.</p>"
                         : "<figure>" + chart + "</figure>";
  }
  out += "<h3>Every run</h3>" + points_table(p);
  std::string skipped;
  for (const ParameterResult& r : p.parameters) {
    if (!r.not_applicable.empty())
      skipped += "<li><code>" + escape_xml(r.name) + "</code>: " + escape_xml(r.not_applicable) + "</li>";
  }
  if (!skipped.empty()) out += "<h3>Not varied</h3><ul class=\"note\">" + skipped + "</ul>";
  return out + "</section>\n";
}

std::string parameters_section(const sensitivity::SensitivityResult& r) {
  std::string out =
      "<section id=\"parameters\"><h2>Parameters and ranges</h2><table><thead><tr><th>parameter</th>"
      "<th class=\"text\">range</th><th class=\"text\">from</th><th class=\"text\">what it "
      "changes</th></tr></thead><tbody>";
  for (const auto& d : r.parameters) {
    out += "<tr>" + cell(d.name) + cell(d.range, "text") + cell(d.is_default ? "default" : "--params", "text") +
           cell(d.description, "text") + "</tr>";
  }
  return out + "</tbody></table></section>\n";
}

constexpr const char* kDefinitions = R"(<section id="definitions"><h2>Definitions</h2><dl class="definitions">
<dt>One at a time</dt><dd>Each run is the pattern with exactly one parameter changed; every other setting stays the pattern's own.</dd>
<dt>Common random numbers</dt><dd>Every run uses the scenario's seed, so a difference between two runs comes from the parameter, not from different arrivals, outages or draws.</dd>
<dt>Swing</dt><dd>The largest minus the smallest figure over the range's points (the pattern's own run is not one of them).</dd>
<dt>RTO, RPO, availability, cost</dt><dd>As in the run report (faultline.result/v1): the worst incident's RTO and its detection, the worst data store's RPO, successful over offered requests, the steady-state monthly cost.</dd>
</dl></section>
)";

std::string inputs_section(const sensitivity::SensitivityResult& r) {
  std::string out = "<section id=\"inputs\"><h2>Inputs</h2><table><tbody>";
  for (const auto& f : r.inputs)
    out += "<tr>" + cell(f.role) + cell(f.path, "text") + cell(f.sha256, "text hash") + "</tr>";
  return out + "</tbody></table><p class=\"note\">faultline <code>" + escape_xml(r.faultline_version) +
         "</code>, document schema <code>" + escape_xml(std::string(sensitivity::SensitivityResult::kSchema)) +
         "</code>. The same document always gives this report byte for byte.</p></section>\n";
}

}  // namespace

std::string sensitivity_to_html(const sensitivity::SensitivityResult& result) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      escape_xml("faultline sensitivity: " + result.scenario) + "</title>\n<style>" + std::string(report_stylesheet()) +
      "</style>\n</head>\n<body>\n<main>\n";
  out += summary(result);
  for (std::size_t i = 0; i < result.patterns.size(); ++i) out += pattern_section(result.patterns[i], i + 1);
  out += parameters_section(result) + kDefinitions + inputs_section(result);
  return out + "</main>\n</body>\n</html>\n";
}

}  // namespace faultline::reports
