#pragma once
// `faultline sensitivity SCENARIO`: vary each parameter one at a time over a stated range on the
// scenario's seed and report the swing of RTO, RPO, availability and cost (docs/sensitivity.md).

#include <CLI/CLI.hpp>
#include <iosfwd>

#include "faultline/cli/exit_code.hpp"

namespace faultline::cli {

/// Adds the `sensitivity` subcommand; the table goes to `out`, errors to `err`.
void add_sensitivity_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code);

}  // namespace faultline::cli
