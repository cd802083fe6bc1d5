#pragma once
// The summary of a Monte Carlo run computed from its records alone (docs/planner.md), so
// that shards merged in replication order give the same summary as one process.

#include <optional>
#include <vector>

#include "faultline/contract/mc_result.hpp"

namespace faultline::planner {

/// Two-sided 99 % Student-t interval of `values` (mean and half-width).
contract::Estimate estimate_99(const std::vector<double>& values);
/// Nearest-rank p50/p95/p99 of `values` (sorted copy; deterministic).
contract::Percentiles percentiles(std::vector<double> values);
/// Half-width of the distribution-free 99 % interval of the q-quantile of `values` (0 < q < 1): order statistics
/// of ranks floor(n q - z s) and ceil(n q + z s), s = sqrt(n q (1 - q)), z = 2.5758; nullopt when a rank falls
/// outside 1..n (too few values).
std::optional<double> quantile_half_width_99(std::vector<double> values, double q);
/// Recomputes result.summary from result.records, years, pattern_names and targets.
void summarize(contract::McResult& result);
/// True when every target of every pattern is met.
bool all_targets_met(const contract::McSummary& summary);

/// Combines shards 1..N of one run (any order) into the result one process gives;
/// throws std::invalid_argument when they do not belong together or one is missing.
contract::McResult merge_shards(std::vector<contract::McResult> shards);

}  // namespace faultline::planner
