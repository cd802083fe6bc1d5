#pragma once
// `faultline merge SHARD...`: combine the shard files of one `faultline mc --shard`
// run into the result one process gives (docs/planner.md).

#include <CLI/CLI.hpp>
#include <iosfwd>

#include "faultline/cli/exit_code.hpp"

namespace faultline::cli {

/// Adds the `merge` subcommand; the table goes to `out`, errors to `err`.
void add_merge_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code);

}  // namespace faultline::cli
