#pragma once
// `faultline import terraform STATE.json -o TOPOLOGY.json` and
// `faultline import azure RESOURCES.json [MORE.json...] -o TOPOLOGY.json`
// (docs/import.md): writes the topology, reports provenance, lints the result.

#include <CLI/CLI.hpp>
#include <iosfwd>

#include "faultline/cli/exit_code.hpp"

namespace faultline::cli {

/// Adds `import`; the report and lint findings go to `out`, bad input to `err`; sets `exit_code`
/// to 2 on bad input (nothing written), 1 when lint finds errors (the topology is written), else 0.
void add_import_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code);

}  // namespace faultline::cli
