#include "faultline/reports/markdown_report.hpp"

#include <algorithm>

#include "faultline/reports/executive_summary.hpp"
#include "faultline/reports/risk_vocabulary.hpp"
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

// Bullets under the worst incident: runbook critical path, RPO per store, failback, lost work (each only when present).
std::string incident_details(const engine::IncidentResult& i) {
  std::string out;
  std::string path;
  for (const auto& st : i.runbook_steps) {
    if (!st.is_critical) continue;
    path += (path.empty() ? "`" : " → `") + cell(st.id) + "` " + fixed(st.end_s - st.start_s, 0) + " s";
    if (st.attempts > 1) path += " (" + std::to_string(st.attempts) + " attempts)";
    if (st.is_failed) path += " (**failed**)";
  }
  if (!path.empty()) out += "- Runbook critical path: " + path + "\n";
  std::string stores;
  for (const auto& st : i.stores) {
    stores += (stores.empty() ? "" : "; ") + std::string("`") + cell(st.store) + "` " + cell(st.mode) + " RPO " +
              fixed(st.rpo_s, 1) + " s" + (st.rpo_worst_s ? " (worst case " + fixed(*st.rpo_worst_s, 1) + " s)" : "") +
              ", " + std::to_string(st.lost_writes) + " lost writes";
  }
  if (!stores.empty()) out += "- RPO per store: " + stores + "\n";
  if (i.failback) {
    const engine::FailbackResult& f = *i.failback;
    out += "- Failback: fault ends at " + fixed(f.fault_end_s, 1) + " s, traffic back at " + seconds(f.traffic_back_s) +
           ", re-sync " + seconds(f.resync_s) + ", complete at " + seconds(f.complete_s) + "; " +
           std::to_string(f.failed_requests) + " failed requests, writes paused " + fixed(f.write_pause_s, 1) + " s\n";
  }
  if (has_lost_work(i.work)) {
    const engine::WorkLossResult& w = i.work;
    out += "- Lost work: " + std::to_string(w.agent_threads_lost) + " agent threads (" +
           std::to_string(w.agent_threads_rehydrated) + " rehydrated), " + fixed(w.training_gpu_hours_lost, 1) +
           " GPU-hours (" + fixed(w.training_cost_usd_lost, 0) + " USD), " + std::to_string(w.rag_documents_redone) +
           " documents redone\n";
  }
  return out;
}

}  // namespace

std::string to_markdown(const engine::RunResult& result) {
  std::size_t targets = 0;
  std::size_t met = 0;
  for (const auto& p : result.patterns) {
    targets += p.targets.size();
    met += static_cast<std::size_t>(
        std::count_if(p.targets.begin(), p.targets.end(), [](const auto& t) { return t.met; }));
  }
  std::string out = "### faultline: " + cell(scenario_label(result)) + " — " + std::to_string(met) + " of " +
                    std::to_string(targets) + " targets met\n\n";
  const ExecutiveSummary executive = ExecutiveSummary::of(result);
  std::string summary =
      executive.recommended()
          ? "**Recommended: " + cell(pattern_with_strategy(result.patterns[*executive.recommended()].name)) + ".**"
          : std::string();
  for (const auto& sentence : executive.sentences()) summary += (summary.empty() ? "" : " ") + cell(sentence);
  if (!summary.empty()) out += "> " + summary + "\n\n";
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
  out += "\n**RTO phases** (worst incident per pattern; docs/metrics.md, \"RTO phases\")\n\n";
  for (const auto& p : result.patterns) {
    const std::string phases = rto_phase_summary(p);
    out += "- " +
           (phases.empty() ? cell(p.name) + ": no RTO phases (no incident, or a result written before them)"
                           : cell(phases)) +
           "\n";
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
           " s: RTO " + fixed(worst->rto_s, 1) + " s" + (worst->recovered ? "" : " (not recovered)") + " (detect " +
           seconds(worst->detect_s) + ", switch " + seconds(worst->switch_s) + ", runbook " +
           seconds(worst->runbook_s) + ", full capacity " + seconds(worst->full_capacity_s) + "); RPO " +
           seconds(worst->rpo_s) + ", " + std::to_string(worst->lost_writes) + " lost writes\n";
    out += incident_details(*worst);
  }
  out += "\n<sub>faultline " + cell(result.faultline_version) + ", seed " + std::to_string(result.seed) +
         ". Definitions: docs/metrics.md.</sub>\n";
  return out;
}

}  // namespace faultline::reports
