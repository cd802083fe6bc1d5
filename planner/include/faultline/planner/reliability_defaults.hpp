#pragma once
// Default failure and repair distributions from published data (docs/planner.md,
// "Defaults from published data"): what `faultline mc` and `faultline plan` use
// for a scenario without a `reliability` section. The one table is in
// reliability_defaults.cpp; docs/planner.md shows the same rows with derivations.

#include <span>
#include <string>
#include <vector>
#include <string_view>

#include "faultline/engine/model/scenario.hpp"
#include "faultline/planner/reliability_model.hpp"
#include "faultline/topology/node.hpp"

namespace faultline::planner {

/// One row of the defaults: every node of `kinds` fails with `fault`. Repair is lognormal
/// (median, p95); time between failures is exponential with the mean that makes the
/// steady-state availability MTBF / (MTBF + MTTR) equal `availability`.
struct ReliabilityDefault {
  std::string_view kinds;  ///< "region", "zone", "model_deployment", "gateway", "global_entry", "data_store"
  engine::FaultType fault = engine::FaultType::kRegionOutage;
  double availability = 1;     ///< 0..1, the figure the source gives or implies
  double repair_median_s = 0;  ///< s
  double repair_p95_s = 0;     ///< s
  std::string_view source;     ///< short citation shown in outputs, e.g. "Azure OpenAI SLA 99.9 %"
};

/// The table, in the order components are created.
std::span<const ReliabilityDefault> reliability_defaults();

/// Mean time between failures of `row`, s: mean repair x availability / (1 - availability).
double default_mean_time_between_failures_s(const ReliabilityDefault& row);

/// The model of a scenario without a reliability section: one component per node the table
/// covers (rows in table order, nodes in graph order), named "node/fault", independent crews,
/// one region needed, each with `default_source` set. Empty without a topology.
ReliabilityModel default_reliability_model(const engine::Scenario& scenario);

/// Terminal lines saying how many components came from the defaults (`sources`: one per component, non-empty
/// for a defaulted one), grouped by source in first-seen order and ending with a blank line; "" when none did.
std::string describe_defaults(const std::vector<std::string>& sources);

/// The defaults' source per component of `model` ("" for a component the scenario gave).
std::vector<std::string> default_sources(const ReliabilityModel& model);

}  // namespace faultline::planner
