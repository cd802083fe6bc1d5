#pragma once
// `faultline mc SCENARIO`: Monte Carlo over years of failures and repairs, next
// to the exact Markov answer (docs/planner.md).

#include <CLI/CLI.hpp>
#include <iosfwd>

#include "faultline/cli/exit_code.hpp"

namespace faultline::cli {

/// Adds the `mc` subcommand; the table goes to `out`, errors to `err`.
void add_mc_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code);

}  // namespace faultline::cli
