#include "faultline/topology/cost_model.hpp"

#include <stdexcept>

namespace faultline::topology {

RegionProvisioning ProvisioningPlan::for_region(std::string_view region_id) const {
  const auto it = regions.find(region_id);
  return it == regions.end() ? RegionProvisioning{} : it->second;
}

namespace {

constexpr double kSecondsPerMonth = kHoursPerMonth * 3600.0;

// Share of compute that runs: 1 when full, the standby fraction in standby, 0 when none.
double running_share(const RegionProvisioning& p) {
  switch (p.mode) {
    case ProvisioningMode::kFull:
      return 1.0;
    case ProvisioningMode::kStandby:
      return p.standby_fraction;
    case ProvisioningMode::kNone:
      return 0.0;
  }
  return 0.0;
}

// Price per GB of the network link between two regions, 0 when they are the same or not linked.
double link_egress_price(const Topology& topology, const std::string& from_region, const std::string& to_region) {
  const TopologyGraph& graph = topology.graph();
  const auto from = topology.find(from_region);
  if (!from || from_region == to_region) return 0.0;
  for (const EdgeId& e : boost::make_iterator_range(boost::out_edges(*from, graph))) {
    if (graph[e].kind == EdgeKind::kNetwork && graph[boost::target(e, graph)].id == to_region) {
      return graph[e].egress_usd_per_gb;
    }
  }
  return 0.0;
}

bool is_periodic(ReplicationMode mode) {
  return mode == ReplicationMode::kBackupRestore || mode == ReplicationMode::kScheduledRebuild;
}

// Throws std::invalid_argument when `plan` names a region or data store `topology` lacks, or holds an out-of-range
// standby fraction, traffic share or periodic copy interval.
void check_plan(const Topology& topology, const ProvisioningPlan& plan) {
  for (const auto& [region, provisioning] : plan.regions) {
    const auto v = topology.find(region);
    if (!v || topology.node(*v).kind != NodeKind::kRegion) {
      throw std::invalid_argument("provisioning plan names \"" + region + "\", which is not a region of " +
                                  topology.name());
    }
    if (provisioning.standby_fraction < 0 || provisioning.standby_fraction > 1) {
      throw std::invalid_argument("standby fraction of " + region + " must be within 0..1");
    }
    if (provisioning.traffic_share < 0 || provisioning.traffic_share > 1) {
      throw std::invalid_argument("traffic share of " + region + " must be within 0..1");
    }
  }
  for (const auto& [store, link] : plan.links) {
    const auto v = topology.find(store);
    if (!v || !std::holds_alternative<DataStoreInfo>(topology.node(*v).details)) {
      throw std::invalid_argument("provisioning plan names \"" + store + "\", which is not a data store of " +
                                  topology.name());
    }
    if (is_periodic(link.mode) && link.copy_interval.count() <= 0) {
      throw std::invalid_argument("copy interval of " + store + " must be > 0 for " +
                                  std::string(to_string(link.mode)));
    }
  }
}

}  // namespace

CostReport monthly_cost(const Topology& topology, const ProvisioningPlan& plan) {
  check_plan(topology, plan);
  const TopologyGraph& graph = topology.graph();
  CostReport report;
  for (VertexId region : topology.nodes_of_kind(NodeKind::kRegion)) report.per_region[graph[region].id] = 0;
  report.per_region["global"] = 0;
  const auto add = [&report](const Node& node, std::string item, double usd) {
    if (usd == 0) return;
    const std::string region = node.region.empty() ? "global" : node.region;
    report.lines.push_back(CostLine{node.id, region, std::move(item), usd});
    report.per_node[node.id] += usd;
    report.per_region[region] += usd;
    report.total_usd += usd;
  };
  for (VertexId v : boost::make_iterator_range(boost::vertices(graph))) {
    const Node& node = graph[v];
    const RegionProvisioning provisioning = plan.for_region(node.region);
    const double share = running_share(provisioning);
    const bool is_deployed = provisioning.mode != ProvisioningMode::kNone;
    if (const auto* d = std::get_if<ModelDeploymentInfo>(&node.details)) {
      add(node, "reserved capacity", d->price_per_hour_usd * kHoursPerMonth * share);
      // Pay-per-token spend follows the traffic: tokens_per_month is what the deployment serves when it
      // takes all of it, so two live regions sharing the traffic pay for it once (issue 22).
      if (provisioning.mode == ProvisioningMode::kFull) {
        add(node, "tokens", d->tokens_per_month * provisioning.traffic_share / 1000.0 * d->price_per_1k_tokens_usd);
      }
      if (is_deployed && d->health_check) {
        const double interval_s = std::chrono::duration<double>(d->health_check->interval).count();
        const double calls = kSecondsPerMonth / interval_s;
        add(node, "probe tokens", calls * d->health_check->tokens_per_call / 1000.0 * d->price_per_1k_tokens_usd);
      }
    } else if (const auto* g = std::get_if<GatewayInfo>(&node.details)) {
      add(node, "gateway units", g->units * g->price_per_unit_hour_usd * kHoursPerMonth * share);
    } else if (const auto* a = std::get_if<AgentServiceInfo>(&node.details)) {
      add(node, "agent service", a->price_per_month_usd * share);
    } else if (const auto* s = std::get_if<DataStoreInfo>(&node.details)) {
      if (is_deployed) add(node, "data store", s->price_per_month_usd);
    } else if (const auto* e = std::get_if<GlobalEntryInfo>(&node.details)) {
      add(node, "global entry", e->price_per_month_usd);
    }
  }
  for (const EdgeId& e : boost::make_iterator_range(boost::edges(graph))) {
    const Edge& edge = graph[e];
    if (edge.kind != EdgeKind::kReplication) continue;
    const Node& from = graph[boost::source(e, graph)];
    const Node& to = graph[boost::target(e, graph)];
    if (plan.for_region(from.region).mode == ProvisioningMode::kNone) continue;
    const auto link = plan.links.find(from.id);
    const ReplicationMode mode = link == plan.links.end() ? edge.replication_mode : link->second.mode;
    const std::chrono::microseconds interval = link == plan.links.end() ? edge.lag : link->second.copy_interval;
    // Copies are kept for a restore even where nothing runs yet (Hot/Cold); a live copy needs both ends.
    if (is_periodic(mode) && interval.count() > 0) {
      const double copies = kSecondsPerMonth / std::chrono::duration<double>(interval).count();
      add(from, "restorable copies to " + to.id, copies * edge.usd_per_copy);
    }
    if (plan.for_region(to.region).mode == ProvisioningMode::kNone) continue;
    const double price =
        edge.egress_usd_per_gb >= 0 ? edge.egress_usd_per_gb : link_egress_price(topology, from.region, to.region);
    add(from, "replication egress to " + to.id, edge.gb_per_month * price);
    if (mode == ReplicationMode::kSync) add(from, "synchronous replication to " + to.id, edge.sync_usd_per_month);
  }
  return report;
}

std::string cost_component(std::string_view item) {
  const std::pair<std::string_view, std::string_view> prefixes[] = {
      {"tokens", "tokens"},
      {"probe tokens", "probes"},
      {"reserved capacity", "reserved capacity"},
      {"gateway units", "gateways"},
      {"agent service", "agent services"},
      {"data store", "data stores"},
      {"global entry", "global entry"},
      {"replication egress", "replication"},
      {"synchronous replication", "replication"},
      {"restorable copies", "replication"},
  };
  for (const auto& [prefix, component] : prefixes) {
    if (item.substr(0, prefix.size()) == prefix) return std::string(component);
  }
  return "other";
}

std::map<std::pair<std::string, std::string>, double> cost_by_component(const std::vector<CostLine>& lines) {
  std::map<std::pair<std::string, std::string>, double> groups;
  for (const CostLine& line : lines) groups[{cost_component(line.item), line.region}] += line.monthly_usd;
  return groups;
}

double single_region_baseline_cost(const Topology& topology, std::string_view region_id) {
  ProvisioningPlan plan;
  for (VertexId region : topology.nodes_of_kind(NodeKind::kRegion)) {
    const std::string& id = topology.graph()[region].id;
    if (id != region_id) plan.regions[id] = RegionProvisioning{ProvisioningMode::kNone, 0, 0};
  }
  if (!plan.regions.empty() && plan.regions.size() == topology.nodes_of_kind(NodeKind::kRegion).size()) {
    throw std::invalid_argument("single-region baseline names \"" + std::string(region_id) +
                                "\", which is not a region of " + topology.name());
  }
  double usd = 0;
  for (const CostLine& line : monthly_cost(topology, plan).lines) {
    if (line.region == std::string(region_id) && line.item.rfind("restorable copies", 0) != 0 &&
        line.item.rfind("replication egress", 0) != 0 && line.item.rfind("synchronous replication", 0) != 0) {
      usd += line.monthly_usd;
    }
  }
  return usd;
}

}  // namespace faultline::topology
