#include "scenario/pool_member_check.hpp"

#include <algorithm>

#include <boost/graph/adjacency_list.hpp>

#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/topology/lowest_latency_path.hpp"

namespace faultline::engine {

std::vector<std::string> unserved_pool_members(const topology::Topology& topology) {
  // The regions the traffic model simulates are the global entry's origins (build_regions).
  const router::RouterConfig origins = default_router_config(topology, false);
  const auto is_origin = [&](const std::string& region) {
    return std::any_of(origins.endpoints.begin(), origins.endpoints.end(),
                       [&](const router::EndpointConfig& e) { return e.name == region; });
  };
  std::vector<std::string> problems;
  const auto& graph = topology.graph();
  for (auto [v, v_end] = boost::vertices(graph); v != v_end; ++v) {
    const topology::Node& gateway = graph[*v];
    if (gateway.kind != topology::NodeKind::kGateway || !is_origin(gateway.region)) continue;
    for (auto [e, e_end] = boost::out_edges(*v, graph); e != e_end; ++e) {
      const topology::Node& member = graph[boost::target(*e, graph)];
      if (member.kind != topology::NodeKind::kModelDeployment || member.region == gateway.region) continue;
      const std::string head =
          "gateway \"" + gateway.id + "\" lists backend \"" + member.id + "\" of region \"" + member.region + "\", ";
      if (!is_origin(member.region)) {
        problems.push_back(head + "which the global entry does not route to");
      } else if (!topology::lowest_latency_path(topology, gateway.region, member.region).is_found) {
        problems.push_back(head + "with no network path from \"" + gateway.region + "\"");
      }
    }
  }
  return problems;
}

}  // namespace faultline::engine
