#pragma once
// Shared by the drill tests (drills_test.cpp, work_loss_test.cpp): run a shipped
// scenario through the built `faultline run`, lint a shipped topology, and find a
// pattern or incident in the result JSON.

#include <cstdint>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

namespace faultline::drills {

/// The exit code and result JSON of one `faultline run`.
struct DrillRun {
  int exit_code = -1;
  nlohmann::json result;
};

/// The exit code and fired rule ids of one `faultline lint`.
struct LintRun {
  int exit_code = -1;
  std::set<std::string> rules;
};

/// Runs `faultline run scenarios/SCENARIO --json OUT -q` and parses OUT.
DrillRun run_drill(const std::string& scenario);

/// Runs `faultline lint scenarios/topologies/TOPOLOGY --json`.
LintRun lint_topology(const std::string& topology);

/// The pattern named `name` of `result`; fails the test when there is none.
const nlohmann::json& pattern(const nlohmann::json& result, const std::string& name);

/// The incident opened by the fault named `fault`; fails the test when there is none.
const nlohmann::json& incident(const nlohmann::json& result, const std::string& pattern_name, const std::string& fault);

/// Requests of the first workload of pattern `name` that did not succeed.
std::uint64_t failed(const nlohmann::json& result, const std::string& name);

}  // namespace faultline::drills
