#pragma once
// `faultline hold`: runs the hold model on the event kernel and reports its speed.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <iosfwd>

#include "faultline/cli/exit_code.hpp"

namespace faultline::cli {

/// Options of `faultline hold`.
struct HoldOptions {
  std::uint64_t pending = 10000;   // events kept pending (N)
  std::uint64_t events = 5000000;  // events measured after N warm-up events
  std::uint64_t seed = 1;
};

/// Result of one hold-model run: events run and the simulated end time.
struct HoldResult {
  std::uint64_t events = 0;
  double simulated_s = 0;  // simulated seconds at the end
  double wall_s = 0;       // wall-clock seconds of the measured part
};

/// Runs the hold model: N pending events, each event schedules one more at
/// now + Exp(mean 1 s). Deterministic in everything but wall_s.
HoldResult run_hold_model(const HoldOptions& options);

/// Adds the `hold` subcommand to `app`; the command writes to `out`, sets `exit_code`.
void add_hold_command(CLI::App& app, std::ostream& out, ExitCode& exit_code);

}  // namespace faultline::cli
