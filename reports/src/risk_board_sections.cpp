#include "risk_board_sections.hpp"

#include <algorithm>
#include <optional>

#include "faultline/contract/schema_names.hpp"
#include "faultline/reports/executive_summary.hpp"
#include "faultline/reports/risk_vocabulary.hpp"
#include "faultline/reports/text_format.hpp"

namespace faultline::reports {

namespace {

std::string td(const std::string& text, const std::string& cls = "") {
  return "<td" + (cls.empty() ? std::string() : " class=\"" + cls + "\"") + ">" + escape_xml(text) + "</td>";
}

// Worst RTO and RPO of a pattern's incidents of one disruption type.
struct WorstOf {
  bool has_incident = false;
  double rto_s = 0;
  std::optional<double> rpo_s;
  bool is_recovered = true;
};

WorstOf worst_of(const engine::PatternResult& p, std::string_view type) {
  WorstOf w;
  for (const auto& i : p.incidents) {
    if (disruption_type(i.fault_type) != type) continue;
    w.has_incident = true;
    if (i.rto_s >= w.rto_s) {
      w.rto_s = i.rto_s;
      w.is_recovered = i.recovered;
    }
    if (i.rpo_s) w.rpo_s = std::max(w.rpo_s.value_or(0.0), *i.rpo_s);
  }
  return w;
}

}  // namespace

std::string executive_summary_html(const engine::RunResult& result) {
  const ExecutiveSummary summary = ExecutiveSummary::of(result);
  std::string out = "<section id=\"executive-summary\"><h2>Executive summary</h2>";
  if (summary.recommended()) {
    out += "<p class=\"recommendation\">Recommended: <strong>" +
           escape_xml(pattern_with_strategy(result.patterns[*summary.recommended()].name)) + "</strong></p>";
  }
  for (const auto& sentence : summary.sentences()) out += "<p>" + escape_xml(sentence) + "</p>";
  return out + "</section>";
}

std::string disruption_table_html(const engine::RunResult& result) {
  std::string head = "<tr><th class=\"text\">disruption type</th>";
  for (const auto& p : result.patterns) head += "<th>" + escape_xml(p.name) + " RTO</th><th>RPO</th>";
  std::string rows;
  for (const std::string_view type : kDisruptionTypes) {
    std::string row = "<tr>" + td(std::string(type), "text");
    bool has_any = false;
    for (const auto& p : result.patterns) {
      const WorstOf w = worst_of(p, type);
      has_any = has_any || w.has_incident;
      row += td(w.has_incident ? target_figure("rto_s", w.rto_s) + (w.is_recovered ? "" : " (not recovered)") : "-") +
             td(w.rpo_s ? target_figure("rpo_s", *w.rpo_s) : "-");
    }
    if (has_any) rows += row + "</tr>";
  }
  if (rows.empty()) return {};
  return "<section id=\"disruptions\"><h2>By disruption type</h2><p class=\"note\">Worst incident per AWS Resilience "
         "Hub disruption type (Application: the service misbehaves; Infrastructure: hardware, capacity or network "
         "lost; "
         "Availability Zone; Region). DR strategies: hot-hot is multi-site active/active, hot-warm warm standby, "
         "hot-cold pilot light / backup and restore.</p><table><thead>" +
         head + "</tr></thead><tbody>" + rows + "</tbody></table></section>";
}

std::string assumptions_html(const engine::RunResult& result) {
  std::string out =
      "<section id=\"assumptions\"><h2>Assumptions and inputs</h2><ul class=\"assumptions\">"
      "<li>Every pattern meets the same faults at the same instants, with the same seed; one simulated run per "
      "pattern (Monte Carlo intervals: <code>faultline mc</code>).</li>"
      "<li>Traffic is routed by faultline's production router; detection, breakers, retries and capacity follow the "
      "documented behaviour listed in docs/validation.md, where what is not modelled yet is listed too.</li>"
      "<li>Costs are the topology's list prices per month (730 h) in steady state; incident costs use the "
      "scenario's rates.</li>"
      "<li>Figures are rounded for reading; the result JSON keeps them exact.</li></ul>"
      "<table><thead><tr><th class=\"text\">role</th><th class=\"text\">path</th><th class=\"text\">sha256</th></tr>"
      "</thead><tbody>";
  for (const auto& i : result.inputs)
    out += "<tr>" + td(i.role, "text") + td(i.path, "text") + td(i.sha256, "text hash") + "</tr>";
  out += "</tbody></table><p>Seed <code>" + std::to_string(result.seed) + "</code>, faultline <code>" +
         escape_xml(result.faultline_version) + "</code>, result schema <code>" +
         escape_xml(std::string(contract::kResultSchema)) +
         "</code>. The same inputs and seed reproduce this report byte for byte.</p></section>";
  return out;
}

}  // namespace faultline::reports
