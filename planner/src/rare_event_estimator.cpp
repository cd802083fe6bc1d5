#include "faultline/planner/rare_event_estimator.hpp"

#include <bit>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <utility>

#include "faultline/base/parallel_for.hpp"
#include "faultline/engine/kernel/random_stream.hpp"
#include "faultline/planner/markov_chain.hpp"

namespace faultline::planner {

void RareEventEstimator::Sums::add(const Sums& other) {
  cycles += other.cycles;
  z += other.z;
  t += other.t;
  zz += other.zz;
  tt += other.tt;
  zt += other.zt;
}

RareEventEstimator::RareEventEstimator(const ReliabilityModel& model, StructureFunction structure,
                                       RareEventOptions options)
    : crews_(model.repair_crews), structure_(std::move(structure)), options_(options) {
  if (model.components.empty() || model.components.size() > 64 ||
      model.components.size() != structure_.component_count()) {
    throw std::invalid_argument("rare events: " + std::to_string(model.components.size()) +
                                " components for a structure over " + std::to_string(structure_.component_count()) +
                                " (allowed: the same number, 1..64)");
  }
  if (!(options_.relative_error > 0 && options_.relative_error < 1)) {
    throw std::invalid_argument("rare events: relative error must be in (0, 1)");
  }
  if (!(options_.failure_bias > 0 && options_.failure_bias < 1)) {
    throw std::invalid_argument("rare events: failure bias must be in (0, 1)");
  }
  if (options_.batch_cycles == 0 || options_.batches_per_round == 0 || options_.max_cycles == 0 ||
      options_.threads == 0) {
    throw std::invalid_argument("rare events: batch cycles, batches per round, max cycles and threads must be >= 1");
  }
  for (const auto& c : model.components) {
    failure_rates_.push_back(1.0 / c.time_between_failures.mean());
    repair_rates_.push_back(1.0 / c.time_to_repair.mean());
    if (!(failure_rates_.back() > 0 && std::isfinite(failure_rates_.back()) && repair_rates_.back() > 0 &&
          std::isfinite(repair_rates_.back()))) {
      throw std::invalid_argument("rare events: component " + c.name +
                                  " has a mean time that is not finite and > 0 (allowed: means > 0 s)");
    }
  }
}

// Index of one set bit of `candidates` drawn in proportion to `rates` (u uniform in [0, 1) times their sum);
// rounding that leaves u >= 0 after the last candidate picks the last candidate.
std::size_t RareEventEstimator::pick_weighted(std::uint64_t candidates, const std::vector<double>& rates, double u) {
  std::size_t pick = 0;
  for (std::size_t i = 0; i < rates.size(); ++i) {
    if ((candidates >> i & 1U) == 0) continue;
    pick = i;
    if ((u -= rates[i]) < 0) break;
  }
  return pick;
}

// Index of the k-th (0-based) set bit of `candidates`.
std::size_t RareEventEstimator::pick_nth(std::uint64_t candidates, std::uint64_t k) {
  for (std::uint64_t j = 0; j < k; ++j) candidates &= candidates - 1;
  return static_cast<std::size_t>(std::countr_zero(candidates));
}

RareEventEstimator::Cycle RareEventEstimator::simulate_cycle(engine::RandomStream& rng) const {
  const std::size_t n = failure_rates_.size();
  const std::uint64_t all = n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
  const double p = options_.failure_bias;
  std::uint64_t s = 0;
  double weight = 1;           // likelihood ratio of the path so far (original / biased)
  bool has_been_down = false;  // biasing stops once the structure was down in this cycle
  Cycle cycle;
  do {
    const std::uint64_t up = all & ~s;
    const std::uint64_t repairing = crews_ == RepairCrews::kIndependent ? s : s & (~s + 1);  // shared: lowest index
    double failure = 0;
    double repair = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if ((up >> i & 1U) != 0) failure += failure_rates_[i];
      if ((repairing >> i & 1U) != 0) repair += repair_rates_[i];
    }
    const double total = failure + repair;
    const double hold = weight / total;  // expected holding time, weighted (conditional Monte Carlo)
    cycle.t += hold;
    if (!structure_.is_up(s)) {
      cycle.z += hold;
      has_been_down = true;
    }
    // Biased: a failure with probability p (each up component alike), else a repair in proportion to
    // the repair rates; the weight takes (original probability) / (biased probability) of the step.
    const bool is_biased = options_.is_biased && s != 0 && up != 0 && !has_been_down;
    if (!is_biased) {
      const double u = rng.uniform01() * total;
      s ^= std::uint64_t{1} << (u < failure ? pick_weighted(up, failure_rates_, u)
                                            : pick_weighted(repairing, repair_rates_, u - failure));
    } else if (rng.uniform01() < p) {
      const auto up_count = static_cast<std::uint64_t>(std::popcount(up));
      const std::size_t i = pick_nth(up, rng.uniform_index(up_count));
      weight *= (failure_rates_[i] / total) / (p / static_cast<double>(up_count));
      s |= std::uint64_t{1} << i;
    } else {
      weight *= (repair / total) / (1 - p);
      s &= ~(std::uint64_t{1} << pick_weighted(repairing, repair_rates_, rng.uniform01() * repair));
    }
  } while (s != 0);
  return cycle;
}

RareEventEstimator::Sums RareEventEstimator::run_batch(std::uint64_t seed, std::uint64_t batch) const {
  engine::RandomStream rng(seed, batch, "rare-event");
  Sums sums;
  for (std::uint64_t c = 0; c < options_.batch_cycles; ++c) {
    const Cycle cycle = simulate_cycle(rng);
    ++sums.cycles;
    sums.z += cycle.z;
    sums.t += cycle.t;
    sums.zz += cycle.z * cycle.z;
    sums.tt += cycle.t * cycle.t;
    sums.zt += cycle.z * cycle.t;
  }
  return sums;
}

RareEventEstimate RareEventEstimator::estimate(const Sums& sums) const {
  RareEventEstimate e;
  char method[96];
  if (options_.is_biased) {
    std::snprintf(method, sizeof method, "regenerative, balanced failure biasing (p = %g)", options_.failure_bias);
  } else {
    std::snprintf(method, sizeof method, "regenerative, plain (no biasing)");
  }
  e.method = method;
  e.cycles = sums.cycles;
  if (sums.cycles < 2 || !(sums.t > 0)) return e;
  // U = E[Z] / E[T]; by the delta method Var(U^) ~ Var(Z - U T) / (N E[T]^2), where the sample
  // variance of Z - U T is (zz - 2 U zt + U^2 tt) / (N - 1) since its sample mean is 0.
  const auto count = static_cast<double>(sums.cycles);
  const double u = sums.z / sums.t;
  const double mean_t = sums.t / count;
  const double variance = std::max(0.0, (sums.zz - 2 * u * sums.zt + u * u * sums.tt) / (count - 1));
  e.unavailability = u;
  e.std_error = std::sqrt(variance / count) / mean_t;
  if (u > 0) e.relative_error = e.std_error / u;
  e.is_converged = e.relative_error && *e.relative_error <= options_.relative_error;
  return e;
}

RareEventEstimate RareEventEstimator::run(std::uint64_t seed) const {
  Sums total;
  std::uint64_t next_batch = 0;
  while (true) {
    std::vector<Sums> round(options_.batches_per_round);
    base::parallel_for(round.size(), options_.threads,
                       [&](std::size_t k) { round[k] = run_batch(seed, next_batch + k); });
    next_batch += round.size();
    for (const Sums& s : round) total.add(s);  // batch order: the same sums for any thread count
    const RareEventEstimate e = estimate(total);
    if (e.is_converged || total.cycles >= options_.max_cycles) return e;
  }
}

void compare_with_markov(RareEventEstimate& estimate, const ReliabilityModel& model,
                         const StructureFunction& structure) {
  try {
    // Summed over the down states, not 1 - availability: no cancellation at 1e-9.
    const Eigen::VectorXd pi = MarkovChain::from_model(model).steady_state();
    if (pi.size() != static_cast<Eigen::Index>(std::size_t{1} << structure.component_count())) return;
    double down = 0;
    for (Eigen::Index s = 0; s < pi.size(); ++s) {
      if (!structure.is_up(static_cast<std::uint64_t>(s))) down += pi(s);
    }
    estimate.markov_unavailability = down;
  } catch (const std::invalid_argument&) {
    return;  // too many components for the exact chain
  }
  if (estimate.unavailability > 0 && *estimate.markov_unavailability > 0) {
    estimate.ratio = estimate.unavailability / *estimate.markov_unavailability;
  }
}

}  // namespace faultline::planner
