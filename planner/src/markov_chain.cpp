#include "faultline/planner/markov_chain.hpp"

#include "faultline/planner/criticality.hpp"
#include "faultline/contract/mc_result.hpp"

#include <bit>
#include <cmath>
#include <stdexcept>

#include <Eigen/LU>
#include <Eigen/Sparse>
#include <Eigen/SparseLU>

namespace faultline::planner {

MarkovChain::MarkovChain(std::vector<double> failure_rates_per_s, std::vector<double> repair_rates_per_s,
                         RepairCrews crews)
    : failure_rates_(std::move(failure_rates_per_s)), repair_rates_(std::move(repair_rates_per_s)), crews_(crews) {
  if (failure_rates_.empty() || failure_rates_.size() != repair_rates_.size()) {
    throw std::invalid_argument("Markov chain: " + std::to_string(failure_rates_.size()) + " failure rates and " +
                                std::to_string(repair_rates_.size()) +
                                " repair rates (allowed: the same number, >= 1)");
  }
  if (failure_rates_.size() > kMaxComponents) {
    throw std::invalid_argument("Markov chain: " + std::to_string(failure_rates_.size()) + " components make " + "2^" +
                                std::to_string(failure_rates_.size()) +
                                " states, too many for an exact solution (allowed: at most " +
                                std::to_string(kMaxComponents) + " components; use the Monte Carlo estimate)");
  }
  for (std::size_t i = 0; i < failure_rates_.size(); ++i) {
    if (!(failure_rates_[i] > 0) || !(repair_rates_[i] > 0) || !std::isfinite(failure_rates_[i]) ||
        !std::isfinite(repair_rates_[i])) {
      throw std::invalid_argument("Markov chain: component " + std::to_string(i) +
                                  " has a rate that is not finite and > 0 (allowed: rates > 0 per second)");
    }
  }
}

MarkovChain MarkovChain::from_model(const ReliabilityModel& model) {
  std::vector<double> l;
  std::vector<double> m;
  for (const auto& c : model.components) {
    l.push_back(1.0 / c.time_between_failures.mean());
    m.push_back(1.0 / c.time_to_repair.mean());
  }
  return MarkovChain(std::move(l), std::move(m), model.repair_crews);
}

// Calls add(from, to, rate) for every off-diagonal transition.
template <typename Add>
void MarkovChain::for_each_transition(Add&& add) const {
  const std::size_t n = failure_rates_.size();
  for (std::uint64_t s = 0; s < state_count(); ++s) {
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t bit = std::uint64_t{1} << i;
      if ((s & bit) == 0) add(s, s | bit, failure_rates_[i]);
    }
    if (s == 0) continue;
    if (crews_ == RepairCrews::kIndependent) {
      for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t bit = std::uint64_t{1} << i;
        if ((s & bit) != 0) add(s, s & ~bit, repair_rates_[i]);
      }
    } else {
      const auto i = static_cast<std::size_t>(std::countr_zero(s));
      add(s, s & ~(std::uint64_t{1} << i), repair_rates_[i]);
    }
  }
}

Eigen::MatrixXd MarkovChain::generator() const {
  const auto size = static_cast<Eigen::Index>(state_count());
  if (state_count() > kMaxDenseStates) {
    throw std::invalid_argument("Markov chain: the dense generator is limited to " + std::to_string(kMaxDenseStates) +
                                " states");
  }
  Eigen::MatrixXd q = Eigen::MatrixXd::Zero(size, size);
  for_each_transition([&](std::uint64_t from, std::uint64_t to, double rate) {
    q(static_cast<Eigen::Index>(from), static_cast<Eigen::Index>(to)) += rate;
    q(static_cast<Eigen::Index>(from), static_cast<Eigen::Index>(from)) -= rate;
  });
  return q;
}

Eigen::VectorXd MarkovChain::steady_state() const {
  // Solve Q^T pi = 0 with the last equation replaced by sum(pi) = 1. Rates are
  // scaled by the largest one so the matrix entries are O(1) (pi is scale-free).
  double scale = 0;
  for (double r : failure_rates_) scale = std::max(scale, r);
  for (double r : repair_rates_) scale = std::max(scale, r);
  const auto size = static_cast<Eigen::Index>(state_count());
  const Eigen::Index last = size - 1;
  Eigen::VectorXd b = Eigen::VectorXd::Zero(size);
  b(last) = 1.0;
  if (state_count() <= kMaxDenseStates) {
    Eigen::MatrixXd a = generator().transpose() / scale;
    a.row(last).setOnes();
    return a.fullPivLu().solve(b);
  }
  std::vector<Eigen::Triplet<double>> entries;
  std::vector<double> diagonal(state_count(), 0.0);
  for_each_transition([&](std::uint64_t from, std::uint64_t to, double rate) {
    diagonal[from] -= rate / scale;
    if (static_cast<Eigen::Index>(to) != last) {
      entries.emplace_back(static_cast<Eigen::Index>(to), static_cast<Eigen::Index>(from), rate / scale);
    }
  });
  for (std::size_t s = 0; s + 1 < state_count(); ++s) {
    entries.emplace_back(static_cast<Eigen::Index>(s), static_cast<Eigen::Index>(s), diagonal[s]);
  }
  for (Eigen::Index s = 0; s < size; ++s) entries.emplace_back(last, s, 1.0);
  Eigen::SparseMatrix<double> a(size, size);
  a.setFromTriplets(entries.begin(), entries.end());
  Eigen::SparseLU<Eigen::SparseMatrix<double>> lu;
  lu.compute(a);
  if (lu.info() != Eigen::Success) throw std::runtime_error("Markov chain: sparse LU failed: " + lu.lastErrorMessage());
  return lu.solve(b);
}

double MarkovChain::availability(const StructureFunction& structure) const {
  if (structure.component_count() != failure_rates_.size()) {
    throw std::invalid_argument("Markov chain: structure function over " + std::to_string(structure.component_count()) +
                                " components, chain has " + std::to_string(failure_rates_.size()));
  }
  return up_probability(steady_state(), structure);
}

double MarkovChain::up_probability(const Eigen::VectorXd& pi, const StructureFunction& structure) {
  double up = 0;
  for (Eigen::Index s = 0; s < pi.size(); ++s) {
    if (structure.is_up(static_cast<std::uint64_t>(s))) up += pi(s);
  }
  return up;
}

contract::MarkovAnswer solve_markov(const ReliabilityModel& model, const StructureFunction& structure) {
  contract::MarkovAnswer answer;
  bool is_exponential = true;
  for (const auto& c : model.components) {
    is_exponential = is_exponential && c.time_between_failures.kind() == engine::Distribution::Kind::kExponential &&
                     c.time_to_repair.kind() == engine::Distribution::Kind::kExponential;
  }
  try {
    const MarkovChain chain = MarkovChain::from_model(model);
    if (structure.component_count() != model.components.size()) {
      throw std::invalid_argument("Markov chain: structure function and model disagree on the number of components");
    }
    const Eigen::VectorXd pi = chain.steady_state();
    const double a = MarkovChain::up_probability(pi, structure);
    answer.availability = a;
    answer.birnbaum = Criticality::birnbaum(pi, structure);
    answer.annual_downtime_h = (1 - a) * kSecondsPerYear / 3600.0;
    answer.note =
        std::to_string(chain.state_count()) + "-state chain, rates 1/mean; " +
        (is_exponential                                    ? "exact (exponential times)"
         : model.repair_crews == RepairCrews::kIndependent ? "exact for independent repair (depends on the means only)"
                                                           : "approximate (non-exponential times with a shared crew)");
  } catch (const std::invalid_argument& e) {
    answer.note = e.what();
  }
  return answer;
}

}  // namespace faultline::planner
