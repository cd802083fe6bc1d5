#pragma once
// The traffic plane of one pattern under one scenario: requests from client
// geographies through the global entry's router to regional gateways and model
// deployments, faults injected on schedule, metrics streamed (docs/simulation.md).

#include <cstdint>
#include <memory>
#include <optional>

#include "faultline/engine/model/pattern_result.hpp"
#include "faultline/engine/kernel/run_control.hpp"
#include "faultline/engine/model/scenario.hpp"

namespace faultline::engine {

class TrafficModel;

/// Runs pattern `pattern_index` of `scenario` for one replication. Every routing
/// decision is made by faultline::router with simulated time. Deterministic:
/// the same scenario, pattern, seed and replication give the same result on any
/// thread; all patterns of one seed see the same arrivals and the same faults.
class PatternSimulation {
 public:
  /// Prepares the model; `scenario` must outlive this object.
  PatternSimulation(const Scenario& scenario, std::size_t pattern_index, std::uint64_t replication = 0);
  ~PatternSimulation();
  PatternSimulation(const PatternSimulation&) = delete;
  PatternSimulation& operator=(const PatternSimulation&) = delete;

  /// Simulates the whole run length and returns the pattern's figures (targets
  /// and costs are filled by the caller).
  PatternResult run();
  /// As run(), reporting progress to `control`; nullopt when `control.cancel` stopped the run (a status, not an error).
  std::optional<PatternResult> run(const RunControl& control);
  /// Events the kernel ran (valid after run()).
  [[nodiscard]] std::uint64_t events() const;
  /// Requests offered (valid after run()).
  [[nodiscard]] std::uint64_t requests() const;

 private:
  std::unique_ptr<TrafficModel> model_;
};

}  // namespace faultline::engine
