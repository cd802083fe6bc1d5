#pragma once
// `faultline run --cost-breakdown`: each pattern's steady-state monthly cost by
// component and region, its single-region baseline and its resilience premium.

#include <string>

#include "faultline/engine/model/run_result.hpp"

namespace faultline::cli {

/// Per pattern: one line per item group (tokens, reserved capacity, gateways, stores, replication,
/// probes, entry, other) and region in USD/month, the total, the baseline and the premium.
std::string format_cost_breakdown(const engine::RunResult& result);

}  // namespace faultline::cli
