#include "faultline/reports/planner_report.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "faultline/contract/schema_names.hpp"
#include "faultline/reports/candidate_settings.hpp"
#include "faultline/reports/html_report.hpp"
#include "faultline/reports/planner_charts.hpp"
#include "faultline/reports/text_format.hpp"

namespace faultline::reports {
namespace {

std::string cell(const std::string& text, std::string_view cls = "") {
  return "<td" + (cls.empty() ? std::string() : " class=\"" + std::string(cls) + "\"") + ">" + escape_xml(text) +
         "</td>";
}

std::string percent(std::optional<double> v) { return v ? fixed(*v * 100.0, 5) + " %" : std::string("-"); }

std::string interval(const contract::AvailabilityEstimate& a) {
  if (!a.ci99_low || !a.ci99_high) return "- (one replication)";
  return percent(a.ci99_low) + " to " + percent(a.ci99_high);
}

std::string head(const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         escape_xml(title) + "</title>\n<style>" + std::string(report_stylesheet()) +
         "</style>\n</head>\n<body>\n<main>\n";
}

constexpr const char* kTail = "</main>\n</body>\n</html>\n";

std::string inputs_section(const std::string& scenario, unsigned long long seed, double years, std::size_t replications,
                           const std::string& version, std::string_view schema) {
  return "<section id=\"inputs\"><h2>Inputs</h2><p>Scenario <code>" + escape_xml(scenario) + "</code>, seed <code>" +
         std::to_string(seed) + "</code>, " + std::to_string(replications) + " replication(s) of " + shortest(years) +
         " year(s), faultline <code>" + escape_xml(version) + "</code>, document schema <code>" +
         escape_xml(std::string(schema)) +
         "</code>. The same document always gives this report byte for byte.</p></section>\n";
}

std::string md_cell(const std::string& text) {
  std::string out;
  for (const char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

// The settings columns a plan shows (candidate_settings.hpp), each header wrapped in `open` and `close`.
std::string settings_header(const SettingsColumns& columns, std::string_view open, std::string_view close) {
  std::string out;
  const auto add = [&](bool shown, const char* title) {
    if (shown) out += std::string(open) + title + std::string(close);
  };
  add(columns.has_regions, "regions");
  add(columns.has_probe, "probe x/n");
  add(columns.has_breaker, "breaker");
  add(columns.has_data, "data");
  return out;
}

std::size_t settings_count(const SettingsColumns& columns) {
  return static_cast<std::size_t>(columns.has_regions) + static_cast<std::size_t>(columns.has_probe) +
         static_cast<std::size_t>(columns.has_breaker) + static_cast<std::size_t>(columns.has_data);
}

// The candidate's settings cells: HTML <td>s, or Markdown cells each followed by " | ".
std::string settings_cells(const SettingsColumns& columns, const contract::PlanCandidateData& c, bool is_html) {
  const CandidateSettings settings = candidate_settings(c);
  std::string out;
  const auto add = [&](bool shown, const std::string& text) {
    if (shown) out += is_html ? cell(text, "text") : md_cell(text) + " | ";
  };
  add(columns.has_regions, settings.regions);
  add(columns.has_probe, settings.probe);
  add(columns.has_breaker, settings.breaker);
  add(columns.has_data, settings.data);
  return out;
}

std::string recommendation_title(const std::string& kind) {
  if (kind == "cheapest_meeting_targets") return "A: cheapest meeting the targets";
  if (kind == "best_within_budget") return "B: best RTO/RPO within budget";
  if (kind == "least_change") return "C: least change";
  return kind;
}

std::string share(std::optional<double> v) { return v ? fixed(*v * 100.0, 1) + " %" : std::string("-"); }

// A share as a bar (at most 120 px) followed by its figure.
std::string share_bar_cell(std::optional<double> v) {
  const int px = v ? static_cast<int>(*v * 120.0 + 0.5) : 0;
  return "<td class=\"text\"><span style=\"display:inline-block;height:0.7em;width:" + std::to_string(px) +
         "px;background:#4a78c2;margin-right:6px\"></span>" + escape_xml(share(v)) + "</td>";
}

// The components from the published-data defaults, grouped by source in first-seen order; "" when none.
std::string defaults_section(const std::vector<contract::DefaultedComponent>& defaulted) {
  if (defaulted.empty()) return {};
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const auto& d : defaulted) {
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == d.source; });
    if (it == groups.end())
      groups.push_back({d.source, {d.component}});
    else
      it->second.push_back(d.component);
  }
  std::string out =
      "<section id=\"defaults\"><h2>Defaulted components</h2><p class=\"note\">The scenario has no "
      "reliability section: " +
      std::to_string(defaulted.size()) +
      " component(s) fail and are repaired "
      "by faultline's defaults from published data (docs/planner.md, \"Defaults from published data\": "
      "each source, the figure taken and the derivation).</p><table><thead><tr><th class=\"text\">source"
      "</th><th>components</th><th class=\"text\">which</th></tr></thead><tbody>";
  for (const auto& [source, components] : groups) {
    std::string names;
    for (const auto& c : components) names += (names.empty() ? "" : ", ") + c;
    out += "<tr>" + cell(source, "text") + cell(std::to_string(components.size())) + cell(names, "text") + "</tr>";
  }
  return out + "</tbody></table></section>\n";
}

// Per pattern, the components with attributed incidents, largest downtime share first.
std::string criticality_section(const contract::McDocument& mc) {
  bool has_any = false;
  for (const auto& p : mc.patterns) has_any = has_any || !p.criticality.empty();
  if (!has_any) return {};
  std::string out =
      "<section id=\"criticality\"><h2>What drives the downtime: criticality per component</h2>"
      "<p class=\"note\">Each incident counts against one component: the one whose failure took the "
      "service down (BlockSim's downing event), or the incident's first failure when the service stayed "
      "up. Shares of every component's total per pattern; Birnbaum importance P(up | component up) - "
      "P(up | component down) from the Markov chain (- when it was not solved).</p>";
  for (const auto& p : mc.patterns) {
    std::vector<const contract::McComponentCriticality*> rows;
    std::size_t harmless = 0;  // components whose incidents cost neither downtime nor writes
    unsigned long long harmless_incidents = 0;
    for (const auto& c : p.criticality) {
      if (c.downtime_share.value_or(0) > 0 || c.lost_write_share.value_or(0) > 0) {
        rows.push_back(&c);
      } else if (c.incidents > 0) {
        ++harmless;
        harmless_incidents += c.incidents;
      }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) {
      return a->downtime_share.value_or(0) > b->downtime_share.value_or(0);
    });
    out += "<h3>" + escape_xml(p.name) +
           "</h3><table><thead><tr><th class=\"text\">component</th>"
           "<th class=\"text\">share of downtime</th><th>incidents</th><th>share of incidents</th>"
           "<th>share of lost writes</th><th>Birnbaum</th></tr></thead><tbody>";
    for (const auto* c : rows) {
      out += "<tr>" + cell(c->component, "text") + share_bar_cell(c->downtime_share) +
             cell(std::to_string(c->incidents)) + cell(share(c->incident_share)) + cell(share(c->lost_write_share)) +
             cell(c->birnbaum ? fixed(*c->birnbaum, 4) : std::string("-")) + "</tr>";
    }
    out += "</tbody></table>";
    if (harmless > 0) {
      out += "<p class=\"note\">" + std::to_string(harmless) + " other component(s) had " +
             std::to_string(harmless_incidents) + " incident(s) that cost no downtime and no writes.</p>";
    }
  }
  return out + "</section>\n";
}

}  // namespace

std::string mc_to_html(const contract::McDocument& mc) {
  std::string out = head("faultline Monte Carlo: " + mc.scenario);
  out += "<header><h1>Monte Carlo availability: " + escape_xml(mc.scenario) + "</h1><p>" +
         std::to_string(mc.replications) + " replication(s) x " + shortest(mc.years_per_replication) +
         " year(s) of random failures and repairs, " + std::to_string(mc.patterns.size()) +
         " pattern(s).</p></header>\n";

  out +=
      "<section id=\"summary\"><h2>Availability</h2><table><thead><tr><th>level</th><th>availability (mean)</th>"
      "<th>99 % CI</th><th>Markov (exact)</th><th>downtime h/year</th><th>incidents/year</th><th>RTO p50 s</th>"
      "<th>RTO p95 s</th><th>RTO p99 s</th><th>RPO p95 s</th><th>incident USD/year</th></tr></thead><tbody>";
  out += "<tr>" + cell("structure (can serve)") + cell(percent(mc.structure_availability.mean)) +
         cell(interval(mc.structure_availability)) + cell(percent(mc.markov_availability)) +
         cell(mc.markov_annual_downtime_h ? fixed(mc.markov_annual_downtime_h, 3) + " (Markov)" : std::string("-")) +
         cell("-") + cell("-") + cell("-") + cell("-") + cell("-") + cell("-") + "</tr>";
  for (const auto& p : mc.patterns) {
    out += "<tr>" + cell(p.name) + cell(percent(p.availability.mean)) + cell(interval(p.availability)) +
           cell(percent(mc.markov_availability)) + cell(fixed(p.annual_downtime_h, 3)) +
           cell(fixed(p.incidents_per_year, 2)) + cell(fixed(p.rto_p50_s, 0)) + cell(fixed(p.rto_p95_s, 0)) +
           cell(fixed(p.rto_p99_s, 0)) + cell(fixed(p.rpo_p95_s, 0)) + cell(fixed(p.annual_incident_cost_usd, 0)) +
           "</tr>";
  }
  out +=
      "</tbody></table><p class=\"note\">The Markov column is the exact component-level availability (the structure "
      "function); a pattern's availability also counts the time its failover takes. " +
      escape_xml(mc.markov_note) + "</p>";
  if (mc.target_availability || mc.target_rto_s || mc.target_rpo_s) {
    out += "<p class=\"note\">Targets: availability " +
           (mc.target_availability ? percent(mc.target_availability) : "-") +
           " (met when the CI's lower bound reaches it), RTO p95 <= " +
           (mc.target_rto_s ? shortest(*mc.target_rto_s) + " s" : "-") +
           ", RPO p95 <= " + (mc.target_rpo_s ? shortest(*mc.target_rpo_s) + " s" : "-") + ".</p>";
  }
  out += "</section>\n";
  out += criticality_section(mc) + defaults_section(mc.defaulted);

  out +=
      "<section id=\"rto-cdf\"><h2>RTO distribution (empirical CDF)</h2><p class=\"note\">Per pattern, every incident "
      "of every replication: the share of incidents recovered within x seconds. Dashed blue: p50, p95, p99 "
      "(nearest rank); red: the scenario's RTO target.</p>";
  for (const auto& p : mc.patterns) {
    out += "<figure><h3>" + escape_xml(p.name) + " (" + std::to_string(p.rto_s.size()) + " incidents)</h3>" +
           rto_cdf_svg(p, mc.target_rto_s) + "</figure>";
  }
  out += "</section>\n";

  out +=
      "<section id=\"downtime-histogram\"><h2>Annual downtime per replication</h2><p class=\"note\">Per pattern, "
      "each replication's downtime (the sum of its incidents' RTOs) divided by its " +
      shortest(mc.years_per_replication) +
      " simulated year(s), in hours per year. Equal-width bins: Freedman-Diaconis width 2 IQR / n^(1/3) (quartiles by "
      "nearest rank), at most 40 bins; Sturges' ceil(log2 n) + 1 bins when the IQR is 0. Dashed: the mean.</p>";
  for (const auto& p : mc.patterns) {
    out += "<figure><h3>" + escape_xml(p.name) + "</h3>" + downtime_histogram_svg(p) + "</figure>";
  }
  out += "</section>\n";

  out += R"(<section id="definitions"><h2>Definitions</h2><dl class="definitions">
<dt>Incident</dt><dd>A maximal interval during which at least one component is down; overlapping failures are one incident.</dd>
<dt>RTO of an incident</dt><dd>From the incident start until the success ratio over a sliding 60 s window stays at or above the recovery threshold, measured by running the incident's faults through the pattern's production router.</dd>
<dt>Availability</dt><dd>Per replication 1 - downtime / simulated time; the mean over replications with a two-sided 99 % Student-t interval. Markov: the exact steady state of the component chain (structure function), shown next to the estimate.</dd>
</dl></section>
)";
  out += inputs_section(mc.scenario, mc.seed, mc.years_per_replication, mc.replications, mc.faultline_version,
                        std::string(contract::kMcSchema));
  return out + kTail;
}

std::string mc_to_markdown(const contract::McDocument& mc) {
  std::string out = "# Monte Carlo availability: " + md_cell(mc.scenario) + "\n\n" + std::to_string(mc.replications) +
                    " replication(s) x " + shortest(mc.years_per_replication) + " year(s), seed " +
                    std::to_string(mc.seed) +
                    ".\n\n| level | availability | 99 % CI | Markov | downtime h/year | RTO p50 s | RTO p95 s | RTO "
                    "p99 s | incidents |\n"
                    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
  out += "| structure | " + percent(mc.structure_availability.mean) + " | " + interval(mc.structure_availability) +
         " | " + percent(mc.markov_availability) + " | " + fixed(mc.markov_annual_downtime_h, 3) +
         " | - | - | - | - |\n";
  for (const auto& p : mc.patterns) {
    out += "| " + md_cell(p.name) + " | " + percent(p.availability.mean) + " | " + interval(p.availability) + " | " +
           percent(mc.markov_availability) + " | " + fixed(p.annual_downtime_h, 3) + " | " + fixed(p.rto_p50_s, 0) +
           " | " + fixed(p.rto_p95_s, 0) + " | " + fixed(p.rto_p99_s, 0) + " | " + std::to_string(p.rto_s.size()) +
           " |\n";
  }
  out += "\nMarkov: " + md_cell(mc.markov_note) + "\n";
  if (!mc.defaulted.empty()) {
    out += "\nDefaulted: " + std::to_string(mc.defaulted.size()) +
           " component(s) from published data (no reliability section; docs/planner.md).\n";
  }
  if (mc.target_rto_s) out += "\nRTO target: " + shortest(*mc.target_rto_s) + " s (met when p95 is within it).\n";
  out +=
      "\nThe HTML report (`faultline report FILE --format html`) draws the RTO CDF and the annual-downtime "
      "histogram.\n";
  return out;
}

std::string plan_to_html(const contract::PlanDocument& plan) {
  std::string out = head("faultline plan: " + plan.scenario);
  std::size_t meeting = 0;
  for (const auto& c : plan.candidates) meeting += c.meets_targets ? 1 : 0;
  out += "<header><h1>Plan: " + escape_xml(plan.scenario) + "</h1><p>" + std::to_string(plan.candidates.size()) +
         " candidate plan(s), each evaluated by Monte Carlo over " + std::to_string(plan.replications) + " x " +
         shortest(plan.years_per_replication) + " year(s) with common random numbers" +
         (plan.budget_monthly_usd ? ", budget " + fixed(plan.budget_monthly_usd, 0) + " USD/month" : std::string()) +
         ".</p><p class=\"verdict " + (meeting > 0 ? "ok\">" : "bad\">") + std::to_string(meeting) + " of " +
         std::to_string(plan.candidates.size()) + " plans meet every target</p></header>\n";

  out +=
      "<section id=\"recommendations\"><h2>Recommendations</h2><table><thead><tr><th class=\"text\">choice</th>"
      "<th class=\"text\">plan</th><th class=\"text\">why</th></tr></thead><tbody>";
  for (const auto& r : plan.recommendations) {
    out += "<tr>" + cell(recommendation_title(r.kind), "text") + cell(r.label.value_or("none"), "text") +
           cell(r.why, "text") + "</tr>";
  }
  out += "</tbody></table></section>\n";

  out +=
      "<section id=\"pareto\"><h2>Pareto front: cost against RTO and RPO</h2><p class=\"note\">Each circle is a "
      "candidate; a plan is on the Pareto front when no other plan is at least as good on total cost, RTO p95 and "
      "RPO p95 and better on one. A plan without incidents is drawn at RTO 0.</p>" +
      pareto_svg(plan) + "</section>\n";

  const SettingsColumns columns = settings_columns(plan);
  out += "<section id=\"candidates\"><h2>Candidates</h2><table><thead><tr><th class=\"text\">plan</th>" +
         settings_header(columns, "<th class=\"text\">", "</th>") +
         "<th>USD/month steady</th><th>USD/month total</th><th>availability</th><th>RTO p95 s</th><th>RPO p95 s</th>"
         "<th class=\"text\">Pareto</th><th class=\"text\">targets</th></tr></thead><tbody>";
  for (const auto& c : plan.candidates) {
    out += "<tr>" + cell(c.label, "text") + settings_cells(columns, c, true) + cell(fixed(c.monthly_cost_usd, 0)) +
           cell(fixed(c.total_monthly_usd, 0)) + cell(percent(c.availability)) +
           cell(c.rto_p95_s ? fixed(c.rto_p95_s, 0) : "no incident") +
           cell(c.rpo_p95_s ? fixed(c.rpo_p95_s, 0) : "none") + cell(c.is_pareto ? "yes" : "", "text") +
           cell(c.meets_targets ? "met" : "missed", c.meets_targets ? "text met" : "text missed") + "</tr>";
  }
  out += "</tbody></table></section>\n";
  out += defaults_section(plan.defaulted);
  out += inputs_section(plan.scenario, plan.seed, plan.years_per_replication, plan.replications, plan.faultline_version,
                        std::string(contract::kPlanSchema));
  return out + kTail;
}

std::string plan_to_markdown(const contract::PlanDocument& plan) {
  std::string out = "# Plan: " + md_cell(plan.scenario) + "\n\n" + std::to_string(plan.candidates.size()) +
                    " candidate(s), " + std::to_string(plan.replications) + " replication(s) x " +
                    shortest(plan.years_per_replication) + " year(s), seed " + std::to_string(plan.seed) +
                    ".\n\n## Recommendations\n\n";
  for (const auto& r : plan.recommendations) {
    out +=
        "- " + recommendation_title(r.kind) + ": " + md_cell(r.label.value_or("none")) + " (" + md_cell(r.why) + ")\n";
  }
  const SettingsColumns columns = settings_columns(plan);
  std::string rule;
  for (std::size_t i = 0; i < settings_count(columns); ++i) rule += " --- |";
  out += "\n## Candidates\n\n| plan |" + settings_header(columns, " ", " |") +
         " USD/month steady | USD/month total | availability | RTO p95 s | RPO p95 s | Pareto | targets |\n"
         "| --- |" +
         rule + " ---: | ---: | ---: | ---: | ---: | --- | --- |\n";
  for (const auto& c : plan.candidates) {
    out += "| " + md_cell(c.label) + " | " + settings_cells(columns, c, false) + fixed(c.monthly_cost_usd, 0) + " | " +
           fixed(c.total_monthly_usd, 0) + " | " + percent(c.availability) + " | " +
           (c.rto_p95_s ? fixed(c.rto_p95_s, 0) : "no incident") + " | " +
           (c.rpo_p95_s ? fixed(c.rpo_p95_s, 0) : "none") + " | " + (c.is_pareto ? "yes" : "") + " | " +
           (c.meets_targets ? "met" : "missed") + " |\n";
  }
  return out;
}

}  // namespace faultline::reports
