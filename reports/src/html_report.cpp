#include "faultline/reports/html_report.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "faultline/base/file_digest.hpp"
#include "faultline/reports/risk_vocabulary.hpp"
#include "faultline/reports/rto_phase_chart.hpp"
#include "faultline/reports/svg_charts.hpp"
#include "faultline/reports/text_format.hpp"
#include "faultline/reports/topology_diagram.hpp"
#include "faultline/topology/cost_model.hpp"
#include "faultline/topology/topology_loader.hpp"
#include "risk_board_sections.hpp"

namespace faultline::reports {
namespace {

// Screen and print styles. Sizes in px for screen, the print block fits A4.
constexpr const char* kStyle = R"(
:root { --ink: #1d2329; --muted: #5f6b76; --line: #d5dbe1; --ok: #2e7d32; --bad: #c62828; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); margin: 0; background: #f4f6f8; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
header h1 { font-size: 26px; margin: 0 0 4px; }
header p { margin: 2px 0; color: var(--muted); }
#executive-summary { background: #fff; border-left: 5px solid #1f6feb; padding: 4px 16px 8px; }
#executive-summary p { font-size: 15px; line-height: 1.45; }
p.recommendation { font-size: 17px; }
ul.assumptions li { margin: 3px 0; }
.verdict { display: inline-block; padding: 4px 10px; border-radius: 4px; color: #fff; font-weight: bold; margin-top: 8px; }
.verdict.ok { background: var(--ok); } .verdict.bad { background: var(--bad); }
section { margin-top: 28px; }
h2 { font-size: 19px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: right; vertical-align: top; }
th:first-child, td:first-child, td.text, th.text { text-align: left; }
th { background: #eef1f4; }
td.met { color: var(--ok); font-weight: bold; } td.missed { color: var(--bad); font-weight: bold; }
code, .hash { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; word-break: break-all; }
.note { color: var(--muted); font-size: 13px; }
figure { margin: 0 0 12px; }
svg.chart { width: 100%; height: auto; display: block; margin: 6px 0 14px; }
svg text { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11px; fill: var(--ink); }
svg text.panel-title, svg text.name { font-weight: bold; }
svg text.axis, svg text.kind { fill: var(--muted); font-size: 10px; }
svg text.muted { fill: var(--muted); font-style: italic; }
svg .plot { fill: #fbfcfd; stroke: #b8c2cc; }
svg .grid { stroke: #e3e8ec; }
svg .tick { stroke: #8a96a1; }
svg .region { fill: #eef4fb; stroke: #7aa3cc; stroke-width: 1.5; }
svg .node { fill: #fff; stroke: #9aa8b5; }
svg .node.store { fill: #fff8e8; stroke: #c9a455; }
svg .node.entry { fill: #e8f5e9; stroke: #66a96b; }
svg .node.client { fill: #f3e5f5; stroke: #a77bb0; }
svg .link { stroke: #9aa8b5; stroke-width: 1.5; fill: none; }
svg text.link-label { paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg .link.replication { stroke: #6a1b9a; stroke-dasharray: 5 3; }
dl.definitions dt { font-weight: bold; margin-top: 8px; }
dl.definitions dd { margin: 2px 0 0 16px; font-size: 13px; }
@page { size: A4; margin: 12mm; }
@media print {
  body { background: #fff; font-size: 11px; }
  main { max-width: none; padding: 0; }
  figure, section#targets, section#inputs, tr { break-inside: avoid; page-break-inside: avoid; }
  figure { margin: 0; }
  h2 { break-after: avoid; }
  .verdict { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";

std::string seconds(std::optional<double> v) { return v ? fixed(v, 1) : std::string("-"); }

std::string cell(const std::string& text, std::string_view cls = "") {
  return "<td" + (cls.empty() ? std::string() : " class=\"" + std::string(cls) + "\"") + ">" + escape_xml(text) +
         "</td>";
}

std::string summary_section(const engine::RunResult& result) {
  std::string out =
      "<section id=\"summary\"><h2>Summary</h2><table><thead><tr><th class=\"text\">pattern (DR "
      "strategy)</th><th>availability</th>"
      "<th>RTO s (worst)</th><th>RPO s (worst)</th><th>USD / month</th><th>incident USD</th>"
      "<th>failed requests</th><th>targets</th></tr></thead><tbody>";
  for (const auto& p : result.patterns) {
    std::uint64_t offered = 0;
    std::uint64_t succeeded = 0;
    for (const auto& w : p.workloads) {
      offered += w.offered;
      succeeded += w.succeeded;
    }
    const auto met = std::count_if(p.targets.begin(), p.targets.end(), [](const auto& t) { return t.met; });
    const auto* worst = worst_incident(p);
    const bool is_all_met = static_cast<std::size_t>(met) == p.targets.size();
    out += "<tr>" + cell(pattern_with_strategy(p.name), "text") + cell(fixed(p.availability * 100.0, 3) + " %") +
           cell(seconds(p.rto_s) + (worst != nullptr && !worst->recovered ? " (not recovered)" : "")) +
           cell(seconds(p.rpo_s)) + cell(fixed(p.monthly_cost_usd, 0)) + cell(fixed(p.incident_cost_usd, 0)) +
           cell(std::to_string(offered - succeeded)) +
           cell(p.targets.empty() ? std::string("none")
                                  : std::to_string(met) + " / " + std::to_string(p.targets.size()) + " met",
                p.targets.empty() ? "" : (is_all_met ? "met" : "missed")) +
           "</tr>";
  }
  out += "</tbody></table>";
  out +=
      "<h3>Targets</h3><table><thead><tr><th>pattern</th><th class=\"text\">target</th><th>value</th><th>limit</th>"
      "<th class=\"text\">status</th></tr></thead><tbody>";
  bool has_targets = false;
  for (const auto& p : result.patterns) {
    for (const auto& t : p.targets) {
      has_targets = true;
      out += "<tr>" + cell(p.name) + cell(target_label(t.name), "text") +
             cell(t.value ? target_figure(t.name, *t.value) : std::string("none")) +
             cell(target_figure(t.name, t.limit)) + cell(t.met ? "met" : "MISSED", t.met ? "text met" : "text missed") +
             "</tr>";
    }
  }
  if (!has_targets) out += "<tr><td colspan=\"5\" class=\"text\">The scenario states no targets.</td></tr>";
  return out + "</tbody></table></section>";
}

std::string targets_section(const engine::RunResult& result) {
  return "<section id=\"targets\"><h2>RTO, RPO and cost against targets</h2>"
         "<p class=\"note\">Bars: green met, red missed, grey no target; the black tick is the target's limit.</p>"
         "<h3>RTO of the worst incident</h3>" +
         target_bars_svg(result, "rto_s", "s") + "<h3>RPO of the worst data store</h3>" +
         target_bars_svg(result, "rpo_s", "s") + "<h3>Steady-state cost per month</h3>" +
         target_bars_svg(result, "monthly_cost_usd", "USD") + "</section>";
}

// Monthly cost by (component, region) with a column per pattern, then total, baseline and premium.
std::string cost_section(const engine::RunResult& result) {
  std::map<std::pair<std::string, std::string>, std::vector<double>> rows;
  for (std::size_t k = 0; k < result.patterns.size(); ++k) {
    for (const auto& [key, usd] : topology::cost_by_component(result.patterns[k].cost_breakdown)) {
      auto& row = rows[key];
      row.resize(result.patterns.size(), 0.0);
      row[k] = usd;
    }
  }
  std::string out = "<section id=\"cost\"><h2>Monthly cost by component</h2>";
  if (rows.empty())
    return out + "<p class=\"note\">No cost breakdown in this result (written before it was recorded).</p></section>";
  out +=
      "<p class=\"note\">USD per month (730 h) in steady state. Pay-per-token spend is charged where the traffic is "
      "served; reserved capacity by its provisioned size. The premium is the monthly cost over the primary region "
      "run alone (its single-region baseline).</p><table><thead><tr><th class=\"text\">component</th>"
      "<th class=\"text\">region</th>";
  for (const auto& p : result.patterns) out += "<th>" + escape_xml(p.name) + "</th>";
  out += "</tr></thead><tbody>";
  for (const auto& [key, usd] : rows) {
    out += "<tr>" + cell(key.first, "text") + cell(key.second, "text");
    for (double v : usd) out += cell(fixed(v, 2));
    out += "</tr>";
  }
  const auto summary_row = [&](const std::string& label, auto value) {
    out += "<tr><th class=\"text\" colspan=\"2\">" + label + "</th>";
    for (const auto& p : result.patterns) {
      const std::optional<double> v = value(p);
      out += cell(v ? fixed(*v, 2) : std::string("-"));
    }
    out += "</tr>";
  };
  summary_row("total", [](const engine::PatternResult& p) { return std::optional<double>(p.monthly_cost_usd); });
  summary_row("single-region baseline", [](const engine::PatternResult& p) { return p.baseline_cost_usd; });
  summary_row("resilience premium", [](const engine::PatternResult& p) { return p.premium_usd(); });
  return out + "</tbody></table></section>";
}

std::string timelines_section(const engine::RunResult& result) {
  std::string out =
      "<section id=\"timelines\"><h2>Timelines</h2><p class=\"note\">Per pattern, bucketed series "
      "(x: time since run start, h:mm). Dashed verticals mark each incident's fault start, detection, "
      "traffic switch, full capacity and recovery; hover a marker for its value.</p>";
  for (const auto& p : result.patterns) {
    out += "<figure><h3>" + escape_xml(p.name) + "</h3>" + timeline_svg(p) + "</figure>";
  }
  return out + "</section>";
}

// Where each pattern's RTO went: the worst incident's phases as a stacked bar and a sentence.
std::string rto_breakdown_section(const engine::RunResult& result) {
  std::string out =
      "<section id=\"rto-phases\"><h2>Where the RTO went</h2><p class=\"note\">Per pattern, the worst "
      "incident's RTO cut into contiguous phases, from the fault start to the RTO instant, each named "
      "after the constraint that kept traffic failing then (docs/metrics.md, \"RTO phases\"). Hover a "
      "phase for its cause.</p>";
  const std::string chart = rto_phase_bars_svg(result);
  out += chart.empty() ? "<p class=\"note\">No incident with an RTO above 0 s.</p>" : "<figure>" + chart + "</figure>";
  out += "<ul class=\"phases\">";
  for (const auto& p : result.patterns) {
    const std::string line = rto_phase_summary(p);
    out += "<li>" +
           escape_xml(line.empty() ? p.name + ": no RTO phases (no incident, or a result written before them)" : line) +
           "</li>";
  }
  return out + "</ul></section>";
}

std::string runbook_section(const engine::RunResult& result) {
  std::string out = "<section id=\"runbook\"><h2>Runbook critical path</h2>";
  bool has_steps = false;
  bool has_duration_only = false;
  for (const auto& p : result.patterns) {
    has_steps = has_steps || worst_incident_with_steps(p) != nullptr;
    for (const auto& i : p.incidents) has_duration_only = has_duration_only || (i.runbook_s && i.runbook_steps.empty());
  }
  if (has_steps) {
    out +=
        "<p class=\"note\">Per pattern, the runbook as it ran in the worst incident that ran one: a bar per step "
        "from its first attempt's start to its last attempt's end (s from the fault start); critical-path steps "
        "highlighted, failed steps outlined in red, retries as xN; dashed verticals at detection, traffic switch, "
        "full capacity and the RTO.</p>";
    for (const auto& p : result.patterns) {
      out += "<figure><h3>" + escape_xml(p.name) + "</h3>";
      if (const auto* i = worst_incident_with_steps(p)) {
        out += "<p class=\"note\">Fault " + escape_xml(i->fault) + " at " + fixed(i->start_s, 0) +
               " s; critical path " + (i->runbook_s ? fixed(i->runbook_s, 1) + " s" : std::string("not recorded")) +
               ".</p>" + runbook_gantt_svg(*i);
      } else {
        out += "<p class=\"note\">No runbook step ran in this pattern's incidents.</p>";
      }
      out += "</figure>";
    }
  }
  if (has_duration_only) {
    out +=
        "<p class=\"note\">Incidents below hold the runbook's critical-path duration without step timings "
        "(results written before steps were recorded, or a runbook without steps).</p>"
        "<table><thead><tr><th>pattern</th><th class=\"text\">fault</th>"
        "<th>runbook critical path s</th></tr></thead><tbody>";
    for (const auto& p : result.patterns) {
      for (const auto& i : p.incidents) {
        if (i.runbook_s && i.runbook_steps.empty()) {
          out += "<tr>" + cell(p.name) + cell(i.fault, "text") + cell(seconds(i.runbook_s)) + "</tr>";
        }
      }
    }
    out += "</tbody></table>";
  }
  if (!has_steps && !has_duration_only) {
    out += "<p class=\"note\">No runbook data in this result: no pattern ran a runbook step.</p>";
  }
  out += "<h3>Phases of the worst incident (from the fault start)</h3>" + rto_phases_svg(result);
  return out + "</section>";
}

std::string topology_section(const ReportTopology& topology) {
  std::string out = "<section id=\"topology\"><h2>Topology</h2>";
  if (topology.topology) {
    out +=
        "<p class=\"note\">" + escape_xml(topology.topology->name() + ": " + topology.topology->description()) + "</p>";
    out += topology_svg(*topology.topology);
  } else {
    out += "<p class=\"note\">Topology diagram unavailable: " + escape_xml(topology.note) + "</p>";
  }
  return out + "</section>";
}

std::string count(std::uint64_t n) { return std::to_string(n); }

// RPO per data store of every incident (an empty list: the fault took no store down, or an older result).
std::string stores_table(const engine::RunResult& result) {
  std::string rows;
  for (const auto& p : result.patterns) {
    for (const auto& i : p.incidents) {
      for (const auto& st : i.stores) {
        rows += "<tr>" + cell(p.name) + cell(i.fault, "text") + cell(st.store, "text") + cell(st.mode, "text") +
                cell(fixed(st.rpo_s, 1)) + cell(seconds(st.rpo_worst_s)) + cell(seconds(st.rpo_expected_s)) +
                cell(count(st.lost_writes)) + cell(seconds(st.promoted_s)) + "</tr>";
      }
    }
  }
  std::string out = "<h3 id=\"incident-stores\">RPO per data store</h3>";
  if (rows.empty())
    return out + "<p class=\"note\">No per-store data in this result: no incident took a data store down.</p>";
  return out +
         "<table><thead><tr><th>pattern</th><th class=\"text\">fault</th><th class=\"text\">store</th>"
         "<th class=\"text\">replication</th><th>RPO s</th><th>worst case s</th><th>expected s</th>"
         "<th>lost writes</th><th>promoted s</th></tr></thead>"
         "<tbody>" +
         rows +
         "</tbody></table><p class=\"note\">RPO: this incident's loss (the fault instant's sample); "
         "worst case: the mode's bound (the lag, the copy interval; \"-\": unbounded lag); expected: its mean over "
         "fault instants. Promoted: fault start to the copy taking writes; \"-\": not promoted within the run.</p>";
}

// Failback of every incident whose fault ended within the run.
std::string failback_table(const engine::RunResult& result) {
  std::string rows;
  for (const auto& p : result.patterns) {
    for (const auto& i : p.incidents) {
      if (!i.failback) continue;
      const engine::FailbackResult& f = *i.failback;
      rows += "<tr>" + cell(p.name) + cell(i.fault, "text") + cell(fixed(f.fault_end_s, 1)) +
              cell(seconds(f.traffic_back_s)) + cell(seconds(f.resync_s)) + cell(seconds(f.complete_s)) +
              cell(count(f.failed_requests)) + cell(fixed(f.write_pause_s, 1)) + "</tr>";
    }
  }
  std::string out = "<h3 id=\"incident-failback\">Failback</h3>";
  if (rows.empty())
    return out + "<p class=\"note\">No failback in this result: every fault lasted to the end of the run.</p>";
  return out +
         "<table><thead><tr><th>pattern</th><th class=\"text\">fault</th><th>fault ends s</th>"
         "<th>traffic back s</th><th>re-sync s</th><th>complete s</th><th>failed requests</th>"
         "<th>write pause s</th></tr></thead><tbody>" +
         rows +
         "</tbody></table><p class=\"note\">Times from the fault start, except re-sync and write pause (durations). "
         "Failed requests: between the fault's end and failback complete.</p>";
}

// Work lost beyond requests and writes, for incidents that lost any.
std::string work_table(const engine::RunResult& result) {
  std::string rows;
  for (const auto& p : result.patterns) {
    for (const auto& i : p.incidents) {
      if (!has_lost_work(i.work)) continue;
      const engine::WorkLossResult& w = i.work;
      rows += "<tr>" + cell(p.name) + cell(i.fault, "text") + cell(count(w.agent_threads_lost)) +
              cell(count(w.agent_threads_rehydrated)) + cell(fixed(w.training_gpu_hours_lost, 1)) +
              cell(fixed(w.training_cost_usd_lost, 0)) + cell(seconds(w.training_resumed_s)) +
              cell(count(w.rag_documents_redone)) + "</tr>";
    }
  }
  std::string out = "<h3 id=\"incident-work\">Lost work</h3>";
  if (rows.empty())
    return out +
           "<p class=\"note\">No lost work in this result: no agent thread, training or ingestion work was lost.</p>";
  return out +
         "<table><thead><tr><th>pattern</th><th class=\"text\">fault</th><th>agent threads lost</th>"
         "<th>threads rehydrated</th><th>GPU-hours lost</th><th>training USD lost</th><th>training resumed s</th>"
         "<th>documents redone</th></tr></thead><tbody>" +
         rows + "</tbody></table>";
}

std::string incidents_section(const engine::RunResult& result) {
  std::string out =
      "<section id=\"incidents\"><h2>Incidents</h2><table><thead><tr><th>pattern</th>"
      "<th class=\"text\">fault</th><th>start s</th><th>RTO s</th><th>down s</th><th>degraded s</th>"
      "<th>weighted downtime s</th><th>detect s</th><th>switch s</th>"
      "<th>runbook s</th><th>full capacity s</th><th>RPO s</th><th>lost writes</th>"
      "<th>pre-incident ratio</th></tr></thead><tbody>";
  bool has_any = false;
  for (const auto& p : result.patterns) {
    for (const auto& i : p.incidents) {
      has_any = true;
      out += "<tr>" + cell(p.name) + cell(i.fault, "text") + cell(fixed(i.start_s, 0)) +
             cell(fixed(i.rto_s, 1) + (i.recovered ? "" : " (not recovered)")) + cell(fixed(i.downtime_s, 0)) +
             cell(fixed(i.degraded_s, 0)) + cell(fixed(i.downtime_weighted_s, 1)) + cell(seconds(i.detect_s)) +
             cell(seconds(i.switch_s)) + cell(seconds(i.runbook_s)) + cell(seconds(i.full_capacity_s)) +
             cell(seconds(i.rpo_s)) + cell(std::to_string(i.lost_writes)) + cell(fixed(i.pre_incident_ratio, 4)) +
             "</tr>";
    }
  }
  if (!has_any) out += "<tr><td colspan=\"14\" class=\"text\">No incident: the scenario has no fault.</td></tr>";
  out +=
      "</tbody></table><p class=\"note\">Detect, switch and full capacity are measured from the fault start; "
      "runbook is the runbook's critical-path duration. Down: seconds whose window success ratio was below the "
      "recovery threshold x the pre-incident ratio; degraded: below the pre-incident ratio but not down; weighted "
      "downtime: each second's failed share summed (a full outage counts every second, 0.5 % failures 0.005 s); "
      "incident downtime cost uses the weighted downtime. \"-\": the part did not happen or does not apply.</p>";
  if (has_any) out += stores_table(result) + failback_table(result) + work_table(result);
  return out + "</section>";
}

std::string definitions_section() {
  // A short form of docs/metrics.md; the full text stays in the repository.
  return R"(<section id="definitions"><h2>Metric definitions</h2><dl class="definitions">
<dt>Availability</dt><dd>Successful requests divided by offered requests over the whole run, per workload class and over all classes. SLO windows: the run cut into tumbling windows (60 s by default); a window meets the SLO when it had no traffic or its good share reaches the SLO success ratio.</dd>
<dt>RTO of an incident</dt><dd>From the fault start to the first instant T after which the success ratio over a sliding window W (60 s by default) stays at or above the recovery threshold (99 % of the pre-incident ratio by default) until the next fault or the end of the run. Evaluated at whole seconds; a window without traffic counts as good. "Not recovered": still below the threshold when the next fault starts or the run ends; the RTO shown is then a lower bound.</dd>
<dt>RTO parts</dt><dd>Time to detect, time to switch traffic and time to full capacity are instants measured from the fault start (first mark wins); the runbook part is the duration of the runbook's critical path.</dd>
<dt>RPO of an incident</dt><dd>Per data store, the age at failover of the oldest acknowledged write the promoted copy does not have (replication lag, or time since the last restorable backup), with the count of lost writes. The pattern's RPO is the worst data store of its worst incident.</dd>
<dt>Cost</dt><dd>Steady-state monthly cost per pattern (reserved or provisioned capacity, standby, per-token charges, gateways, stores, replication egress, probe tokens) and the cost of the run's incidents.</dd>
<dt>Series</dt><dd>Fixed-width buckets; success ratio = succeeded / offered in the bucket; traffic share = the region's share of offered requests; capacity = time-weighted mean capacity level; an empty point means nothing was measured in that bucket.</dd>
</dl></section>)";
}

}  // namespace

std::string_view report_stylesheet() { return kStyle; }

ReportTopology load_report_topology(const engine::RunResult& result) {
  const engine::InputFile* input = nullptr;
  for (const auto& i : result.inputs) {
    if (i.role == "topology") input = &i;
  }
  if (input == nullptr) return {std::nullopt, "the result names no topology file"};
  std::error_code ec;
  if (!std::filesystem::is_regular_file(input->path, ec)) {
    return {std::nullopt, input->path + " is not there (paths are relative to where the run started)"};
  }
  try {
    if (base::sha256_file(input->path) != input->sha256) {
      return {std::nullopt, input->path + " has changed since the run (sha256 differs from the result's inputs)"};
    }
  } catch (const std::exception& e) {
    return {std::nullopt, e.what()};
  }
  topology::LoadResult loaded = topology::TopologyLoader::load_file(input->path);
  if (!loaded.topology) return {std::nullopt, input->path + " does not load: " + loaded.errors.front().to_string()};
  return {std::move(loaded.topology), {}};
}

std::string to_html(const engine::RunResult& result, const ReportTopology& topology, const AnswerChanges* changes) {
  std::size_t targets = 0;
  std::size_t met = 0;
  for (const auto& p : result.patterns) {
    targets += p.targets.size();
    met += static_cast<std::size_t>(
        std::count_if(p.targets.begin(), p.targets.end(), [](const auto& t) { return t.met; }));
  }
  const std::string scenario = scenario_label(result);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      escape_xml("faultline report: " + scenario) + "</title>\n<style>" + kStyle +
      "</style>\n</head>\n<body>\n<main>\n";
  out += "<header><h1>Resilience report: " + escape_xml(scenario) + "</h1><p>" +
         std::to_string(result.patterns.size()) + " failover pattern(s) simulated by faultline " +
         escape_xml(result.faultline_version) + ", seed " + std::to_string(result.seed) + ".</p>";
  out += std::string("<p class=\"verdict ") + (met == targets ? "ok\">" : "bad\">") + std::to_string(met) + " of " +
         std::to_string(targets) + " targets met</p></header>\n";
  out += executive_summary_html(result) + "\n";
  if (changes != nullptr) out += answer_changes_html(result, *changes) + "\n";
  out += summary_section(result) + "\n";
  out += disruption_table_html(result) + "\n";
  out += targets_section(result) + "\n";
  out += rto_breakdown_section(result) + "\n";
  out += cost_section(result) + "\n";
  out += timelines_section(result) + "\n";
  out += runbook_section(result) + "\n";
  out += topology_section(topology) + "\n";
  out += incidents_section(result) + "\n";
  out += definitions_section() + "\n";
  out += assumptions_html(result) + "\n";
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace faultline::reports
