#pragma once
// What the rare-event estimator reports (RareEventEstimator; faultline.mc/v1 `rare_event`).

#include <cstdint>
#include <optional>
#include <string>

namespace faultline::contract {

/// The estimate and its precision.
struct RareEventEstimate {
  std::string method;                           ///< e.g. "regenerative, balanced failure biasing (p = 0.5)"
  double unavailability = 0;                    ///< steady-state P(structure down), 0..1
  double std_error = 0;                         ///< one standard error of `unavailability` (delta method over cycles)
  std::optional<double> relative_error;         ///< std_error / unavailability; nullopt while no down state was seen
  std::uint64_t cycles = 0;                     ///< regenerative cycles simulated (each starts and ends with all up)
  bool is_converged = false;                    ///< relative_error <= the requested one before max_cycles
  std::optional<double> markov_unavailability;  ///< the exact chain's P(down), when it is solved
  std::optional<double> ratio;                  ///< unavailability / markov_unavailability, when both are > 0
  friend bool operator==(const RareEventEstimate&, const RareEventEstimate&) = default;
};

}  // namespace faultline::contract
