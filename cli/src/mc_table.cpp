#include "faultline/cli/mc_table.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "faultline/cli/traffic_option.hpp"
#include "faultline/planner/reliability_defaults.hpp"

namespace faultline::cli {
namespace {

std::string fixed(double v, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
  return buffer;
}

std::string estimate_text(const contract::Estimate& e) {
  return fixed(e.mean, 7) + (e.half_width ? " +- " + fixed(*e.half_width, 7) : std::string(" (no CI: 1 replication)"));
}

std::string percentiles_text(const contract::Percentiles& p) {
  if (!p.p50) return "-";
  return fixed(*p.p50, 0) + " / " + fixed(*p.p95, 0) + " / " + fixed(*p.p99, 0);
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string share_text(const std::optional<double>& share) {
  return share ? fixed(100.0 * *share, 1) + " %" : std::string("-");
}

// Per pattern, the components with attributed incidents, largest downtime share first (at most kRows).
std::string criticality_text(const contract::McResult& r) {
  constexpr std::size_t kRows = 6;
  std::string out =
      "criticality (each incident counts against the component whose failure took the service down; "
      "Birnbaum from the Markov chain)\n";
  out += "  " + pad("pattern", 10) + pad("component", 38) + pad("downtime", 10) + pad("incidents", 11) +
         pad("lost writes", 13) + "Birnbaum\n";
  for (const auto& p : r.summary.patterns) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < p.criticality.size(); ++i) {
      if (p.criticality[i].incidents > 0) order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return p.criticality[a].downtime_s > p.criticality[b].downtime_s;
    });
    for (std::size_t k = 0; k < order.size() && k < kRows; ++k) {
      const auto& c = p.criticality[order[k]];
      const std::string birnbaum =
          order[k] < r.markov.birnbaum.size() ? fixed(r.markov.birnbaum[order[k]], 4) : std::string("-");
      out += "  " + pad(k == 0 ? p.name : "", 10) + pad(c.component, 38) + pad(share_text(c.downtime_share), 10) +
             pad(share_text(c.incident_share), 11) + pad(share_text(c.lost_write_share), 13) + birnbaum + "\n";
    }
    if (order.size() > kRows) {
      out += "  " + pad("", 10) + "(" + std::to_string(order.size() - kRows) + " more in the JSON)\n";
    }
  }
  return out;
}

// The rare-event lines (mc --rare-events): estimate, precision, cycles, and the Markov check.
std::string rare_event_text(const contract::RareEventEstimate& e) {
  char line[256];
  std::snprintf(line, sizeof line,
                "rare events (%s): unavailability %.4e +- %.2e (1 s.e.), relative error %s, %llu cycles%s\n",
                e.method.c_str(), e.unavailability, e.std_error,
                e.relative_error ? (fixed(100 * *e.relative_error, 1) + " %").c_str() : "- (no down state seen)",
                static_cast<unsigned long long>(e.cycles), e.is_converged ? "" : " (cap reached before the target)");
  std::string out = line;
  if (e.markov_unavailability) {
    std::snprintf(line, sizeof line, "  Markov unavailability %.4e, estimate / Markov %s\n", *e.markov_unavailability,
                  e.ratio ? fixed(*e.ratio, 4).c_str() : "-");
    out += line;
  }
  return out;
}

}  // namespace

std::string format_mc_table(const contract::McResult& r) {
  const contract::McSummary& s = r.summary;
  std::string out;
  out += "scenario " + r.scenario_file + ": " + std::to_string(s.replications) + " replication(s) x " +
         fixed(r.years, 2) + " y = " + fixed(r.years * static_cast<double>(s.replications), 1) +
         " simulated years, seed " + std::to_string(r.seed) + ", " + std::to_string(r.components.size()) +
         " component(s), " + r.repair_crews + " repair";
  if (r.shard_count > 1) out += ", shard " + std::to_string(r.shard_index) + "/" + std::to_string(r.shard_count);
  out += "\n" + traffic_mode_line(r.traffic) + "\n";
  out += "component level (" + r.structure + "): availability " + estimate_text(s.structure_availability) +
         " (99 % CI), " + fixed(s.structure_annual_downtime_h, 3) + " h down per year, " +
         fixed(s.failures_per_year, 3) + " failures per year\n";
  out += "Markov (exact): ";
  if (r.markov.availability) {
    out += "availability " + fixed(*r.markov.availability, 6) + ", " + fixed(*r.markov.annual_downtime_h, 3) +
           " h down per year";
  } else {
    out += "not solved";
  }
  out += " - " + r.markov.note + "\n";
  if (r.rare_event) out += rare_event_text(*r.rare_event);
  out += "\n";
  out += planner::describe_defaults(r.component_defaults);
  if (s.patterns.empty()) return out;
  out += pad("pattern", 12) + pad("availability (99 % CI)", 28) + pad("down h/y", 10) + pad("incidents/y", 13) +
         pad("RTO p50/p95/p99 s", 22) + pad("RPO p50/p95/p99 s", 22) + "incident cost USD/y\n";
  for (const auto& p : s.patterns) {
    out += pad(p.name, 12) + pad(estimate_text(p.availability), 28) + pad(fixed(p.annual_downtime_h, 3), 10) +
           pad(fixed(p.incidents_per_year, 3), 13) + pad(percentiles_text(p.rto_s), 22) +
           pad(percentiles_text(p.rpo_s), 22) + fixed(p.annual_incident_cost_usd, 0) + "\n";
  }
  bool has_targets = false;
  for (const auto& p : s.patterns) {
    for (const auto& t : p.targets) {
      if (!has_targets) out += "\ntargets (availability: CI lower bound; RTO/RPO: p95)\n";
      has_targets = true;
      const bool is_availability = t.name == "availability";
      out += "  " + pad(p.name, 10) + pad(t.name, 14) + (is_availability ? ">= " : "<= ") +
             (is_availability ? fixed(t.limit, 6) : fixed(t.limit, 0)) + "  value " +
             (t.value ? (is_availability ? fixed(*t.value, 6) : fixed(*t.value, 0)) : std::string("-")) + "  " +
             (t.is_met ? "met" : "MISSED") + "\n";
    }
  }
  return out + "\n" + criticality_text(r);
}

}  // namespace faultline::cli
