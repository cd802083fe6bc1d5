#pragma once
// Checks a topology for the "common mistakes" of multi-region AI deployments
// (seeds/003 and domain-facts): drift between paired regions, network
// asymmetry, residency, zone promises, agent state, unreplicated stores.

#include <vector>

#include "faultline/topology/lint_finding.hpp"
#include "faultline/topology/topology.hpp"

namespace faultline::topology {

/// Every rule the linter applies, in id order.
std::vector<LintRule> lint_rules();

/// Findings of every rule on `topology`, ordered by rule id then by node order in the file.
std::vector<LintFinding> lint(const Topology& topology);

/// True when any finding has error severity.
bool has_errors(const std::vector<LintFinding>& findings);

}  // namespace faultline::topology
