// Cross-region members of a region gateway's backend pool (seeds/001: an APIM gateway
// reaching a model deployment of another region through private endpoints).

#include <boost/graph/adjacency_list.hpp>

#include "faultline/topology/lowest_latency_path.hpp"
#include "model/traffic_model.hpp"

namespace faultline::engine {

void TrafficModel::add_remote_members() {
  // A gateway's `backends` naming a model deployment of another region makes it a member of
  // that gateway's pool for the deployment's model, after the local members of its priority
  // (file order), at the deployment's own pool_priority and pool_weight. A call to it adds the
  // network round trip between the two regions (2 x the lowest one-way link latency). Only a
  // deployment in a region the global entry routes to is tracked; one with no network path
  // from the gateway's region cannot be reached and joins no pool.
  const topology::Topology& topo = *scenario_.topology;
  const auto& graph = topo.graph();
  const auto region_index = [&](const std::string& id) {
    for (std::size_t i = 0; i < regions_.size(); ++i) {
      if (regions_[i].id == id) return i;
    }
    return kNone;
  };
  for (std::size_t g = 0; g < regions_.size(); ++g) {
    for (const auto gateway : topo.members_of_region(regions_[g].id)) {
      if (topo.node(gateway).kind != topology::NodeKind::kGateway) continue;
      for (auto [it, end] = boost::out_edges(gateway, graph); it != end; ++it) {
        const topology::Node& node = graph[boost::target(*it, graph)];
        if (node.kind != topology::NodeKind::kModelDeployment || node.region == regions_[g].id) continue;
        const std::size_t home = region_index(node.region);
        const auto path = topology::lowest_latency_path(topo, regions_[g].id, node.region);
        if (home == kNone || !path.is_found) continue;
        const auto& info = std::get<topology::ModelDeploymentInfo>(node.details);
        for (std::size_t w = 0; w < scenario_.workloads.size(); ++w) {
          if (info.model != scenario_.workloads[w].model) continue;
          regions_[g].pool_of_workload[w].add(add_deployment(node, home), info.pool_priority, info.pool_weight,
                                              2 * path.latency.count());
        }
      }
    }
  }
}

}  // namespace faultline::engine
