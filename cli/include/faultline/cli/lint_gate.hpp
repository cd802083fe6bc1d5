#pragma once
// run and batch refuse a scenario whose topology has lint errors (issue 22: a topology
// the linter calls broken must not simulate a clean failover without a word).

#include <string>
#include <vector>

#include "faultline/engine/model/scenario.hpp"
#include "faultline/reports/junit_report.hpp"
#include "faultline/topology/lint_finding.hpp"

namespace faultline::cli {

/// Every lint finding of the scenario's topology (empty without a topology).
std::vector<topology::LintFinding> scenario_lint(const engine::Scenario& scenario);

/// The error findings of `findings` that the scenario does not acknowledge in `lint.allow`.
std::vector<topology::LintFinding> blocking_lint_errors(const engine::Scenario& scenario,
                                                        const std::vector<topology::LintFinding>& findings);

/// The refusal message for `errors` (non-empty) in scenario file `file`: each rule, message and fix,
/// then how to proceed (`lint.allow` in the scenario, or --allow-lint-errors).
std::string format_lint_refusal(const std::string& file, const std::vector<topology::LintFinding>& errors);

/// Findings about the scenario's patterns on its topology (FL027), severity info.
std::vector<topology::LintFinding> scenario_notes(const engine::Scenario& scenario);

/// `findings` as "FILE: note RULE name: message" blocks with their fix; "" when none.
std::string format_lint_notes(const std::string& file, const std::vector<topology::LintFinding>& findings);

/// `findings` as JUnit cases: blocking errors fail unless `is_overridden` (--allow-lint-errors), acknowledged
/// or overridden errors are skipped, warnings and info pass.
std::vector<reports::JunitLintCase> lint_junit_cases(const engine::Scenario& scenario,
                                                     const std::vector<topology::LintFinding>& findings,
                                                     bool is_overridden);

}  // namespace faultline::cli
