#pragma once
// The continuous-time Markov chain of a set of repairable components: a state is
// the set of down components (a bit mask), solved exactly for its steady state.

#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "faultline/contract/mc_result.hpp"
#include "faultline/planner/reliability_model.hpp"
#include "faultline/planner/structure_function.hpp"

namespace faultline::planner {

/// Components fail at rate l_i while up and are repaired at rate m_i while
/// being repaired: every down component at once (independent crews) or only the
/// lowest-index down component (one shared crew, preemptive priority by index;
/// equal to first-come-first-served when the components are alike).
class MarkovChain {
 public:
  /// Largest number of components (2^16 states) the solver accepts.
  static constexpr std::size_t kMaxComponents = 16;
  /// Up to this many states the generator is dense (Eigen LU); above, sparse (Eigen SparseLU).
  static constexpr std::size_t kMaxDenseStates = 256;

  /// A chain with failure and repair rates per second (> 0, same length, <= kMaxComponents);
  /// throws std::invalid_argument with what is wrong and what is allowed.
  MarkovChain(std::vector<double> failure_rates_per_s, std::vector<double> repair_rates_per_s, RepairCrews crews);
  /// The chain of `model` with rates 1 / mean of each distribution (exact for exponential
  /// times; for independent crews the steady state depends on the means only).
  static MarkovChain from_model(const ReliabilityModel& model);

  /// Number of states (2^components).
  [[nodiscard]] std::size_t state_count() const { return std::size_t{1} << failure_rates_.size(); }
  /// Generator matrix Q (rows sum to 0), dense; only for state_count() <= kMaxDenseStates.
  [[nodiscard]] Eigen::MatrixXd generator() const;
  /// Steady-state probabilities pi (pi Q = 0, sum 1), indexed by down mask.
  [[nodiscard]] Eigen::VectorXd steady_state() const;
  /// Steady-state probability that `structure` is up (0..1).
  [[nodiscard]] double availability(const StructureFunction& structure) const;
  /// Probability that `structure` is up under state probabilities `pi` (indexed by down mask), summed in mask order.
  [[nodiscard]] static double up_probability(const Eigen::VectorXd& pi, const StructureFunction& structure);

 private:
  template <typename Add>
  void for_each_transition(Add&& add) const;

  std::vector<double> failure_rates_;
  std::vector<double> repair_rates_;
  RepairCrews crews_;
};

/// The exact availability and annual downtime of `structure` under `model` (rates 1/mean),
/// or none with the reason (too many components) in the note; the note says whether it is exact.
contract::MarkovAnswer solve_markov(const ReliabilityModel& model, const StructureFunction& structure);

/// Seconds in the 365-day year every annual figure uses.
inline constexpr double kSecondsPerYear = 365.0 * 86400.0;

}  // namespace faultline::planner
