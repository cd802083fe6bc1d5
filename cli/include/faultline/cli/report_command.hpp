#pragma once
// `faultline report RESULT.json...`: turn result files into HTML, PDF, Markdown, CSV or JUnit.

#include <CLI/CLI.hpp>
#include <iosfwd>

#include "faultline/cli/exit_code.hpp"

namespace faultline::cli {

/// Adds the `report` subcommand; text reports without -o go to `out`, errors to `err`.
void add_report_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code);

}  // namespace faultline::cli
