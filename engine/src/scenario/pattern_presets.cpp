#include "scenario/pattern_presets.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <variant>

#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/topology/lowest_latency_path.hpp"

namespace faultline::engine {
namespace {

using topology::NodeKind;

constexpr PatternPreset kPresets[] = {
    {"hot-hot", true, 1.0, std::chrono::seconds(0), std::chrono::seconds(0), std::chrono::seconds(0),
     std::chrono::seconds(0)},
    {"hot-warm", false, 0.25, std::chrono::seconds(0), std::chrono::minutes(10), std::chrono::minutes(5),
     std::chrono::milliseconds(200)},
    // Hot/Cold capacity arrives when the runbook's deploy_models ends (35 min), then ramps for 10 min.
    {"hot-cold", false, 0.0, std::chrono::minutes(15), std::chrono::minutes(10), std::chrono::minutes(10),
     std::chrono::milliseconds(200)},
};

RunbookStep make_step(const char* id, StepKind kind, double minutes, std::vector<std::string> after) {
  RunbookStep step;
  step.id = id;
  step.kind = kind;
  step.duration_s = Distribution::constant(minutes * 60);
  step.after = std::move(after);
  return step;
}

}  // namespace

const PatternPreset* find_preset(std::string_view name) {
  for (const PatternPreset& preset : kPresets) {
    if (preset.name == name) return &preset;
  }
  return nullptr;
}

// Replication of every store holding workload data (databases, object
// storage) with a replication link, as the topology says; Hot/Cold restores
// from backups instead (seeds/003 data-layer table). Search indexes are
// rebuilt from source and vaults/registries hold configuration: they lose no
// acknowledged writes, so they carry no RPO (lint checks their readiness).
void set_default_stores(const topology::Topology& topo, const std::string& preset, PatternSpec& spec) {
  const auto& g = topo.graph();
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const topology::Edge& e = g[*it];
    if (e.kind != topology::EdgeKind::kReplication) continue;
    const topology::Node& source = g[boost::source(*it, g)];
    if (source.kind != NodeKind::kDatabase && source.kind != NodeKind::kObjectStorage) continue;
    StoreReplication r{e.replication_mode, e.lag, e.lag, std::nullopt};
    if (preset == "hot-cold") {
      const auto* info = std::get_if<topology::DataStoreInfo>(&source.details);
      // Cosmos DB continuous backup every 100 s; other stores periodic, hourly (domain-facts).
      const bool is_continuous = info != nullptr && info->service == "cosmos_db";
      r = StoreReplication{topology::ReplicationMode::kBackupRestore, SimDuration{0},
                           is_continuous ? seconds(100) : seconds(3600), std::nullopt};
    }
    spec.stores[source.id] = r;
  }
}

// seeds/003 failover.py: warm = promote data layer, recreate agents, validate;
// cold = deploy missing resources first. Durations are faultline defaults (docs/scenarios.md).
Runbook preset_runbook(const std::string& preset) {
  std::vector<RunbookStep> steps;
  if (preset == "hot-warm") {
    steps = {make_step("alert", StepKind::kAlert, 2, {}),
             make_step("promote_database", StepKind::kPromoteDatabase, 5, {"alert"}),
             make_step("recreate_agents", StepKind::kRecreateAgents, 3, {"alert"}),
             make_step("rehydrate_threads", StepKind::kRehydrateThreads, 2, {"recreate_agents"}),
             make_step("validate", StepKind::kValidate, 2, {"promote_database", "rehydrate_threads"})};
  } else if (preset == "hot-cold") {
    steps = {make_step("deploy_infrastructure", StepKind::kDeployInfrastructure, 20, {}),
             make_step("deploy_models", StepKind::kDeployModels, 15, {"deploy_infrastructure"}),
             make_step("restore_database", StepKind::kRestoreFromBackup, 30, {"deploy_infrastructure"}),
             make_step("rebuild_search_index", StepKind::kRebuildSearchIndex, 30, {"deploy_infrastructure"}),
             make_step("recreate_agents", StepKind::kRecreateAgents, 3, {"deploy_models"}),
             make_step("warm_gpu_caches", StepKind::kWarmGpuCaches, 10, {"deploy_models"}),
             make_step("validate", StepKind::kValidate, 5,
                       {"warm_gpu_caches", "restore_database", "rebuild_search_index", "recreate_agents"})};
  }
  std::string error;
  return Runbook::create(std::move(steps), error).value_or(Runbook{});
}

router::RouterConfig default_router_config(const topology::Topology& topo, bool is_active_active) {
  router::RouterConfig config;
  const auto entries = topo.nodes_of_kind(NodeKind::kGlobalEntry);
  if (entries.empty()) return config;
  const auto& entry = std::get<topology::GlobalEntryInfo>(topo.node(entries.front()).details);
  // Active/active spreads over every origin by weight: the latency sensitivity at Front Door's
  // largest additional latency (1,000 ms), so probe round trips from one vantage exclude none.
  if (is_active_active) config.selection.latency_band = std::chrono::milliseconds(1000);
  for (const topology::Origin& origin : entry.origins) {
    const topology::Node& gateway = topo.node(origin.gateway);
    router::EndpointConfig e;
    e.name = gateway.region;
    e.priority = is_active_active ? 1 : origin.priority;
    e.weight = origin.weight;
    const auto& region = std::get<topology::RegionInfo>(topo.node(gateway.region).details);
    if (!region.data_boundary.empty()) e.boundary = region.data_boundary;
    std::int64_t best = std::numeric_limits<std::int64_t>::max();
    for (auto v : topo.nodes_of_kind(NodeKind::kClient)) {
      const auto path = topology::lowest_latency_path(topo, topo.node(v).id, gateway.region);
      if (path.is_found) best = std::min<std::int64_t>(best, path.latency.count());
    }
    e.latency = router::Micros{best == std::numeric_limits<std::int64_t>::max() ? 0 : best};
    config.endpoints.push_back(e);
  }
  if (entry.health_probe) {
    router::ProbeConfig probe;
    probe.interval = entry.health_probe->interval;
    probe.sample_size = entry.health_probe->sample_size;
    probe.successful_samples_required = entry.health_probe->successful_samples_required;
    // Front Door has no configurable timeout (the router's default stands); Traffic Manager's is 5-10 s.
    if (entry.is_traffic_manager()) probe.timeout = entry.health_probe->timeout;
    config.probe = probe;
  }
  return config;
}

}  // namespace faultline::engine
