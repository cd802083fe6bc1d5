#pragma once
// `faultline replay CONFIG EVENTS.jsonl`: feeds recorded outcomes to the router and prints its decisions.

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <stdexcept>
#include <string>

#include "faultline/cli/exit_code.hpp"
#include "faultline/router/router_config.hpp"

namespace faultline::cli {

/// Bad events input; what() reads "FILE:LINE: what is wrong and what is allowed".
class ReplayError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Replays the JSON-lines `events` (named `events_name` in errors) through a router
/// built from `config`, writing one JSON line per decision and state change to `out`
/// (DESIGN.md, "Replay format"). Throws ReplayError at the first bad line; lines
/// written before it stay written.
void run_replay(const router::RouterConfig& config, std::istream& events, const std::string& events_name,
                std::ostream& out);

/// Adds the `replay` subcommand to `app`; it writes to `out` and sets `exit_code`
/// (bad input throws, which main() reports with exit code 2).
void add_replay_command(CLI::App& app, std::ostream& out, ExitCode& exit_code);

}  // namespace faultline::cli
