#pragma once
// Charts of a result drawn as inline SVG (no script, no external resource).
// Every function returns one <svg> element; all text in it is escaped.

#include <string>
#include <string_view>

#include "faultline/engine/model/run_result.hpp"

namespace faultline::reports {

/// A pattern's timeline: success ratio, traffic share and capacity per region,
/// replication lag (when measured), with fault / detect / switch / full-capacity
/// / recovered markers from its incidents; x is time since run start (h:mm).
std::string timeline_svg(const engine::PatternResult& pattern);

/// Horizontal bars, one per pattern, of target `key` ("rto_s", "rpo_s",
/// "monthly_cost_usd") with the target's limit as a tick; `unit` labels values.
std::string target_bars_svg(const engine::RunResult& result, std::string_view key, std::string_view unit);

/// Gantt of each pattern's worst incident: detect, switch, capacity and
/// recovery phases in seconds from the fault start.
std::string rto_phases_svg(const engine::RunResult& result);

/// Gantt of the runbook as it ran in `incident`: one bar per step from start_s
/// to end_s (s from the fault start), critical-path steps highlighted, failed
/// steps and retries (attempts > 1) marked, verticals at detect, switch, full
/// capacity and RTO. Empty string when the incident has no runbook steps.
std::string runbook_gantt_svg(const engine::IncidentResult& incident);

}  // namespace faultline::reports
