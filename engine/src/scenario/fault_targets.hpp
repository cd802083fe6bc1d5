#pragma once
// Internal: which topology nodes a fault of each type may target (the scenario checker's rule).

#include <string>
#include <vector>

#include "faultline/engine/model/scenario.hpp"
#include "faultline/topology/node.hpp"

namespace faultline::engine {

/// Node kinds a fault of `type` may target.
std::vector<topology::NodeKind> fault_target_kinds(FaultType type);
/// `kinds` spelt for a message: "region or zone".
std::string node_kinds_text(const std::vector<topology::NodeKind>& kinds);

}  // namespace faultline::engine
