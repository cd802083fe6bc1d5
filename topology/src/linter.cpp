#include "faultline/topology/linter.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

namespace faultline::topology {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "unknown";
}

std::vector<LintRule> lint_rules() {
  return {
      {"FL001", "model-version-drift", Severity::kError,
       "a deployment name serves a different model or version in the paired region"},
      {"FL002", "deployment-missing-in-pair", Severity::kError,
       "a deployment name of a region does not exist in its paired region"},
      {"FL003", "deployment-type-drift", Severity::kWarning,
       "a deployment name has a different deployment type in the paired region"},
      {"FL004", "secondary-quota-below-need", Severity::kError,
       "the paired region's quota is below the capacity it must take over"},
      {"FL005", "private-endpoint-asymmetry", Severity::kError,
       "a private endpoint exists in one region of a pair only"},
      {"FL006", "private-dns-zone-asymmetry", Severity::kError,
       "a private DNS zone exists in one region of a pair only"},
      {"FL007", "no-paired-region-in-geography", Severity::kWarning,
       "a region that serves models has no paired region in the same geography"},
      {"FL008", "residency-blocks-failover", Severity::kError,
       "a region's paired region lies outside its data boundary"},
      {"FL009", "single-zone-behind-zone-redundant-promise", Severity::kError,
       "a component promises zone redundancy but spans fewer than two zones"},
      {"FL010", "agent-threads-not-persisted", Severity::kWarning,
       "an agent service keeps its threads only in the service, so failover loses them"},
      {"FL011", "thread-store-not-replicated", Severity::kError,
       "agent threads are persisted to a store that is not replicated to another region"},
      {"FL012", "secrets-missing-in-paired-vault", Severity::kError,
       "a secret or key of a region's vault or HSM is missing in the paired region"},
      {"FL013", "registry-not-geo-replicated", Severity::kWarning,
       "a container registry has no replica in another region"},
      {"FL014", "search-index-no-secondary", Severity::kWarning, "a search index has no secondary in another region"},
      {"FL015", "floating-model-version", Severity::kError, "a model version is not pinned (\"latest\", \"*\", ...)"},
      {"FL016", "global-entry-no-health-probe", Severity::kError, "the global entry has no health probe"},
      {"FL017", "origin-health-endpoint-mismatch", Severity::kWarning,
       "an origin gateway has no health endpoint, or not the one the global entry probes"},
      {"FL018", "single-serving-region", Severity::kError, "model deployments exist in fewer than two regions"},
      {"FL019", "strong-consistency-with-multi-region-writes", Severity::kError,
       "a database asks for strong consistency with multi-region writes, which is not allowed"},
      {"FL020", "database-without-automatic-failover", Severity::kWarning,
       "a replicated database has neither automatic failover nor multi-region writes"},
      {"FL021", "hsm-not-replicated", Severity::kWarning, "a managed HSM has no replica in another region"},
      {"FL022", "client-boundary-single-region", Severity::kError,
       "a client's data boundary holds fewer than two regions with model deployments"},
      {"FL023", "global-standard-inside-boundary", Severity::kWarning,
       "a global_standard deployment sits in a region with a data boundary"},
      {"FL024", "developer-deployment", Severity::kWarning, "a deployment of type developer (no SLA) serves traffic"},
      {"FL025", "deployment-without-gateway", Severity::kInfo, "a model deployment is behind no gateway"},
      {"FL026", "agent-definitions-not-in-source-control", Severity::kWarning,
       "agent definitions are not kept as code, so agents cannot be recreated on failover"},
  };
}

namespace {

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

std::string number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

// Runs every rule; each rule is a member function adding findings.
class LintRun {
 public:
  explicit LintRun(const Topology& topology) : topology_(topology), graph_(topology.graph()) {
    for (const LintRule& rule : lint_rules()) rules_.emplace(rule.id, rule);
    for (VertexId v : topology.nodes_of_kind(NodeKind::kRegion)) {
      const RegionInfo& info = region_info(v);
      if (info.paired_region.empty()) continue;
      const VertexId paired = *topology.find(info.paired_region);
      directed_pairs_.emplace_back(v, paired);
      const bool is_mutual = region_info(paired).paired_region == graph_[v].id;
      if (!is_mutual || graph_[v].id < graph_[paired].id) unordered_pairs_.emplace_back(v, paired);
    }
  }

  std::vector<LintFinding> run() {
    check_deployment_drift();
    check_quota();
    check_network_parity();
    check_geography_and_residency();
    check_zone_promises();
    check_agents();
    check_vaults();
    check_replicated_stores();
    check_versions();
    check_global_entry();
    check_serving_regions();
    check_databases();
    check_client_boundaries();
    check_deployment_types();
    check_gateways();
    std::stable_sort(findings_.begin(), findings_.end(),
                     [](const LintFinding& a, const LintFinding& b) { return a.rule_id < b.rule_id; });
    return std::move(findings_);
  }

 private:
  void add(std::string_view rule_id, std::vector<std::string> nodes, std::string message, std::string fix) {
    const LintRule& rule = rules_.at(std::string(rule_id));
    findings_.push_back(
        LintFinding{rule.id, rule.name, rule.severity, std::move(nodes), std::move(message), std::move(fix)});
  }

  const RegionInfo& region_info(VertexId v) const { return std::get<RegionInfo>(graph_[v].details); }
  const std::string& id(VertexId v) const { return graph_[v].id; }

  // Model deployments of a region by deployment name.
  std::map<std::string, VertexId> deployments_by_name(VertexId region) const {
    std::map<std::string, VertexId> out;
    for (VertexId v : topology_.members_of_region(id(region))) {
      if (graph_[v].kind == NodeKind::kModelDeployment) {
        out.emplace(std::get<ModelDeploymentInfo>(graph_[v].details).deployment_name, v);
      }
    }
    return out;
  }

  std::vector<VertexId> members_of_kind(VertexId region, NodeKind kind) const {
    std::vector<VertexId> out;
    for (VertexId v : topology_.members_of_region(id(region))) {
      if (graph_[v].kind == kind) out.push_back(v);
    }
    return out;
  }

  bool serves_models(VertexId region) const { return !members_of_kind(region, NodeKind::kModelDeployment).empty(); }

  // True when a replication link joins `store` with a store in another region (either direction).
  bool has_cross_region_replica(VertexId store) const {
    for (const EdgeId& e : boost::make_iterator_range(boost::out_edges(store, graph_))) {
      if (graph_[e].kind == EdgeKind::kReplication && graph_[boost::target(e, graph_)].region != graph_[store].region)
        return true;
    }
    for (const EdgeId& e : boost::make_iterator_range(boost::in_edges(store, graph_))) {
      if (graph_[e].kind == EdgeKind::kReplication && graph_[boost::source(e, graph_)].region != graph_[store].region)
        return true;
    }
    return false;
  }

  // FL001, FL002, FL003
  void check_deployment_drift() {
    for (const auto& [region, paired] : directed_pairs_) {
      const auto here = deployments_by_name(region);
      const auto there = deployments_by_name(paired);
      for (const auto& [name, v] : here) {
        if (there.count(name) == 0) {
          add("FL002", {id(v), id(paired)},
              "deployment name " + in_quotes(name) + " (" + id(v) + ") exists in " + id(region) +
                  " but not in its paired region " + id(paired) + ": requests fail over to a name that is not there",
              "deploy " + in_quotes(name) + " with the same model and version in " + id(paired) +
                  " from the same IaC source");
        }
      }
    }
    for (const auto& [region, paired] : unordered_pairs_) {
      const auto here = deployments_by_name(region);
      const auto there = deployments_by_name(paired);
      for (const auto& [name, v] : here) {
        const auto other = there.find(name);
        if (other == there.end()) continue;
        const auto& a = std::get<ModelDeploymentInfo>(graph_[v].details);
        const auto& b = std::get<ModelDeploymentInfo>(graph_[other->second].details);
        if (a.model != b.model || a.version != b.version) {
          add("FL001", {id(v), id(other->second)},
              "deployment " + in_quotes(name) + " serves " + a.model + " " + a.version + " in " + id(region) + " but " +
                  b.model + " " + b.version + " in " + id(paired),
              "pin the same model and version in both regions in IaC and validate both after every deployment");
        }
        if (a.deployment_type != b.deployment_type) {
          add("FL003", {id(v), id(other->second)},
              "deployment " + in_quotes(name) + " is " + std::string(to_string(a.deployment_type)) + " in " +
                  id(region) + " but " + std::string(to_string(b.deployment_type)) + " in " + id(paired) +
                  ": processing location and capacity differ after failover",
              "use the same deployment type in both regions");
        }
      }
    }
  }

  // FL004: the paired region must absorb the full capacity of the failed one, per model: a
  // region's backend pool (every deployment of the model there) takes over as a whole.
  void check_quota() {
    for (const auto& [region, paired] : directed_pairs_) {
      const auto there = deployments_by_name(paired);
      std::set<std::string> models_done;
      for (const auto& [name, v] : deployments_by_name(region)) {
        const auto other = there.find(name);
        if (other == there.end()) continue;
        const std::string& model = std::get<ModelDeploymentInfo>(graph_[v].details).model;
        if (!models_done.insert(model).second) continue;
        const double need = model_total(region, model, &ModelDeploymentInfo::capacity_tokens_per_minute);
        const double quota = model_total(paired, model, &ModelDeploymentInfo::quota_tokens_per_minute);
        if (quota < need) {
          add("FL004", {id(other->second), id(v)},
              id(other->second) + " has a quota of " + number(quota) + " tokens/min but must take over " +
                  number(need) + " tokens/min from " + id(v) + " when " + id(region) + " fails",
              "raise the quota of " + id(other->second) + " to at least " + number(need) +
                  " tokens/min and re-check it on a schedule (quota is reclaimed from idle regions)");
        }
      }
    }
  }

  // Sum of `field` over the deployments of `model` in `region` (its backend pool).
  double model_total(VertexId region, const std::string& model, double ModelDeploymentInfo::*field) const {
    double total = 0;
    for (VertexId v : members_of_kind(region, NodeKind::kModelDeployment)) {
      const auto& info = std::get<ModelDeploymentInfo>(graph_[v].details);
      if (info.model == model) total += info.*field;
    }
    return total;
  }

  // FL005, FL006
  void check_network_parity() {
    const auto compare = [&](std::string_view rule, std::string_view what, auto member) {
      for (const auto& [region, paired] : unordered_pairs_) {
        const auto& a = region_info(region).*member;
        const auto& b = region_info(paired).*member;
        const std::set<std::string> set_a(a.begin(), a.end());
        const std::set<std::string> set_b(b.begin(), b.end());
        std::vector<std::string> only_a;
        std::vector<std::string> only_b;
        std::set_difference(set_a.begin(), set_a.end(), set_b.begin(), set_b.end(), std::back_inserter(only_a));
        std::set_difference(set_b.begin(), set_b.end(), set_a.begin(), set_a.end(), std::back_inserter(only_b));
        if (only_a.empty() && only_b.empty()) continue;
        std::string message = std::string(what) + " differ between " + id(region) + " and " + id(paired) + ":";
        if (!only_a.empty()) message += " only in " + id(region) + ": " + join(only_a) + ";";
        if (!only_b.empty()) message += " only in " + id(paired) + ": " + join(only_b) + ";";
        message += " private traffic dies on failover";
        add(rule, {id(region), id(paired)}, message,
            "mirror the network exactly: create the missing " + std::string(what) + " in the other region");
      }
    };
    compare("FL005", "private endpoints", &RegionInfo::private_endpoints);
    compare("FL006", "private DNS zones", &RegionInfo::private_dns_zones);
  }

  // FL007, FL008
  void check_geography_and_residency() {
    for (VertexId region : topology_.nodes_of_kind(NodeKind::kRegion)) {
      const RegionInfo& info = region_info(region);
      if (!serves_models(region)) continue;
      if (info.paired_region.empty()) {
        add("FL007", {id(region)}, id(region) + " serves models but names no paired region to fail over to",
            "add a paired region in geography " + in_quotes(info.geography) + " (e.g. eastus2 with centralus)");
        continue;
      }
      const VertexId paired = *topology_.find(info.paired_region);
      const RegionInfo& other = region_info(paired);
      if (other.geography != info.geography) {
        add("FL007", {id(region), id(paired)},
            id(region) + " (" + info.geography + ") fails over to " + id(paired) + " in another geography (" +
                other.geography + ")",
            "pair with a region in the same geography so data residency and replication stay in-geo");
      }
      if (other.data_boundary != info.data_boundary) {
        add("FL008", {id(region), id(paired)},
            id(region) + " is inside data boundary " + in_quotes(info.data_boundary) + " but its paired region " +
                id(paired) + " is inside " + in_quotes(other.data_boundary) +
                ": failing over would move data out of the boundary",
            "pick a paired region inside the same data boundary");
      }
    }
  }

  // FL009
  void check_zone_promises() {
    for (VertexId v : boost::make_iterator_range(boost::vertices(graph_))) {
      const Node& node = graph_[v];
      bool is_promised = false;
      if (const auto* d = std::get_if<ModelDeploymentInfo>(&node.details)) is_promised = d->has_zone_redundant_sla;
      if (const auto* g = std::get_if<GatewayInfo>(&node.details)) is_promised = g->has_zone_redundant_sla;
      if (const auto* s = std::get_if<DataStoreInfo>(&node.details)) is_promised = s->has_zone_redundant_sla;
      if (is_promised && node.zones.size() < 2) {
        add("FL009", {node.id},
            node.id + " promises a zone-redundant SLA but spans " + std::to_string(node.zones.size()) +
                " zone(s): one zone outage takes it down",
            "spread " + node.id + " over at least two zones of " + node.region +
                ", or drop the zone-redundant promise");
      }
    }
  }

  // FL010, FL011, FL026
  void check_agents() {
    for (VertexId v : topology_.nodes_of_kind(NodeKind::kAgentService)) {
      const auto& info = std::get<AgentServiceInfo>(graph_[v].details);
      if (!info.is_threads_persisted) {
        add("FL010", {id(v)}, id(v) + " does not persist threads: every in-flight conversation is lost on failover",
            "persist thread state to a geo-replicated store on every turn and rehydrate after failover");
      } else if (const auto store = topology_.find(info.thread_store); store && !has_cross_region_replica(*store)) {
        add("FL011", {id(v), info.thread_store},
            id(v) + " persists threads to " + info.thread_store + ", which has no replica in another region",
            "add a replication link from " + info.thread_store + " to a store in the paired region");
      }
      if (!info.has_definitions_in_source_control) {
        add("FL026", {id(v)},
            id(v) + " has no agent definitions in source control: agents are recreated, not failed over",
            "keep instructions, tools, model bindings and policies as code and set definitions_in_source_control");
      }
    }
  }

  // FL012
  void check_vaults() {
    for (const auto& [region, paired] : directed_pairs_) {
      for (NodeKind kind : {NodeKind::kKeyVault, NodeKind::kHsm}) {
        const std::vector<VertexId> here = members_of_kind(region, kind);
        if (here.empty()) continue;
        std::set<std::string> there_secrets;
        const std::vector<VertexId> there = members_of_kind(paired, kind);
        for (VertexId v : there) {
          const auto& s = std::get<DataStoreInfo>(graph_[v].details).secrets;
          there_secrets.insert(s.begin(), s.end());
        }
        for (VertexId v : here) {
          std::vector<std::string> missing;
          for (const std::string& secret : std::get<DataStoreInfo>(graph_[v].details).secrets) {
            if (there_secrets.count(secret) == 0) missing.push_back(secret);
          }
          if (there.empty()) {
            add("FL012", {id(v), id(paired)},
                id(paired) + " has no " + std::string(to_string(kind)) + " while " + id(v) + " holds what " +
                    id(region) + " needs",
                "create a " + std::string(to_string(kind)) + " in " + id(paired) + " and synchronise its content");
          } else if (!missing.empty()) {
            add("FL012", {id(v), id(there.front())},
                "missing in " + id(paired) + ": " + join(missing) + " (present in " + id(v) + ")",
                "synchronise secrets and keys to the vault of " + id(paired) + " and check it on a schedule");
          }
        }
      }
    }
  }

  // FL013, FL014, FL021
  void check_replicated_stores() {
    const auto check = [&](NodeKind kind, std::string_view rule, std::string_view fix) {
      for (VertexId v : topology_.nodes_of_kind(kind)) {
        if (has_cross_region_replica(v)) continue;
        add(rule, {id(v)}, id(v) + " (" + std::string(to_string(kind)) + ") has no replica in another region",
            std::string(fix));
      }
    };
    check(NodeKind::kContainerRegistry, "FL013",
          "enable geo-replication to the paired region (a replication link), or plan a re-push on failover");
    check(NodeKind::kSearchIndex, "FL014",
          "keep a secondary index in the paired region (write to both or rebuild on a schedule)");
    check(NodeKind::kHsm, "FL021", "replicate the managed HSM to one additional region (both regions active)");
  }

  // FL015
  void check_versions() {
    for (VertexId v : topology_.nodes_of_kind(NodeKind::kModelDeployment)) {
      std::string version = std::get<ModelDeploymentInfo>(graph_[v].details).version;
      std::transform(version.begin(), version.end(), version.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      const bool is_floating = version == "latest" || version == "default" || version == "auto" ||
                               version == "auto-update" || version.find('*') != std::string::npos;
      if (is_floating) {
        add("FL015", {id(v)},
            id(v) + " uses the floating version " +
                in_quotes(std::get<ModelDeploymentInfo>(graph_[v].details).version) +
                ": the regions can silently drift apart",
            "pin an explicit model version in IaC");
      }
    }
  }

  // FL016, FL017
  void check_global_entry() {
    for (VertexId v : topology_.nodes_of_kind(NodeKind::kGlobalEntry)) {
      const auto& info = std::get<GlobalEntryInfo>(graph_[v].details);
      if (!info.health_probe) {
        add("FL016", {id(v)}, id(v) + " has no health probe: it keeps routing to a dead region",
            "add a health_probe on the gateways' health endpoint (e.g. every 30s, sample size 4, 3 required)");
        continue;
      }
      for (const Origin& origin : info.origins) {
        const auto& gateway = std::get<GatewayInfo>(topology_.node(origin.gateway).details);
        if (gateway.health_endpoint.empty()) {
          add("FL017", {id(v), origin.gateway},
              origin.gateway + " has no health endpoint, so the probe of " + id(v) + " checks nothing behind it",
              "give " + origin.gateway + " a health endpoint that checks its backend and probe it");
        } else if (gateway.health_endpoint != info.health_probe->path) {
          add("FL017", {id(v), origin.gateway},
              id(v) + " probes " + in_quotes(info.health_probe->path) + " but " + origin.gateway +
                  " serves its health at " + in_quotes(gateway.health_endpoint),
              "probe the gateways' health endpoint path");
        }
      }
    }
  }

  // FL018
  void check_serving_regions() {
    std::vector<std::string> serving;
    for (VertexId region : topology_.nodes_of_kind(NodeKind::kRegion)) {
      if (serves_models(region)) serving.push_back(id(region));
    }
    if (serving.size() < 2) {
      add("FL018", serving,
          "model deployments exist in " + std::to_string(serving.size()) +
              " region(s): a region outage is a full outage",
          "deploy identical model deployments in a second region of the same geography");
    }
  }

  // FL019, FL020
  void check_databases() {
    for (VertexId v : topology_.nodes_of_kind(NodeKind::kDatabase)) {
      const auto& info = std::get<DataStoreInfo>(graph_[v].details);
      if (info.consistency == "strong" && info.has_multi_region_writes) {
        add("FL019", {id(v)},
            id(v) + " asks for strong consistency with multi-region writes, which Cosmos DB does not allow",
            "use one write region with strong consistency, or a weaker consistency with multi-region writes");
      }
      const bool is_replicated = has_cross_region_replica(v);
      if (is_replicated && !info.has_automatic_failover && !info.has_multi_region_writes) {
        bool is_source = false;
        for (const EdgeId& e : boost::make_iterator_range(boost::out_edges(v, graph_))) {
          is_source = is_source || graph_[e].kind == EdgeKind::kReplication;
        }
        if (is_source) {
          add("FL020", {id(v)},
              id(v) +
                  " is replicated but has no automatic failover: writes stay unavailable for the whole region outage",
              "enable service-managed (automatic) failover, or script the promotion in the runbook");
        }
      }
    }
  }

  // FL022
  void check_client_boundaries() {
    for (VertexId client : topology_.nodes_of_kind(NodeKind::kClient)) {
      const auto& info = std::get<ClientInfo>(graph_[client].details);
      if (info.data_boundary.empty()) continue;
      std::vector<std::string> inside;
      for (VertexId region : topology_.nodes_of_kind(NodeKind::kRegion)) {
        if (region_info(region).data_boundary == info.data_boundary && serves_models(region))
          inside.push_back(id(region));
      }
      if (inside.size() < 2) {
        std::vector<std::string> nodes = {id(client)};
        nodes.insert(nodes.end(), inside.begin(), inside.end());
        add("FL022", nodes,
            id(client) + " must stay inside " + in_quotes(info.data_boundary) + " but only " +
                std::to_string(inside.size()) + " region(s) there serve models: failover is impossible",
            "deploy the models in a second region inside " + in_quotes(info.data_boundary));
      }
    }
  }

  // FL023, FL024
  void check_deployment_types() {
    for (VertexId v : topology_.nodes_of_kind(NodeKind::kModelDeployment)) {
      const auto& info = std::get<ModelDeploymentInfo>(graph_[v].details);
      const RegionInfo& region = region_info(*topology_.find(graph_[v].region));
      if (info.deployment_type == DeploymentType::kGlobalStandard && !region.data_boundary.empty()) {
        add("FL023", {id(v)},
            id(v) + " is global_standard in " + graph_[v].region + " (boundary " + in_quotes(region.data_boundary) +
                "): prompts may be processed in any region",
            "use data_zone_standard, standard or a regional provisioned deployment");
      }
      if (info.deployment_type == DeploymentType::kDeveloper) {
        add("FL024", {id(v)}, id(v) + " is a developer deployment, which has no SLA",
            "use standard, data_zone_standard or provisioned for traffic that matters");
      }
    }
  }

  // FL025
  void check_gateways() {
    for (VertexId v : topology_.nodes_of_kind(NodeKind::kModelDeployment)) {
      bool is_behind_gateway = false;
      for (const EdgeId& e : boost::make_iterator_range(boost::in_edges(v, graph_))) {
        is_behind_gateway = is_behind_gateway || graph_[boost::source(e, graph_)].kind == NodeKind::kGateway;
      }
      if (!is_behind_gateway) {
        add("FL025", {id(v)}, id(v) + " is behind no gateway: no circuit breaker or failover in front of it",
            "list it in the backends of the regional gateway");
      }
    }
  }

  const Topology& topology_;
  const TopologyGraph& graph_;
  std::map<std::string, LintRule> rules_;
  std::vector<std::pair<VertexId, VertexId>> directed_pairs_;
  std::vector<std::pair<VertexId, VertexId>> unordered_pairs_;
  std::vector<LintFinding> findings_;
};

}  // namespace

std::vector<LintFinding> lint(const Topology& topology) { return LintRun(topology).run(); }

bool has_errors(const std::vector<LintFinding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const LintFinding& f) { return f.severity == Severity::kError; });
}

}  // namespace faultline::topology
