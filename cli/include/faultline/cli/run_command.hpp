#pragma once
// `faultline run SCENARIO`: simulate the scenario's patterns and compare them.

#include <CLI/CLI.hpp>
#include <iosfwd>

#include "faultline/cli/exit_code.hpp"

namespace faultline::cli {

/// Adds the `run` subcommand; the table goes to `out`, errors to `err`.
void add_run_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code);

}  // namespace faultline::cli
