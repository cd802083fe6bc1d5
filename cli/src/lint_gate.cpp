#include "faultline/cli/lint_gate.hpp"

#include <algorithm>

#include "faultline/topology/linter.hpp"

namespace faultline::cli {

std::vector<topology::LintFinding> scenario_lint(const engine::Scenario& scenario) {
  if (!scenario.topology) return {};
  return topology::lint(*scenario.topology);
}

std::vector<topology::LintFinding> blocking_lint_errors(const engine::Scenario& scenario,
                                                        const std::vector<topology::LintFinding>& findings) {
  std::vector<topology::LintFinding> out;
  for (const topology::LintFinding& f : findings) {
    const auto& allow = scenario.lint_allow;
    if (f.severity != topology::Severity::kError) continue;
    if (std::find(allow.begin(), allow.end(), f.rule_id) != allow.end()) continue;
    out.push_back(f);
  }
  return out;
}

std::string format_lint_refusal(const std::string& file, const std::vector<topology::LintFinding>& errors) {
  std::string out;
  for (const topology::LintFinding& f : errors) {
    out += file + ": topology lint error " + f.rule_id + " " + f.rule_name + ": " + f.message + "\n  fix: " + f.fix + "\n";
  }
  out += file + ": " + std::to_string(errors.size()) +
         " lint error(s) in the topology; nothing was simulated (allowed: fix the topology, list the rule ids in the "
         "scenario's \"lint\": {\"allow\": [...]} when the scenario shows the mistake on purpose, or pass "
         "--allow-lint-errors)\n";
  return out;
}

std::vector<reports::JunitLintCase> lint_junit_cases(const engine::Scenario& scenario,
                                                     const std::vector<topology::LintFinding>& findings,
                                                     bool is_overridden) {
  const std::vector<topology::LintFinding> blocking = blocking_lint_errors(scenario, findings);
  std::vector<reports::JunitLintCase> out;
  for (const topology::LintFinding& f : findings) {
    reports::JunitLintCase c{"lint: " + f.rule_id + " " + f.rule_name, f.message};
    if (f.severity == topology::Severity::kError) {
      const bool is_blocking = std::any_of(blocking.begin(), blocking.end(), [&](const auto& b) {
        return b.rule_id == f.rule_id && b.message == f.message;
      });
      c.is_failure = is_blocking && !is_overridden;
      c.is_skipped = !c.is_failure;
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace faultline::cli
