#pragma once
// When is the system up, given which components are down? A structure function
// over a bit mask of down components (bit i = component i is down).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "faultline/engine/model/scenario.hpp"
#include "faultline/planner/reliability_model.hpp"
#include "faultline/topology/topology.hpp"

namespace faultline::planner {

/// Immutable; cheap to copy (shares its topology data); safe to call from many threads.
class StructureFunction {
 public:
  /// Up while at least k of the n components are up (1 <= k <= n <= 64).
  static StructureFunction k_of_n(std::size_t k, std::size_t n);
  /// Up while the scenario can serve: its global entry is not down, no service-scope store
  /// component is down, and at least `model.regions_needed` origin regions each have an origin
  /// gateway not down with, in its region, a deployment not down for every model the workloads
  /// call; "down" is the blast radius of the failed components' targets. Throws
  /// std::invalid_argument when regions_needed is 0 or above the number of origin regions.
  static StructureFunction serving(const engine::Scenario& scenario, const ReliabilityModel& model);

  /// True when the system is up with the components of `down_mask` down.
  [[nodiscard]] bool is_up(std::uint64_t down_mask) const;
  /// Number of components the mask ranges over.
  [[nodiscard]] std::size_t component_count() const { return n_; }
  /// Human-readable form, e.g. "2-of-3" or "serving (topology foundry-two-region)".
  [[nodiscard]] const std::string& describe() const { return description_; }

 private:
  StructureFunction() = default;

  std::size_t n_ = 0;
  std::size_t k_ = 0;  // k-of-n when topology_ is null
  std::string description_;
  std::shared_ptr<const topology::Topology> topology_;
  std::vector<std::string> targets_;         // per component
  std::vector<topology::VertexId> entries_;  // global entries (any down: system down)
  struct Origin {
    topology::VertexId gateway;
    std::size_t region = 0;                               // index into the origin regions
    std::vector<std::vector<topology::VertexId>> models;  // per workload model: its deployments in the region
  };
  std::vector<Origin> origins_;
  std::size_t region_count_ = 0;    // distinct regions of the origins
  std::size_t regions_needed_ = 1;  // serving origin regions needed
  std::uint64_t series_mask_ = 0;   // service-scope store components: any down, system down
};

/// Region ids of the gateways behind the scenario's global entries (every gateway when the
/// entries name none), each once, in first-seen order: the n of `reliability.regions_needed`.
std::vector<std::string> origin_regions(const topology::Topology& topology);

}  // namespace faultline::planner
