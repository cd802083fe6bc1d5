#pragma once
// Internal: the pattern presets (seeds/003 decision table: Hot/Hot near-zero RTO,
// Hot/Warm minutes, Hot/Cold hours) and their default stores and runbooks, as
// data. Values are faultline defaults, stated in docs/scenarios.md.

#include <chrono>
#include <string>
#include <string_view>

#include "faultline/engine/model/runbook.hpp"
#include "faultline/engine/model/scenario.hpp"
#include "faultline/topology/topology.hpp"

namespace faultline::engine {

/// One preset's pattern keys.
struct PatternPreset {
  std::string_view name;
  bool is_active_active;
  double standby_fraction;
  std::chrono::microseconds trigger_delay;
  std::chrono::microseconds time_to_capacity;
  std::chrono::microseconds warmup;
  std::chrono::microseconds cold_cache_latency;
};

/// The preset called `name` ("hot-hot", "hot-warm", "hot-cold"), or null.
const PatternPreset* find_preset(std::string_view name);

/// Fills spec.stores with the replication of every store holding workload data, by preset.
void set_default_stores(const topology::Topology& topo, const std::string& preset, PatternSpec& spec);

/// The default runbook of `preset` (empty for hot-hot and custom patterns).
Runbook preset_runbook(const std::string& preset);

}  // namespace faultline::engine
