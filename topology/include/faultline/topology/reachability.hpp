#pragma once
// What each client geography can still reach after a fault: breadth-first
// search from the client over dependency edges, skipping nodes that are down.

#include <string>
#include <vector>

#include "faultline/topology/topology.hpp"

namespace faultline::topology {

/// One client geography after a fault.
struct ClientReach {
  std::string client;                        // client id
  double traffic_share = 0;                  // its share of all traffic
  bool is_served = false;                    // false when the client's path to any model is down
  std::vector<std::string> reachable;        // nodes reachable through the entry, in graph order (client excluded)
  std::vector<std::string> serving_regions;  // regions holding a reachable, up model deployment or agent service
};

/// For each client (file order): what it reaches when `failed_ids` fail (nodes down as in blast_radius).
/// Throws std::out_of_range naming an unknown id.
std::vector<ClientReach> reachability(const Topology& topology, const std::vector<std::string>& failed_ids);

}  // namespace faultline::topology
