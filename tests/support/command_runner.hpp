#pragma once
// Runs a command line for end-to-end tests and captures its output and exit code.

#include <string>

namespace faultline::testing {

/// Outcome of one command: exit status (or -1 if it did not exit normally) and
/// everything written to stdout and stderr, in order.
struct CommandResult {
  int exit_code = -1;
  std::string output;
};

/// Runs `command` through /bin/sh with stderr merged into stdout.
CommandResult run_command(const std::string& command);

/// Path of the built `faultline` executable (from the build system).
std::string faultline_binary();

/// Absolute path of a file in the source tree, e.g. "scenarios/reference.json".
std::string source_path(const std::string& relative);

/// A path for an output file of this test process: under $FAULTLINE_BINARY_DIR/e2e-out
/// (or the system temp folder) in a folder of its own per process, so test cases
/// that CTest runs in parallel never share a file.
std::string temp_path(const std::string& name);

/// The whole content of the file at `path` ("" when it cannot be read).
std::string read_text(const std::string& path);

}  // namespace faultline::testing
