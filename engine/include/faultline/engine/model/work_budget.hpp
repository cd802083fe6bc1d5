#pragma once
// The work a run would do, estimated before it starts, so that an input asking for
// centuries of traffic is refused with the estimate instead of running for days
// (docs/limits.md).

#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/model/scenario.hpp"

namespace faultline::engine {

/// Most requests `faultline run` simulates without --allow-large (minutes of CPU at ~1-2 M requests/s).
inline constexpr double kMaxRunRequests = 1e9;

/// Requests a run of `patterns` (empty: all) simulates: every workload's mean arrival rate x duration, per pattern.
double estimated_requests(const Scenario& scenario, const std::vector<std::string>& patterns);

/// Why the run is refused ("estimated N requests ... exceeds ..."), or nothing when within kMaxRunRequests.
std::optional<std::string> work_budget_refusal(const Scenario& scenario, const std::vector<std::string>& patterns);

}  // namespace faultline::engine
