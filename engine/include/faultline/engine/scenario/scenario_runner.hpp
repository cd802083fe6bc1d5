#pragma once
// Runs every pattern of a scenario and assembles the result contract.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/kernel/run_control.hpp"
#include "faultline/engine/model/primary_region.hpp"
#include "faultline/engine/model/run_result.hpp"
#include "faultline/engine/model/scenario.hpp"

namespace faultline::engine {

/// What to run: a subset of patterns (empty = all), threads (patterns run in
/// parallel; the result does not depend on the count), progress and cancel.
struct RunOptions {
  std::vector<std::string> patterns;
  unsigned threads = 1;
  RunControl control;  // on_progress receives the mean progress of all patterns
};

/// Simulates the chosen patterns of `scenario`, computes each pattern's
/// steady-state monthly cost (topology cost model) and judges the targets.
/// `inputs` and version are copied into the result as given. Returns nullopt when
/// `options.control.cancel` stopped the run (a status, not an error; never without a
/// cancel flag). Throws std::invalid_argument naming an unknown pattern.
std::optional<RunResult> run_scenario(const Scenario& scenario, const RunOptions& options,
                                      std::vector<InputFile> inputs, const std::string& faultline_version);

/// Steady-state monthly cost of `pattern` on the scenario's topology by item, USD: the primary
/// region (lowest priority value) in full, the others by the pattern's standby fraction, its
/// unbuilt regions at nothing, and each store's replication links as the pattern runs them.
/// Pay-per-token spend is charged where the steady-state traffic is served: the live endpoints
/// of the lowest priority value, split by weight.
topology::CostReport pattern_cost_report(const Scenario& scenario, const PatternSpec& pattern);

/// pattern_cost_report(...).total_usd, USD per month.
double pattern_monthly_cost(const Scenario& scenario, const PatternSpec& pattern);

/// Evaluates `scenario`'s targets (global, then by fault type) against `pattern`; replaces pattern.targets.
void judge_targets(const Scenario& scenario, PatternResult& pattern);

/// True when every target of every pattern is met.
bool all_targets_met(const RunResult& result);

}  // namespace faultline::engine
