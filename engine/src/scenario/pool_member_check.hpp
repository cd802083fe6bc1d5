#pragma once
// Internal: the scenario checker's rule for cross-region members of a gateway's backend pool.

#include <string>
#include <vector>

#include "faultline/topology/topology.hpp"

namespace faultline::engine {

/// One sentence per gateway backend in another region that the traffic model cannot serve
/// through the pool: a region the global entry does not route to, or one with no network
/// path from the gateway's region. Empty when every cross-region member is served.
std::vector<std::string> unserved_pool_members(const topology::Topology& topology);

}  // namespace faultline::engine
