#pragma once
// The topology as an inline SVG diagram: regions as boxes holding their
// components, global entry and clients above, with origin and replication links.

#include <string>

#include "faultline/topology/topology.hpp"

namespace faultline::reports {

/// One <svg> element; all names are escaped; layout depends only on the topology (file order).
std::string topology_svg(const topology::Topology& topology);

}  // namespace faultline::reports
