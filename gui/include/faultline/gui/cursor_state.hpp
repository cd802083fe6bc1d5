#pragma once
// What one pattern's result says about one instant: the view model behind the
// time cursor (timeline read-out, event log position, topology colours).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/model/pattern_result.hpp"
#include "faultline/engine/model/scenario.hpp"

namespace faultline::gui {

/// Where the incident containing the cursor stands (marks are relative to the fault start).
enum class IncidentPhase {
  kNone,          ///< no incident started at or before the cursor
  kUndetected,    ///< fault started, not yet detected
  kDetected,      ///< detected, traffic not yet switched
  kSwitched,      ///< traffic switched, capacity not yet full
  kFullCapacity,  ///< full capacity restored, success ratio not yet recovered
  kRecovered,     ///< the RTO has elapsed (only when the incident recovered)
};

/// Display name of a phase ("undetected", "full capacity", ...).
const char* to_string(IncidentPhase phase);

/// One region's figures in the bucket under the cursor.
struct RegionAtTime {
  std::string name;
  std::optional<double> traffic_share;  ///< share of offered requests (0..1); null without traffic
  double capacity = 0.0;                ///< time-weighted mean capacity level (0..1)
};

/// The state of one pattern at the cursor.
struct CursorState {
  double time_s = 0.0;                     ///< cursor, s since run start
  std::optional<std::size_t> bucket;       ///< series bucket containing time_s; null outside the run
  std::optional<double> success_ratio;     ///< of that bucket; null without traffic
  std::optional<double> p99_latency_ms;    ///< of that bucket, ms
  std::vector<RegionAtTime> regions;       ///< series regions, in their order (empty outside the run)
  std::vector<std::string> active_faults;  ///< faults with start <= t < end, scenario order
  std::optional<std::size_t> incident;     ///< index of the last incident started at or before t
  IncidentPhase phase = IncidentPhase::kNone;
};

/// Index of the bucket of `series` covering t_s (s): bucket i covers
/// [start_s[i], start_s[i] + bucket_s), the last one ends at run_end_s; null outside [0, run_end_s).
std::optional<std::size_t> bucket_at(const engine::SeriesResult& series, double t_s, double run_end_s);

/// Phase of `incident` at t_s (s since run start); kNone when t_s is before its start.
IncidentPhase incident_phase(const engine::IncidentResult& incident, double t_s);

/// True when `fault` is active at t_s (s): start <= t < end.
bool is_fault_active(const engine::FaultSpec& fault, double t_s);

/// The state of `pattern` (a result of `scenario`) at t_s, s since run start.
CursorState cursor_state(const engine::Scenario& scenario, const engine::PatternResult& pattern, double t_s);

}  // namespace faultline::gui
