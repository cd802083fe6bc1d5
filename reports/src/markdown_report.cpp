#include "faultline/reports/markdown_report.hpp"

#include <algorithm>

#include "faultline/reports/text_format.hpp"

namespace faultline::reports {
namespace {

// A table cell: pipes and line breaks would break the row; < > & are escaped for the renderer.
std::string cell(const std::string& text) {
  std::string out;
  for (const char c : escape_xml(text)) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string seconds(std::optional<double> v) { return v ? fixed(v, 1) + " s" : std::string("-"); }

}  // namespace

std::string to_markdown(const engine::RunResult& result) {
  std::size_t targets = 0;
  std::size_t met = 0;
  for (const auto& p : result.patterns) {
    targets += p.targets.size();
    met += static_cast<std::size_t>(std::count_if(p.targets.begin(), p.targets.end(), [](const auto& t) { return t.met; }));
  }
  std::string out = "### faultline: " + cell(scenario_label(result)) + " — " + std::to_string(met) + " of " +
                    std::to_string(targets) + " targets met\n\n";
  out += "| pattern | availability | RTO | RPO | USD/month | incident USD | targets |\n";
  out += "|---|---:|---:|---:|---:|---:|---|\n";
  for (const auto& p : result.patterns) {
    const auto* worst = worst_incident(p);
    const auto pattern_met = std::count_if(p.targets.begin(), p.targets.end(), [](const auto& t) { return t.met; });
    std::string rto = seconds(p.rto_s);
    if (worst != nullptr && !worst->recovered) rto += " (not recovered)";
    out += "| " + cell(p.name) + " | " + fixed(p.availability * 100.0, 3) + " % | " + rto + " | " + seconds(p.rpo_s) +
           " | " + fixed(p.monthly_cost_usd, 0) + " | " + fixed(p.incident_cost_usd, 0) + " | " +
           (p.targets.empty() ? std::string("-")
                              : std::to_string(pattern_met) + "/" + std::to_string(p.targets.size()) + " met") +
           " |\n";
  }
  out += "\n**Targets**\n\n";
  if (targets == 0) out += "- none stated in the scenario\n";
  for (const auto& p : result.patterns) {
    for (const auto& t : p.targets) {
      out += std::string("- ") + (t.met ? "met" : "**MISSED**") + ": " + cell(p.name) + " `" + cell(t.name) +
             "` = " + (t.value ? shortest(*t.value) : std::string("none")) + " (limit " + shortest(t.limit) + ")\n";
    }
  }
  const engine::PatternResult* worst_pattern = nullptr;
  const engine::IncidentResult* worst = nullptr;
  for (const auto& p : result.patterns) {
    const auto* i = worst_incident(p);
    if (i != nullptr && (worst == nullptr || i->rto_s > worst->rto_s)) {
      worst = i;
      worst_pattern = &p;
    }
  }
  out += "\n**Worst incident**: ";
  if (worst == nullptr) {
    out += "none (no fault in the scenario)\n";
  } else {
    out += cell(worst_pattern->name) + ", fault `" + cell(worst->fault) + "` at " + fixed(worst->start_s, 0) +
           " s: RTO " + fixed(worst->rto_s, 1) + " s" + (worst->recovered ? "" : " (not recovered)") +
           " (detect " + seconds(worst->detect_s) + ", switch " + seconds(worst->switch_s) + ", runbook " +
           seconds(worst->runbook_s) + ", full capacity " + seconds(worst->full_capacity_s) + "); RPO " +
           seconds(worst->rpo_s) + ", " + std::to_string(worst->lost_writes) + " lost writes\n";
  }
  out += "\n<sub>faultline " + cell(result.faultline_version) + ", seed " + std::to_string(result.seed) +
         ". Definitions: docs/metrics.md.</sub>\n";
  return out;
}

}  // namespace faultline::reports
