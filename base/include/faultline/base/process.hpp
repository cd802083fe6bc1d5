#pragma once
// Running other programs (Graphviz `dot`, headless Chromium): finding them on
// PATH and running them without a shell, bounded in time.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace faultline::base {

/// True if `path` is a regular file this process may execute.
bool is_executable(const std::filesystem::path& path);

/// The first executable `name` in the folders of PATH (an empty entry is the current folder), or nothing.
std::optional<std::filesystem::path> find_on_path(const std::string& name);

/// How a program is run: where its output goes and how long it may take.
struct RunOptions {
  std::optional<std::filesystem::path> log;  ///< stdout and stderr go here (created, truncated); else inherited
  std::chrono::milliseconds timeout{0};      ///< killed (SIGKILL) after this long; 0 = no limit
};

/// Runs `program` with `arguments` (no shell, stdin from /dev/null when a log is given; with a timeout,
/// in its own process group, all killed at the limit): its exit
/// status, or -1 when it could not start, was killed by a signal or ran out of time.
int run_program(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                const RunOptions& options = {});

}  // namespace faultline::base
