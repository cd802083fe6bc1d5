#pragma once
// The data-layer test setting shared by data_layer_test.cpp and failback_test.cpp:
// the reference topology; constant arrivals 2/s (at 0.5 s, 1.0 s, ...), service
// time 1 s, one write per request; eastus2 fails at 1,234 s for 10 min. A request
// completes 1 s + a round trip of at most 140 ms after it arrives, so every whole
// second before the fault holds exactly 2 acknowledged writes and the second of
// the fault (1,234.0) none yet.

#include <nlohmann/json.hpp>

#include "faultline/engine/model/pattern_result.hpp"
#include "faultline/engine/model/scenario.hpp"

namespace faultline::testing {

/// The scenario above, without patterns.
nlohmann::json data_scenario();
/// Loads `scenario` (paths relative to scenarios/); fails the test case with the loader's report.
engine::Scenario load_data_scenario(const nlohmann::json& scenario);
/// Runs `pattern` alone in `scenario` and judges the scenario's targets.
engine::PatternResult run_data_pattern(nlohmann::json scenario, const nlohmann::json& pattern);

}  // namespace faultline::testing
