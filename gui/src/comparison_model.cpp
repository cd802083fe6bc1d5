#include "faultline/gui/comparison_model.hpp"

#include <algorithm>

#include "faultline/reports/text_format.hpp"
#include "faultline/topology/cost_model.hpp"

namespace faultline::gui {

std::optional<std::size_t> worst_incident(const engine::PatternResult& pattern) {
  const engine::IncidentResult* worst = reports::worst_incident(pattern);
  if (worst == nullptr) return std::nullopt;
  return static_cast<std::size_t>(worst - pattern.incidents.data());
}

std::vector<ComparisonRow> build_comparison(const engine::RunResult& result) {
  std::vector<ComparisonRow> rows;
  for (const engine::PatternResult& p : result.patterns) {
    ComparisonRow row;
    row.name = p.name;
    row.availability = p.availability;
    row.rto_s = p.rto_s;
    row.rpo_s = p.rpo_s;
    if (const auto w = worst_incident(p)) {
      const engine::IncidentResult& i = p.incidents[*w];
      row.detect_s = i.detect_s;
      row.switch_s = i.switch_s;
      row.runbook_s = i.runbook_s;
      row.full_capacity_s = i.full_capacity_s;
      row.failback = i.failback;
      row.work = i.work;
      row.rto_phases = i.rto_phases;
      row.is_recovered = i.recovered;
    }
    for (std::uint64_t n : p.series.offered) row.offered_requests += n;
    for (std::uint64_t n : p.series.failed) row.failed_requests += n;
    for (const engine::WorkloadResult& w : p.workloads) {
      if (w.p99_latency_ms && (!row.p99_latency_ms || *w.p99_latency_ms > *row.p99_latency_ms)) {
        row.p99_latency_ms = w.p99_latency_ms;
      }
    }
    row.monthly_cost_usd = p.monthly_cost_usd;
    row.cost_by_component = topology::cost_by_component(p.cost_breakdown);
    row.baseline_cost_usd = p.baseline_cost_usd;
    row.premium_usd = p.premium_usd();
    row.incident_cost_usd = p.incident_cost_usd;
    row.targets = p.targets;
    row.targets_total = p.targets.size();
    for (const engine::TargetResult& t : p.targets) row.targets_met += t.met ? 1 : 0;
    row.availability_status = target_status(p, "availability");
    row.rto_status = target_status(p, "rto_s");
    row.rpo_status = target_status(p, "rpo_s");
    row.cost_status = target_status(p, "monthly_cost_usd");
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<StoreRow> build_store_rows(const engine::RunResult& result, std::optional<double> rpo_limit_s) {
  std::vector<StoreRow> rows;
  const std::size_t patterns = result.patterns.size();
  for (std::size_t p = 0; p < patterns; ++p) {
    for (const engine::IncidentResult& i : result.patterns[p].incidents) {
      for (const engine::StoreLossResult& st : i.stores) {
        auto row = std::find_if(rows.begin(), rows.end(), [&](const StoreRow& r) { return r.store == st.store; });
        if (row == rows.end()) {
          rows.push_back({st.store, std::vector<std::optional<StoreCell>>(patterns)});
          row = rows.end() - 1;
        }
        std::optional<StoreCell>& cell = row->cells[p];
        if (cell && cell->rpo_s >= st.rpo_s) continue;  // keep the first incident with the largest RPO
        TargetStatus status = TargetStatus::kNoTarget;
        if (rpo_limit_s) status = st.rpo_s <= *rpo_limit_s ? TargetStatus::kMet : TargetStatus::kMissed;
        cell = StoreCell{st.rpo_s, st.lost_writes, st.mode, status};
      }
    }
  }
  return rows;
}

}  // namespace faultline::gui
