#pragma once
// The stochastic failure model of a scenario (its `reliability` section,
// docs/planner.md): components that fail and get repaired, and who repairs them.

#include <cstddef>
#include <string>
#include <vector>

#include "faultline/engine/kernel/distribution.hpp"
#include "faultline/engine/model/scenario.hpp"

namespace faultline::planner {

/// Who repairs failed components.
enum class RepairCrews {
  kIndependent,  ///< every failed component is repaired at once, in parallel
  kShared,       ///< one crew: one repair at a time, the lowest component index first
};

/// One failure mode of one node: while it is failed the node suffers `fault`.
struct ReliabilityComponent {
  std::string name;    ///< unique, e.g. "eastus2/region_outage"
  std::string target;  ///< node id in the topology
  engine::FaultType fault = engine::FaultType::kRegionOutage;
  engine::Distribution time_between_failures = engine::Distribution::exponential(1);  ///< s, up time
  engine::Distribution time_to_repair = engine::Distribution::exponential(1);         ///< s, down time
  std::string json_path;  ///< where the entry was defined, e.g. "reliability.components[1]"
  /// `"scope": "service"` (a data_store_outage only): the logical store, one component for all of its
  /// regional copies, in series with the whole service (while down, writes are unavailable everywhere).
  /// False (`"node"`, the default): the node fails and its blast radius decides.
  bool is_service_scope = false;
  /// Empty: from the scenario's reliability section. Otherwise the component came from the
  /// defaults table (reliability_defaults.hpp) and this names its source.
  std::string default_source;
};

/// Every component (a `kind` entry already expanded, in file then graph order) and the crew policy.
struct ReliabilityModel {
  std::vector<ReliabilityComponent> components;
  RepairCrews repair_crews = RepairCrews::kIndependent;
  /// `reliability.regions_needed`: origin regions that must serve for the service to be up (1..n, default 1).
  std::size_t regions_needed = 1;
};

/// File spelling of a crew policy ("independent" | "shared").
std::string_view to_string(RepairCrews crews);

}  // namespace faultline::planner
