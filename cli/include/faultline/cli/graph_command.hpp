#pragma once
// `faultline graph TOPOLOGY [-o FILE]`: the topology as Graphviz DOT, or as
// SVG (through Graphviz `dot`) when FILE ends in .svg.

#include <CLI/CLI.hpp>
#include <iosfwd>

#include "faultline/cli/exit_code.hpp"

namespace faultline::cli {

/// Adds `graph`; DOT goes to `out` without -o; problems go to `err`; sets `exit_code` (0 or 2).
void add_graph_command(CLI::App& app, std::ostream& out, std::ostream& err, ExitCode& exit_code);

}  // namespace faultline::cli
