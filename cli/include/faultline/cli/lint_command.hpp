#pragma once
// `faultline lint TOPOLOGY [--json]`: checks a topology for the common
// multi-region mistakes (docs/lint-rules.md).

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>
#include <vector>

#include "faultline/cli/exit_code.hpp"
#include "faultline/topology/lint_finding.hpp"

namespace faultline::cli {

/// Findings as human-readable text: a summary line, then one block per finding.
std::string format_findings_text(const std::string& file, const std::vector<topology::LintFinding>& findings);

/// Findings as a JSON document {"file", "findings": [...], "summary": {"errors", "warnings", "info"}}.
std::string format_findings_json(const std::string& file, const std::vector<topology::LintFinding>& findings);

/// Adds `lint`; findings go to `out`, load errors to `err` (or `out` as JSON with --json);
/// sets `exit_code` to 1 on any error finding, 0 otherwise, 2 on bad input.
void add_lint_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code);

}  // namespace faultline::cli
