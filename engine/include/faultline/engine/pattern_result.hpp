#pragma once
// Everything one pattern's run reports (plain data).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/event_record.hpp"
#include "faultline/engine/incident_result.hpp"
#include "faultline/engine/series_result.hpp"
#include "faultline/engine/target_result.hpp"
#include "faultline/engine/workload_result.hpp"

namespace faultline::engine {

/// One entry of faultline.result/v1 `patterns[]`.
struct PatternResult {
  std::string name;                         ///< "hot-hot" | "hot-warm" | "hot-cold" | custom
  double availability = 1.0;                ///< successful / offered over all classes (0..1)
  std::optional<double> rto_s;              ///< worst incident's RTO, s; null without incidents
  std::optional<double> rpo_s;              ///< worst data store's RPO, s; null without data at risk
  double monthly_cost_usd = 0.0;            ///< steady-state cost per month, USD
  double incident_cost_usd = 0.0;           ///< cost of the run's incidents, USD
  std::vector<IncidentResult> incidents;
  std::vector<TargetResult> targets;
  std::vector<WorkloadResult> workloads;    ///< per-class availability (addition to v1)
  SeriesResult series;
  std::vector<EventRecord> events;          ///< event log in time order, at most kMaxEvents (addition to v1)
  std::uint64_t events_dropped = 0;         ///< events past kMaxEvents, not kept

  static constexpr std::size_t kMaxEvents = 5000;

  friend bool operator==(const PatternResult&, const PatternResult&) = default;
};

}  // namespace faultline::engine
