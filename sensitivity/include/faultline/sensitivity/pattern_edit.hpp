#pragma once
// One parameter of one pattern: whether it applies, the pattern's own value, its
// default range there, and the edit that sets it (on an in-memory copy of the
// scenario's PatternSpec; nothing is written back to a file).

#include <string>
#include <utility>

#include "faultline/engine/model/scenario.hpp"
#include "faultline/sensitivity/parameter.hpp"

namespace faultline::sensitivity {

/// Why `id` does not apply to `pattern` of `scenario` (e.g. "the pattern's router has no breaker
/// section"), or "" when it applies.
std::string not_applicable_reason(ParameterId id, const engine::Scenario& scenario, const engine::PatternSpec& pattern);

/// The pattern's own value of an applicable `id`, in the parameter's unit (s, count, %, ...). For a lag
/// or interval shared by several stores: the largest; a distribution counts by its mean; the runbook scale is 1.
double base_value(ParameterId id, const engine::Scenario& scenario, const engine::PatternSpec& pattern);

/// The default (low, high) of an applicable `id` on `pattern`: the catalogue's, or for the probe's sample
/// size n-2..n+2 (at least x, at most 64) and for successful samples 1..n.
std::pair<double, double> default_range(ParameterId id, const engine::PatternSpec& pattern);

/// Sets `id` to `value` (in its unit; counts are rounded) on `pattern`; returns the problem (the router's
/// validator or the runbook's, naming the key) or "" when the pattern is valid with it.
std::string apply_value(ParameterId id, double value, const engine::Scenario& scenario, engine::PatternSpec& pattern);

}  // namespace faultline::sensitivity
