#pragma once
// Names what a command was reading, for messages about errors that reach main().

#include <CLI/CLI.hpp>
#include <string>

namespace faultline::cli {

/// "faultline SUBCOMMAND (FILE, FILE...)": the parsed subcommand and every argument of it that
/// names an existing file; "faultline" when no subcommand was parsed.
std::string input_files(const CLI::App& app);

}  // namespace faultline::cli
