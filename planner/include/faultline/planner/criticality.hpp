#pragma once
// Which components matter (docs/planner.md, "Criticality"): each Monte Carlo
// incident is attributed to one component (BlockSim's downing event), whose
// tallies give its shares of incidents, downtime and lost writes; and the
// Birnbaum importance of each component from the Markov chain's steady state.

#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "faultline/contract/mc_result.hpp"
#include "faultline/planner/monte_carlo.hpp"
#include "faultline/planner/structure_function.hpp"

namespace faultline::planner {

/// Stateless; every function is deterministic and safe from many threads.
class Criticality {
 public:
  /// The component `faults` (one incident, non-empty, sorted by offset then component) is attributed to:
  /// the first whose failure took `structure` from up to down, replaying failures and repairs in time order
  /// (repairs first at equal times); when the structure never went down, the incident's first failure.
  static std::size_t attribute(const StructureFunction& structure, const std::vector<IncidentFault>& faults);
  /// Adds one incident (its downtime, s, and lost writes) to `component`'s tally, keeping `tallies` ascending.
  static void add(std::vector<contract::ComponentTally>& tallies, std::size_t component, double downtime_s,
                  std::uint64_t lost_writes);
  /// Totals and shares per component of `components` for pattern `pattern` over `records`, summed in record order.
  static std::vector<contract::ComponentCriticality> summarize(const std::vector<contract::ReplicationRecord>& records,
                                                               std::size_t pattern,
                                                               const std::vector<std::string>& components);
  /// Birnbaum importance per component, P(up | i up) - P(up | i down), from steady-state probabilities `pi`
  /// indexed by down mask over structure.component_count() components (-1..1; 0..1 for a coherent structure).
  static std::vector<double> birnbaum(const Eigen::VectorXd& pi, const StructureFunction& structure);
};

}  // namespace faultline::planner
