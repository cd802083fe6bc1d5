#include "faultline/planner/reliability_defaults.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <string>

#include "faultline/topology/topology.hpp"

namespace faultline::planner {
namespace {

using engine::FaultType;

constexpr double kMinute = 60;
constexpr double kHour = 3600;

// The defaults, one row per component kind. docs/planner.md, "Defaults from published data",
// names each source, the figure taken and the derivation; change both together.
constexpr std::array kDefaults{
    // No provider SLA covers a whole region; public post-incident reviews of region-wide events
    // last hours with a long tail: 99.97 %, a 5.0 h mean repair about every 1.9 years.
    ReliabilityDefault{"region", FaultType::kRegionOutage, 0.9997, 4 * kHour, 12 * kHour,
                       "region: public cloud post-incident reviews (no region SLA)"},
    // Azure VM SLA: 99.99 % across two or more zones, 99.9 % for one instance; a zone between.
    ReliabilityDefault{"zone", FaultType::kZoneOutage, 0.9998, 1 * kHour, 4 * kHour,
                       "Azure VM SLA (99.99 % across zones, 99.9 % single instance)"},
    // Azure OpenAI SLA 99.9 %; repair hours-long (LLM status-page study, Chu et al., ICPE 2025).
    ReliabilityDefault{"model_deployment", FaultType::kGpuCapacityLoss, 0.999, 1 * kHour, 4 * kHour,
                       "Azure OpenAI SLA 99.9 %; LLM outage study (Chu et al. 2025)"},
    // API Management SLA 99.95 % (Standard/Premium).
    ReliabilityDefault{"gateway", FaultType::kGatewayFailure, 0.9995, 30 * kMinute, 2 * kHour,
                       "Azure API Management SLA 99.95 %"},
    // Azure Front Door SLA 99.99 %.
    ReliabilityDefault{"global_entry", FaultType::kGlobalEntryFailure, 0.9999, 30 * kMinute, 2 * kHour,
                       "Azure Front Door SLA 99.99 %"},
    // Cosmos DB / Azure SQL / Storage read SLAs of 99.99 % for one region.
    ReliabilityDefault{"data_store", FaultType::kDataStoreOutage, 0.9999, 1 * kHour, 4 * kHour,
                       "Cosmos DB / Azure SQL SLA 99.99 %"},
};

bool covers(const ReliabilityDefault& row, topology::NodeKind kind) {
  if (row.kinds == "data_store") return topology::is_data_store(kind);
  return row.kinds == topology::to_string(kind);
}

}  // namespace

std::span<const ReliabilityDefault> reliability_defaults() { return kDefaults; }

double default_mean_time_between_failures_s(const ReliabilityDefault& row) {
  const double repair_mean_s =
      engine::Distribution::lognormal_from_median_p95(row.repair_median_s, row.repair_p95_s).mean();
  return repair_mean_s * row.availability / (1.0 - row.availability);
}

ReliabilityModel default_reliability_model(const engine::Scenario& scenario) {
  ReliabilityModel model;
  if (!scenario.topology) return model;
  const auto& topo = *scenario.topology;
  for (const ReliabilityDefault& row : kDefaults) {
    for (int k = 0; k <= static_cast<int>(topology::NodeKind::kClient); ++k) {
      const auto kind = static_cast<topology::NodeKind>(k);
      if (!covers(row, kind)) continue;
      for (auto v : topo.nodes_of_kind(kind)) {
        ReliabilityComponent c;
        c.target = topo.node(v).id;
        c.fault = row.fault;
        c.name = c.target + "/" + std::string(engine::to_string(row.fault));
        c.time_between_failures = engine::Distribution::exponential(default_mean_time_between_failures_s(row));
        c.time_to_repair = engine::Distribution::lognormal_from_median_p95(row.repair_median_s, row.repair_p95_s);
        c.json_path = "(defaults: " + std::string(row.kinds) + ")";
        c.default_source = std::string(row.source);
        model.components.push_back(std::move(c));
      }
    }
  }
  return model;
}

std::string describe_defaults(const std::vector<std::string>& sources) {
  std::vector<std::pair<std::string, std::size_t>> groups;
  std::size_t count = 0;
  for (const std::string& s : sources) {
    if (s.empty()) continue;
    ++count;
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == s; });
    if (it == groups.end())
      groups.emplace_back(s, 1);
    else
      ++it->second;
  }
  if (count == 0) return {};
  std::string out = "defaulted: " + std::to_string(count) + " of " + std::to_string(sources.size()) +
                    " component(s) from published data (no reliability section; docs/planner.md):\n";
  for (const auto& [source, n] : groups) out += "  " + std::to_string(n) + " x " + source + "\n";
  return out + "\n";
}

std::vector<std::string> default_sources(const ReliabilityModel& model) {
  std::vector<std::string> out;
  for (const auto& c : model.components) out.push_back(c.default_source);
  return out;
}

}  // namespace faultline::planner
