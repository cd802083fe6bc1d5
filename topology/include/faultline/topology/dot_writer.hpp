#pragma once
// Graphviz DOT of a topology: regions as clusters, zones nested inside them,
// one edge style per edge kind.

#include <string>

#include "faultline/topology/topology.hpp"

namespace faultline::topology {

/// The whole topology as a DOT digraph (UTF-8 text, ends with a newline).
std::string to_dot(const Topology& topology);

}  // namespace faultline::topology
