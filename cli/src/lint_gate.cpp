#include "faultline/cli/lint_gate.hpp"

#include <algorithm>

#include "faultline/topology/linter.hpp"

namespace faultline::cli {

namespace {

// FL027: a warm standby fraction on a pattern whose standby regions hold only pay-per-token
// deployments, which keep their whole quota idle: the fraction changes nothing (issue 22).
void lint_standby_fraction(const engine::Scenario& scenario, std::vector<topology::LintFinding>& out) {
  if (!scenario.topology) return;
  const topology::Topology& topo = *scenario.topology;
  for (const engine::PatternSpec& p : scenario.patterns) {
    if (p.is_active_active || p.standby_fraction <= 0 || p.standby_fraction >= 1 || p.router.endpoints.empty())
      continue;
    std::int64_t best = p.router.endpoints.front().priority;
    for (const auto& e : p.router.endpoints) best = std::min(best, e.priority);
    std::vector<std::string> pay_per_token;
    bool has_reserved = false;
    for (std::size_t v = 0; v < topo.node_count(); ++v) {
      const topology::Node& node = topo.node(static_cast<topology::VertexId>(v));
      const auto* info = std::get_if<topology::ModelDeploymentInfo>(&node.details);
      if (info == nullptr) continue;
      const bool is_standby = std::any_of(p.router.endpoints.begin(), p.router.endpoints.end(),
                                          [&](const auto& e) { return e.name == node.region && e.priority != best; });
      if (!is_standby) continue;
      if (info->deployment_type == topology::DeploymentType::kProvisioned)
        has_reserved = true;
      else
        pay_per_token.push_back(node.id);
    }
    if (has_reserved || pay_per_token.empty()) continue;
    out.push_back({"FL027", "standby-fraction-on-pay-per-token", topology::Severity::kInfo, pay_per_token,
                   "pattern \"" + p.name + "\" sets standby_fraction " +
                       std::to_string(p.standby_fraction).substr(0, 4) +
                       " but its standby deployments are pay-per-token: they keep their whole quota while idle, so "
                       "they serve at full capacity from the start (the fraction still scales the region's reserved "
                       "items' cost)",
                   "nothing, if that is what you run; a standby that must scale up is reserved capacity "
                   "(deployment_type provisioned)"});
  }
}

}  // namespace

std::vector<topology::LintFinding> scenario_lint(const engine::Scenario& scenario) {
  if (!scenario.topology) return {};
  return topology::lint(*scenario.topology);
}

std::vector<topology::LintFinding> scenario_notes(const engine::Scenario& scenario) {
  std::vector<topology::LintFinding> notes;
  lint_standby_fraction(scenario, notes);
  return notes;
}

std::string format_lint_notes(const std::string& file, const std::vector<topology::LintFinding>& findings) {
  std::string out;
  for (const topology::LintFinding& f : findings) {
    out += file + ": note " + f.rule_id + " " + f.rule_name + ": " + f.message + "\n  fix: " + f.fix + "\n";
  }
  return out;
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
    out +=
        file + ": topology lint error " + f.rule_id + " " + f.rule_name + ": " + f.message + "\n  fix: " + f.fix + "\n";
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
