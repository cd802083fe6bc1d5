#pragma once
// Phase 1 of a Monte Carlo replication (docs/planner.md): the failure and
// repair process of `years` on the event kernel, cut into incidents. Only
// failures and repairs are events: a quiet year costs two events per component.

#include <cstdint>
#include <vector>

#include "faultline/engine/kernel/sim_time.hpp"
#include "faultline/planner/monte_carlo.hpp"
#include "faultline/planner/reliability_model.hpp"
#include "faultline/planner/structure_function.hpp"

namespace faultline::planner {

/// What one replication's failures and repairs were.
struct FailureHistory {
  std::vector<std::vector<IncidentFault>> incidents;  ///< per incident: its faults, by offset then component
  std::vector<engine::SimTime> incident_starts;       ///< per incident: when its first failure happened
  double structure_down_s = 0;                        ///< time the structure function was down, s
  std::uint64_t failures = 0;                         ///< component failures
};

/// Simulates replication `index` from time 0 to `end`; deterministic in (seed, index), whatever thread runs it.
FailureHistory simulate_failures(const ReliabilityModel& model, const StructureFunction& structure, std::uint64_t seed,
                                 std::uint64_t index, engine::SimTime end);

}  // namespace faultline::planner
