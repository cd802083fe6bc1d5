#pragma once
// Everything one pattern's run reports (plain data).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/model/event_record.hpp"
#include "faultline/engine/model/incident_result.hpp"
#include "faultline/engine/model/series_result.hpp"
#include "faultline/engine/model/target_result.hpp"
#include "faultline/engine/model/workload_result.hpp"
#include "faultline/topology/cost_model.hpp"

namespace faultline::engine {

/// One entry of faultline.result/v1 `patterns[]`.
struct PatternResult {
  std::string name;                ///< "hot-hot" | "hot-warm" | "hot-cold" | custom
  double availability = 1.0;       ///< successful / offered over all classes (0..1)
  std::optional<double> rto_s;     ///< worst incident's RTO, s; null without incidents
  std::optional<double> rpo_s;     ///< worst data store's RPO, s; null without data at risk
  double monthly_cost_usd = 0.0;   ///< steady-state cost per month, USD
  double incident_cost_usd = 0.0;  ///< cost of the run's incidents, USD
  /// Steady-state monthly cost by item, node and region; sums to monthly_cost_usd (addition to v1).
  std::vector<topology::CostLine> cost_breakdown;
  /// Monthly cost of the primary region run alone (no other region, entry or replication), USD; null when
  /// the primary endpoint is not a region of the topology (addition to v1).
  std::optional<double> baseline_cost_usd;
  /// False when the scenario keeps the pattern for comparison only (`"gate": false`): its missed targets
  /// are reported but set no exit code and fail no JUnit case (addition to v1, JSON "gate").
  bool is_gated = true;
  /// The resilience premium: monthly_cost_usd - baseline_cost_usd, USD per month; null without a baseline.
  [[nodiscard]] std::optional<double> premium_usd() const {
    if (!baseline_cost_usd) return std::nullopt;
    return monthly_cost_usd - *baseline_cost_usd;
  }
  std::vector<IncidentResult> incidents;
  std::vector<TargetResult> targets;
  std::vector<WorkloadResult> workloads;  ///< per-class availability (addition to v1)
  SeriesResult series;
  std::vector<EventRecord> events;   ///< event log in time order, at most kMaxEvents (addition to v1)
  std::uint64_t events_dropped = 0;  ///< events past kMaxEvents, not kept

  static constexpr std::size_t kMaxEvents = 5000;

  friend bool operator==(const PatternResult&, const PatternResult&) = default;
};

}  // namespace faultline::engine
