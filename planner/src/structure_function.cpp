#include "faultline/planner/structure_function.hpp"

#include <algorithm>
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

namespace {

// Gateways behind the global entries (every gateway when the entries name none), in order.
std::vector<topology::VertexId> origin_gateways(const topology::Topology& topology) {
  std::vector<topology::VertexId> gateways;
  for (auto e : topology.nodes_of_kind(NodeKind::kGlobalEntry)) {
    for (const auto& o : std::get<topology::GlobalEntryInfo>(topology.node(e).details).origins) {
      if (const auto g = topology.find(o.gateway)) gateways.push_back(*g);
    }
  }
  if (gateways.empty()) gateways = topology.nodes_of_kind(NodeKind::kGateway);
  return gateways;
}

std::string describe_serving(std::size_t k, std::size_t n, const ReliabilityModel& model) {
  std::string stores;
  for (const auto& c : model.components) {
    if (c.is_service_scope) stores += (stores.empty() ? "" : ", ") + c.target;
  }
  // k = 1 without service stores keeps the original text, so existing mc documents keep their bytes.
  if (k == 1 && stores.empty()) return "serving: global entry and one origin region with every workload model";
  std::string text = "serving: global entry, ";
  text +=
      k == 1 ? std::string("one origin region") : std::to_string(k) + " of " + std::to_string(n) + " origin regions";
  text += " with every workload model";
  if (!stores.empty()) text += ", and data store(s) " + stores;
  return text;
}

}  // namespace

std::vector<std::string> origin_regions(const topology::Topology& topology) {
  std::vector<std::string> regions;
  for (auto g : origin_gateways(topology)) {
    const std::string& r = topology.node(g).region;
    if (std::find(regions.begin(), regions.end(), r) == regions.end()) regions.push_back(r);
  }
  return regions;
}

StructureFunction StructureFunction::serving(const engine::Scenario& scenario, const ReliabilityModel& model) {
  if (!scenario.topology) throw std::invalid_argument("serving structure function: no topology");
  if (model.components.empty() || model.components.size() > 64) {
    throw std::invalid_argument("serving structure function: needs 1 to 64 components, got " +
                                std::to_string(model.components.size()));
  }
  const auto& topology = *scenario.topology;
  const std::vector<std::string> regions = origin_regions(topology);
  if (model.regions_needed == 0 || model.regions_needed > regions.size()) {
    throw std::invalid_argument("serving structure function: regions_needed " + std::to_string(model.regions_needed) +
                                " with " + std::to_string(regions.size()) + " origin regions (allowed: 1 to " +
                                std::to_string(regions.size()) + ")");
  }
  StructureFunction f;
  f.n_ = model.components.size();
  f.region_count_ = regions.size();
  f.regions_needed_ = model.regions_needed;
  f.description_ = describe_serving(model.regions_needed, regions.size(), model);
  for (std::size_t i = 0; i < model.components.size(); ++i) {
    f.targets_.push_back(model.components[i].target);
    if (model.components[i].is_service_scope) f.series_mask_ |= std::uint64_t{1} << i;
  }
  std::set<std::string> models;
  for (const auto& w : scenario.workloads) models.insert(w.model);
  f.entries_ = topology.nodes_of_kind(NodeKind::kGlobalEntry);
  for (auto g : origin_gateways(topology)) {
    const std::string& region = topology.node(g).region;
    Origin origin{g, static_cast<std::size_t>(std::find(regions.begin(), regions.end(), region) - regions.begin()), {}};
    for (const std::string& m : models) {
      std::vector<topology::VertexId> deployments;
      for (auto v : topology.members_of_region(region)) {
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
  if ((down_mask & series_mask_) != 0) return false;  // a service-scope store is down: no writes anywhere
  std::vector<std::string> failed;
  for (std::size_t i = 0; i < n_; ++i) {
    if ((down_mask >> i) & 1U) failed.push_back(targets_[i]);
  }
  const topology::BlastRadius radius = topology::blast_radius(*topology_, failed);
  for (auto e : entries_) {
    if (radius.is_down[e]) return false;
  }
  std::vector<bool> is_region_serving(region_count_, false);
  std::size_t serving = 0;
  for (const auto& origin : origins_) {
    if (radius.is_down[origin.gateway] || is_region_serving[origin.region]) continue;
    bool is_serving = true;
    for (const auto& deployments : origin.models) {
      bool has_one = false;
      for (auto d : deployments) has_one = has_one || !radius.is_down[d];
      is_serving = is_serving && has_one;
    }
    if (!is_serving) continue;
    is_region_serving[origin.region] = true;
    if (++serving >= regions_needed_) return true;
  }
  return false;
}

}  // namespace faultline::planner
