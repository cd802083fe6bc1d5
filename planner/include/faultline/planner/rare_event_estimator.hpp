#pragma once
// Steady-state unavailability of a structure when it is rare (1e-4 .. 1e-9 and below):
// the regenerative estimator with balanced failure biasing importance sampling on the
// components' failure/repair Markov chain (Shahabuddin 1994; docs/planner.md, "Rare events").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/kernel/random_stream.hpp"
#include "faultline/contract/rare_event_estimate.hpp"
#include "faultline/planner/reliability_model.hpp"
#include "faultline/planner/structure_function.hpp"

namespace faultline::planner {

using contract::RareEventEstimate;  // the estimate is plain data of faultline.mc/v1 (contract)

/// How to run. The estimate depends on the model, the structure, the seed and these options, never on `threads`.
struct RareEventOptions {
  double relative_error = 0.1;            ///< stop once std_error / unavailability <= this (0..1)
  std::uint64_t max_cycles = 50'000'000;  ///< regenerative cycles at most (the cap when the target is not reached)
  std::uint64_t batch_cycles = 256;       ///< cycles per batch; each batch has its own random stream
  std::uint64_t batches_per_round = 16;   ///< batches between two stop checks
  unsigned threads = 1;                   ///< worker threads (>= 1)
  /// Probability of a failure transition in a biased state (0 < p < 1); each up component is then equally likely.
  double failure_bias = 0.5;
  bool is_biased = true;  ///< false: plain regenerative simulation of the same chain (the baseline)
};

/// Simulates the embedded jump chain of the components (rates 1 / mean: exponential times with the
/// model's means) from "all up" back to "all up", accumulating expected holding times (conditional
/// Monte Carlo); one instance per model, `run` may be called from any thread.
class RareEventEstimator {
 public:
  /// Checks the options and that `structure` ranges over the model's components (std::invalid_argument).
  RareEventEstimator(const ReliabilityModel& model, StructureFunction structure, RareEventOptions options);

  /// Rounds of batches until the relative error is reached or max_cycles; deterministic in `seed`.
  [[nodiscard]] RareEventEstimate run(std::uint64_t seed) const;

  /// Running sums over cycles (Z: weighted time down, T: weighted cycle length, s).
  struct Sums {
    std::uint64_t cycles = 0;
    double z = 0, t = 0, zz = 0, tt = 0, zt = 0;
    void add(const Sums& other);  ///< adds another batch's sums (callers add in batch order)
  };
  /// Sums of batch `batch`'s cycles, on RandomStream(seed, batch, "rare-event").
  [[nodiscard]] Sums run_batch(std::uint64_t seed, std::uint64_t batch) const;
  /// The estimate from `sums` (no Markov figures).
  [[nodiscard]] RareEventEstimate estimate(const Sums& sums) const;

 private:
  struct Cycle {
    double z = 0;  // weighted time down, s
    double t = 0;  // weighted length, s
  };
  // One cycle from all up back to all up.
  [[nodiscard]] Cycle simulate_cycle(engine::RandomStream& rng) const;
  static std::size_t pick_weighted(std::uint64_t candidates, const std::vector<double>& rates, double u);
  static std::size_t pick_nth(std::uint64_t candidates, std::uint64_t k);

  std::vector<double> failure_rates_;  // per second
  std::vector<double> repair_rates_;   // per second
  RepairCrews crews_;
  StructureFunction structure_;
  RareEventOptions options_;
};

/// Fills `estimate.markov_unavailability` (the exact chain's steady-state P(down), rates 1 / mean) and `ratio`;
/// leaves them nullopt when the chain is too large to solve (MarkovChain::kMaxComponents).
void compare_with_markov(RareEventEstimate& estimate, const ReliabilityModel& model,
                         const StructureFunction& structure);

}  // namespace faultline::planner
