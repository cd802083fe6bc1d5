#pragma once
// `faultline batch PATH...`: run every scenario under the paths, for CI.

#include <CLI/CLI.hpp>
#include <iosfwd>

#include "faultline/cli/exit_code.hpp"

namespace faultline::cli {

/// Adds the `batch` subcommand; the summary goes to `out`, bad scenarios are named on `err`.
void add_batch_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code);

}  // namespace faultline::cli
