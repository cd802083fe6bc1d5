#pragma once
// Lowest-latency route between two places over network edges (Dijkstra).

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/topology/topology.hpp"

namespace faultline::topology {

/// A route over network links.
struct LatencyPath {
  bool is_found = false;
  std::vector<std::string> hops;         // ids from start to end (regions and clients)
  std::chrono::microseconds latency{0};  // sum of one-way link latencies
};

/// Lowest one-way latency from `from_id` to `to_id` avoiding the regions in `failed_ids`.
/// A component or zone stands for its region (network links join regions and clients).
/// Throws std::out_of_range naming an unknown id.
LatencyPath lowest_latency_path(const Topology& topology, std::string_view from_id, std::string_view to_id,
                                const std::vector<std::string>& failed_ids = {});

}  // namespace faultline::topology
