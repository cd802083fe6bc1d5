#pragma once
// `faultline plan SCENARIO`: search patterns and parameters for the cheapest plan
// meeting the targets, with the Pareto front and three recommendations (docs/planner.md).

#include <CLI/CLI.hpp>
#include <iosfwd>

#include "faultline/cli/exit_code.hpp"

namespace faultline::cli {

/// Adds the `plan` subcommand; the table goes to `out`, errors to `err`.
void add_plan_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code);

}  // namespace faultline::cli
