#pragma once
// Small text helpers shared by the report writers: escaping and number formats
// that give the same bytes on every run (no locale, no hidden state).

#include <optional>
#include <string>
#include <string_view>

#include "faultline/engine/model/run_result.hpp"

namespace faultline::reports {

/// `text` with & < > " ' replaced by entities: safe in XML/HTML text and attribute values.
std::string escape_xml(std::string_view text);

/// `value` with `decimals` digits after the point ("-" when absent).
std::string fixed(std::optional<double> value, int decimals);

/// Shortest text that reads back as exactly `value` (std::to_chars), e.g. "0.1", "900".
std::string shortest(double value);

/// Path of the result's input with `role` ("scenario", "topology"); empty when it has none.
std::string input_path(const engine::RunResult& result, std::string_view role);

/// Name of the scenario a result comes from: its scenario input path, or "result" when it has none.
std::string scenario_label(const engine::RunResult& result);

/// The incident with the largest RTO (s) of `pattern`, or nullptr when it has none.
const engine::IncidentResult* worst_incident(const engine::PatternResult& pattern);

/// The incident with the largest RTO (s) among those with runbook steps, or nullptr when none has steps.
const engine::IncidentResult* worst_incident_with_steps(const engine::PatternResult& pattern);

/// The worst incident's RTO as the sum of its phases, e.g. "hot-hot RTO 360 s = undetected 40 s +
/// waiting for database promotion 260 s + recovery window 60 s"; empty when the pattern has no incident or
/// the result predates phases (an RTO above 0 without them).
std::string rto_phase_summary(const engine::PatternResult& pattern);

/// A phase's duration in s, end - start rounded to the microsecond the engine measured it in.
double phase_duration_s(const engine::RtoPhaseResult& phase);

/// True when `work` records any lost or rehydrated work (threads, GPU-hours, documents, a training resume).
bool has_lost_work(const engine::WorkLossResult& work);

}  // namespace faultline::reports
