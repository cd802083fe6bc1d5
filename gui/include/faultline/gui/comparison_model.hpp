#pragma once
// The comparison view's model: one row per pattern with the figures architects
// compare and how each stands against its target.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "faultline/engine/model/run_result.hpp"
#include "faultline/gui/target_colour.hpp"

namespace faultline::gui {

/// One pattern's row. Times in s, money in USD, latency in ms.
struct ComparisonRow {
  std::string name;
  double availability = 1.0;       ///< 0..1
  std::optional<double> rto_s;     ///< worst incident; null without incidents
  std::optional<double> detect_s;  ///< parts of the worst incident's RTO (fault start -> mark)
  std::optional<double> switch_s;
  std::optional<double> runbook_s;
  std::optional<double> full_capacity_s;
  std::optional<double> rpo_s;           ///< worst data store
  std::uint64_t offered_requests = 0;    ///< sum of the series' offered counts
  std::uint64_t failed_requests = 0;     ///< sum of the series' failed counts
  std::optional<double> p99_latency_ms;  ///< worst workload class's p99
  double monthly_cost_usd = 0.0;
  double incident_cost_usd = 0.0;
  std::size_t targets_met = 0;
  std::size_t targets_total = 0;
  TargetStatus availability_status = TargetStatus::kNoTarget;
  TargetStatus rto_status = TargetStatus::kNoTarget;
  TargetStatus rpo_status = TargetStatus::kNoTarget;
  TargetStatus cost_status = TargetStatus::kNoTarget;
  std::vector<engine::TargetResult> targets;       ///< as judged by the engine
  std::optional<engine::FailbackResult> failback;  ///< worst incident's failback; null: none or fault to the run end
  engine::WorkLossResult work;                     ///< worst incident's lost work (zeros: none)
  std::vector<engine::RtoPhaseResult> rto_phases;  ///< worst incident's RTO phases (empty: no incident or RTO 0)
  bool is_recovered = true;                        ///< worst incident recovered (false: its RTO is a lower bound)
  /// Steady-state USD per month by (component, region); empty for results written before the breakdown.
  std::map<std::pair<std::string, std::string>, double> cost_by_component;
  std::optional<double> baseline_cost_usd;  ///< primary region alone, USD per month
  std::optional<double> premium_usd;        ///< monthly cost over the baseline, USD per month
};

/// One data store's loss under one pattern: the incident where its RPO was largest.
struct StoreCell {
  double rpo_s = 0.0;                             ///< s
  std::uint64_t lost_writes = 0;                  ///< in that incident
  std::string mode;                               ///< replication mode under the pattern ("async", ...)
  TargetStatus status = TargetStatus::kNoTarget;  ///< against the scenario's RPO target (it bounds every store)
};

/// RPO of one data store across the patterns.
struct StoreRow {
  std::string store;                            ///< data store id
  std::vector<std::optional<StoreCell>> cells;  ///< one per pattern, in result order; null: no loss recorded
};

/// Every data store any incident of any pattern reports, in first-seen order (pattern, incident, store).
/// `rpo_limit_s`: the scenario's RPO target, if any (a cell above it is missed, else met).
std::vector<StoreRow> build_store_rows(const engine::RunResult& result, std::optional<double> rpo_limit_s);

/// Rows of every pattern of `result`, in result order.
std::vector<ComparisonRow> build_comparison(const engine::RunResult& result);

/// Index of the incident with the largest RTO (first on ties); null without incidents.
std::optional<std::size_t> worst_incident(const engine::PatternResult& pattern);

}  // namespace faultline::gui
