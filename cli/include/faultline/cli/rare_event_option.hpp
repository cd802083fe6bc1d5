#pragma once
// `--rare-events` and `--rare-relative-error` of `mc` and `faultline-mpi` (docs/planner.md "Rare events").

#include <CLI/CLI.hpp>
#include <cstdint>

#include "faultline/contract/mc_result.hpp"
#include "faultline/planner/reliability_model.hpp"
#include "faultline/planner/structure_function.hpp"

namespace faultline::cli {

/// The command line's rare-event choice: off by default; the stopping relative error (0..1).
struct RareEventChoice {
  bool is_enabled = false;
  double relative_error = 0.1;
};

/// Adds `--rare-events` and `--rare-relative-error` (which needs the flag) to `cmd`, writing to `choice`.
void add_rare_event_options(CLI::App& cmd, RareEventChoice& choice);

/// When `choice` is enabled, sets result.rare_event to the importance-sampling estimate of `structure`'s
/// unavailability (deterministic in `seed`, the same for any `threads`) with its Markov check; else nothing.
void add_rare_event_estimate(contract::McResult& result, const RareEventChoice& choice,
                             const planner::ReliabilityModel& model, const planner::StructureFunction& structure,
                             std::uint64_t seed, unsigned threads);

}  // namespace faultline::cli
