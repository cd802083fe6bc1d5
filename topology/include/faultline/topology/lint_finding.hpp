#pragma once
// One finding of `faultline lint`: which rule, how bad, which nodes, why, and the fix.

#include <string>
#include <string_view>
#include <vector>

namespace faultline::topology {

/// How bad a finding is; any kError makes `faultline lint` exit 1.
enum class Severity { kError, kWarning, kInfo };

/// "error", "warning" or "info".
std::string_view to_string(Severity severity);

/// A rule of the linter (documented in docs/lint-rules.md).
struct LintRule {
  std::string id;    // "FL001"
  std::string name;  // "model-version-drift"
  Severity severity = Severity::kError;
  std::string summary;  // one line: what the rule catches
};

/// One violation of a rule.
struct LintFinding {
  std::string rule_id;
  std::string rule_name;
  Severity severity = Severity::kError;
  std::vector<std::string> nodes;  // offending node ids
  std::string message;             // what is wrong, naming the nodes
  std::string fix;                 // what to change
};

}  // namespace faultline::topology
