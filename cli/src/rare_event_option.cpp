#include "faultline/cli/rare_event_option.hpp"

#include "faultline/planner/rare_event_estimator.hpp"

namespace faultline::cli {

void add_rare_event_options(CLI::App& cmd, RareEventChoice& choice) {
  CLI::Option* rare =
      cmd.add_flag("--rare-events", choice.is_enabled,
                   "also estimate the structure's unavailability by importance sampling (balanced failure biasing), "
                   "for unavailabilities of 1e-4 and below that plain Monte Carlo cannot reach (docs/planner.md)");
  cmd.add_option("--rare-relative-error", choice.relative_error,
                 "with --rare-events: stop once standard error / estimate is at most this (default 0.1)")
      ->check(CLI::Range(1e-3, 0.5))
      ->needs(rare);
}

void add_rare_event_estimate(contract::McResult& result, const RareEventChoice& choice,
                             const planner::ReliabilityModel& model, const planner::StructureFunction& structure,
                             std::uint64_t seed, unsigned threads) {
  if (!choice.is_enabled) return;
  planner::RareEventOptions rare;
  rare.relative_error = choice.relative_error;
  rare.threads = threads;
  result.rare_event = planner::RareEventEstimator(model, structure, rare).run(seed);
  planner::compare_with_markov(*result.rare_event, model, structure);
}

}  // namespace faultline::cli
