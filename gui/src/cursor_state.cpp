#include "faultline/gui/cursor_state.hpp"

#include <algorithm>

namespace faultline::gui {

const char* to_string(IncidentPhase phase) {
  switch (phase) {
    case IncidentPhase::kNone:
      return "none";
    case IncidentPhase::kUndetected:
      return "undetected";
    case IncidentPhase::kDetected:
      return "detected";
    case IncidentPhase::kSwitched:
      return "switched";
    case IncidentPhase::kFullCapacity:
      return "full capacity";
    case IncidentPhase::kRecovered:
      return "recovered";
  }
  return "none";
}

std::optional<std::size_t> bucket_at(const engine::SeriesResult& series, double t_s, double run_end_s) {
  if (series.start_s.empty() || t_s < series.start_s.front() || t_s >= run_end_s) return std::nullopt;
  const auto it = std::upper_bound(series.start_s.begin(), series.start_s.end(), t_s);
  return static_cast<std::size_t>(it - series.start_s.begin()) - 1;
}

IncidentPhase incident_phase(const engine::IncidentResult& incident, double t_s) {
  const double elapsed = t_s - incident.start_s;
  if (elapsed < 0) return IncidentPhase::kNone;
  if (incident.recovered && elapsed >= incident.rto_s) return IncidentPhase::kRecovered;
  if (incident.full_capacity_s && elapsed >= *incident.full_capacity_s) return IncidentPhase::kFullCapacity;
  if (incident.switch_s && elapsed >= *incident.switch_s) return IncidentPhase::kSwitched;
  if (incident.detect_s && elapsed >= *incident.detect_s) return IncidentPhase::kDetected;
  return IncidentPhase::kUndetected;
}

bool is_fault_active(const engine::FaultSpec& fault, double t_s) {
  const double start = engine::to_seconds(fault.start);
  if (t_s < start) return false;
  return !fault.duration || t_s < start + engine::to_seconds(*fault.duration);
}

CursorState cursor_state(const engine::Scenario& scenario, const engine::PatternResult& pattern, double t_s) {
  CursorState state;
  state.time_s = t_s;
  const engine::SeriesResult& s = pattern.series;
  state.bucket = bucket_at(s, t_s, engine::to_seconds(scenario.duration));
  if (state.bucket) {
    const std::size_t b = *state.bucket;
    if (b < s.success_ratio.size()) state.success_ratio = s.success_ratio[b];
    if (b < s.p99_latency_ms.size()) state.p99_latency_ms = s.p99_latency_ms[b];
    for (std::size_t r = 0; r < s.regions.size(); ++r) {
      RegionAtTime region;
      region.name = s.regions[r];
      if (r < s.traffic_share.size() && b < s.traffic_share[r].size()) region.traffic_share = s.traffic_share[r][b];
      if (r < s.capacity.size() && b < s.capacity[r].size()) region.capacity = s.capacity[r][b];
      state.regions.push_back(std::move(region));
    }
  }
  for (const engine::FaultSpec& f : scenario.faults) {
    if (is_fault_active(f, t_s)) state.active_faults.push_back(f.name);
  }
  for (std::size_t i = 0; i < pattern.incidents.size(); ++i) {
    if (pattern.incidents[i].start_s <= t_s) state.incident = i;
  }
  if (state.incident) state.phase = incident_phase(pattern.incidents[*state.incident], t_s);
  return state;
}

}  // namespace faultline::gui
