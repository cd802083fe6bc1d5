#include "faultline/cli/result_table.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

#include "faultline/reports/text_format.hpp"

namespace faultline::cli {
namespace {

std::string fixed(std::optional<double> v, int decimals) {
  if (!v) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, *v);
  return buffer;
}

std::string pad(const std::string& s, std::size_t width, bool is_left = false) {
  if (s.size() >= width) return s;
  const std::string fill(width - s.size(), ' ');
  return is_left ? s + fill : fill + s;
}

// The incident with the largest RTO: its parts explain the pattern's RTO.
using reports::worst_incident;

}  // namespace

std::string format_result_table(const engine::RunResult& result) {
  const std::vector<std::string> header{"pattern",   "availability", "RTO s",        "detect s",    "switch s",
                                        "runbook s", "capacity s",   "RPO s",        "lost writes", "failed",
                                        "p99 ms",    "USD/month",    "incident USD", "targets"};
  std::vector<std::vector<std::string>> rows{header};
  for (const engine::PatternResult& p : result.patterns) {
    const engine::IncidentResult* worst = worst_incident(p);
    std::uint64_t offered = 0;
    std::uint64_t succeeded = 0;
    std::optional<double> p99;
    for (const auto& w : p.workloads) {
      offered += w.offered;
      succeeded += w.succeeded;
      if (w.p99_latency_ms) p99 = std::max(p99.value_or(0.0), *w.p99_latency_ms);
    }
    const auto met = std::count_if(p.targets.begin(), p.targets.end(), [](const auto& t) { return t.met; });
    std::string rto = fixed(p.rto_s, 1);
    if (worst != nullptr && !worst->recovered) rto += "+";
    std::uint64_t lost_writes = 0;
    for (const auto& i : p.incidents) lost_writes += i.lost_writes;
    rows.push_back({p.name, fixed(p.availability * 100.0, 3) + " %", rto, worst ? fixed(worst->detect_s, 1) : "-",
                    worst ? fixed(worst->switch_s, 1) : "-", worst ? fixed(worst->runbook_s, 0) : "-",
                    worst ? fixed(worst->full_capacity_s, 1) : "-", fixed(p.rpo_s, 1), std::to_string(lost_writes),
                    std::to_string(offered - succeeded), fixed(p99, 0), fixed(p.monthly_cost_usd, 0),
                    fixed(p.incident_cost_usd, 0),
                    p.targets.empty() ? "-" : std::to_string(met) + "/" + std::to_string(p.targets.size()) + " met"});
  }
  std::vector<std::size_t> width(header.size(), 0);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  }
  std::string out;
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      out += (c == 0 ? "" : "  ") + pad(row[c], width[c], c == 0 || c + 1 == row.size());
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
  }
  for (const engine::PatternResult& p : result.patterns) {
    for (const auto& t : p.targets) {
      if (t.met) continue;
      out += "  missed: " + p.name + " " + t.name + " = " + fixed(t.value, 4) + " (limit " + fixed(t.limit, 4) + ")\n";
    }
  }
  for (const engine::PatternResult& p : result.patterns) {
    const engine::IncidentResult* worst = worst_incident(p);
    if (worst == nullptr) continue;
    out += "  " + p.name + " worst incident: RTO " + fixed(worst->rto_s, 0) + " s, down " +
           fixed(worst->downtime_s, 0) + " s, degraded " + fixed(worst->degraded_s, 0) + " s, weighted downtime " +
           fixed(worst->downtime_weighted_s, 1) + " s\n";
    if (worst->failback) {
      const engine::FailbackResult& f = *worst->failback;
      out += "  " + p.name + " failback: traffic back at " + fixed(f.traffic_back_s, 1) + " s, re-sync " +
             fixed(f.resync_s, 1) + " s, " + std::to_string(f.failed_requests) + " failed requests, writes paused " +
             fixed(f.write_pause_s, 1) + " s\n";
    }
    const engine::WorkLossResult& w = worst->work;
    if (w.agent_threads_lost > 0 || w.training_gpu_hours_lost > 0.0 || w.rag_documents_redone > 0) {
      out += "  " + p.name + " lost work: " + std::to_string(w.agent_threads_lost) + " agent threads, " +
             fixed(w.training_gpu_hours_lost, 1) + " GPU-hours (" + fixed(w.training_cost_usd_lost, 0) + " USD), " +
             std::to_string(w.rag_documents_redone) + " documents redone\n";
    }
  }
  for (const engine::PatternResult& p : result.patterns) {
    const std::string phases = reports::rto_phase_summary(p);
    if (!phases.empty()) out += "  " + phases + "\n";
  }
  out += "RTO + : not recovered before the next fault or the end of the run. Definitions: docs/metrics.md\n";
  return out;
}

}  // namespace faultline::cli
