#include "faultline/planner/structure_function.hpp"

#include <bit>
#include <set>
#include <stdexcept>
#include <variant>

#include "faultline/topology/blast_radius.hpp"

namespace faultline::planner {

using topology::NodeKind;

StructureFunction StructureFunction::k_of_n(std::size_t k, std::size_t n) {
  if (n == 0 || n > 64 || k == 0 || k > n) {
    throw std::invalid_argument("k-of-n needs 1 <= k <= n <= 64, got k = " + std::to_string(k) +
                                ", n = " + std::to_string(n));
  }
  StructureFunction f;
  f.n_ = n;
  f.k_ = k;
  f.description_ = std::to_string(k) + "-of-" + std::to_string(n);
  return f;
}

StructureFunction StructureFunction::serving(const engine::Scenario& scenario, const ReliabilityModel& model) {
  if (!scenario.topology) throw std::invalid_argument("serving structure function: no topology");
  if (model.components.empty() || model.components.size() > 64) {
    throw std::invalid_argument("serving structure function: needs 1 to 64 components, got " +
                                std::to_string(model.components.size()));
  }
  const auto& topology = *scenario.topology;
  StructureFunction f;
  f.n_ = model.components.size();
  f.description_ = "serving: global entry and one origin region with every workload model";
  for (const auto& c : model.components) f.targets_.push_back(c.target);
  std::set<std::string> models;
  for (const auto& w : scenario.workloads) models.insert(w.model);
  std::vector<topology::VertexId> gateways;
  f.entries_ = topology.nodes_of_kind(NodeKind::kGlobalEntry);
  for (auto e : f.entries_) {
    for (const auto& o : std::get<topology::GlobalEntryInfo>(topology.node(e).details).origins) {
      if (const auto g = topology.find(o.gateway)) gateways.push_back(*g);
    }
  }
  if (gateways.empty()) gateways = topology.nodes_of_kind(NodeKind::kGateway);
  for (auto g : gateways) {
    Origin origin{g, {}};
    for (const std::string& m : models) {
      std::vector<topology::VertexId> deployments;
      for (auto v : topology.members_of_region(topology.node(g).region)) {
        const auto& node = topology.node(v);
        if (node.kind == NodeKind::kModelDeployment &&
            std::get<topology::ModelDeploymentInfo>(node.details).model == m) {
          deployments.push_back(v);
        }
      }
      origin.models.push_back(std::move(deployments));
    }
    f.origins_.push_back(std::move(origin));
  }
  f.topology_ = scenario.topology;
  return f;
}

bool StructureFunction::is_up(std::uint64_t down_mask) const {
  if (!topology_) return n_ - static_cast<std::size_t>(std::popcount(down_mask)) >= k_;
  if (down_mask == 0) return true;
  std::vector<std::string> failed;
  for (std::size_t i = 0; i < n_; ++i) {
    if ((down_mask >> i) & 1U) failed.push_back(targets_[i]);
  }
  const topology::BlastRadius radius = topology::blast_radius(*topology_, failed);
  for (auto e : entries_) {
    if (radius.is_down[e]) return false;
  }
  for (const auto& origin : origins_) {
    if (radius.is_down[origin.gateway]) continue;
    bool is_serving = true;
    for (const auto& deployments : origin.models) {
      bool has_one = false;
      for (auto d : deployments) has_one = has_one || !radius.is_down[d];
      is_serving = is_serving && has_one;
    }
    if (is_serving) return true;
  }
  return false;
}

}  // namespace faultline::planner
