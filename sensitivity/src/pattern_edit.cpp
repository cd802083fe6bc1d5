#include "faultline/sensitivity/pattern_edit.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <variant>

#include "faultline/engine/kernel/sim_time.hpp"
#include "faultline/router/router_config.hpp"
#include "faultline/topology/replication_mode.hpp"

namespace faultline::sensitivity {
namespace {

using topology::ReplicationMode;

std::int64_t whole(double v) { return static_cast<std::int64_t>(std::llround(v)); }

bool has_mode(const engine::PatternSpec& pattern, bool (*predicate)(ReplicationMode)) {
  return std::any_of(pattern.stores.begin(), pattern.stores.end(),
                     [&](const auto& entry) { return predicate(entry.second.mode); });
}

// A database the service promotes on its own (Cosmos DB service-managed failover) that the pattern keeps a live copy
// of.
bool has_service_managed_failover(const engine::Scenario& scenario, const engine::PatternSpec& pattern) {
  for (const auto& [id, replication] : pattern.stores) {
    if (replication.mode != ReplicationMode::kSync && replication.mode != ReplicationMode::kAsync) continue;
    const auto vertex = scenario.topology->find(id);
    if (!vertex) continue;
    const topology::Node& node = scenario.topology->node(*vertex);
    const auto* info = std::get_if<topology::DataStoreInfo>(&node.details);
    if (node.kind == topology::NodeKind::kDatabase && info != nullptr && info->has_automatic_failover) return true;
  }
  return false;
}

double lag_s(const engine::StoreReplication& r) { return r.lag_s ? r.lag_s->mean() : engine::to_seconds(r.lag); }

// The largest of `value(store)` over the pattern's stores in a mode `predicate` accepts.
template <typename Value>
double largest(const engine::PatternSpec& pattern, bool (*predicate)(ReplicationMode), const Value& value) {
  double out = 0;
  for (const auto& [id, r] : pattern.stores) {
    if (predicate(r.mode)) out = std::max(out, value(r));
  }
  return out;
}

bool is_async(ReplicationMode mode) { return mode == ReplicationMode::kAsync; }

std::string scale_runbook(engine::Runbook& runbook, double factor) {
  std::vector<engine::RunbookStep> steps = runbook.steps();
  for (engine::RunbookStep& step : steps) step.duration_s = step.duration_s.scaled(factor);
  std::string error;
  std::optional<engine::Runbook> rebuilt = engine::Runbook::create(std::move(steps), error);
  if (!rebuilt) return "runbook: " + error;
  runbook = std::move(*rebuilt);
  return {};
}

// The edits of the router's sections; false when `id` is not a router parameter.
bool apply_router_value(ParameterId id, double value, router::RouterConfig& router) {
  switch (id) {
    case ParameterId::kProbeInterval:
      router.probe->interval = engine::from_seconds(value);
      return true;
    case ParameterId::kProbeSampleSize:
      router.probe->sample_size = whole(value);
      return true;
    case ParameterId::kProbeRequired:
      router.probe->successful_samples_required = whole(value);
      return true;
    case ParameterId::kBreakerFailureRate:
      router.breaker->failure_rate_threshold = value;
      return true;
    case ParameterId::kBreakerMinimumCalls:
      router.breaker->minimum_calls = whole(value);
      return true;
    case ParameterId::kBreakerOpenWait:
      router.breaker->open_wait = engine::from_seconds(value);
      return true;
    case ParameterId::kFailoverValidateFor:
      router.failover->validate_for = engine::from_seconds(value);
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string not_applicable_reason(ParameterId id, const engine::Scenario& scenario,
                                  const engine::PatternSpec& pattern) {
  switch (id) {
    case ParameterId::kProbeInterval:
    case ParameterId::kProbeSampleSize:
      return pattern.router.probe ? "" : "the pattern's router has no probe section";
    case ParameterId::kProbeRequired:
      if (!pattern.router.probe) return "the pattern's router has no probe section";
      return pattern.router.probe->sample_size > 1 ? "" : "n = 1: x can only be 1";
    case ParameterId::kBreakerFailureRate:
    case ParameterId::kBreakerMinimumCalls:
    case ParameterId::kBreakerOpenWait:
      return pattern.router.breaker ? "" : "the pattern's router has no breaker section";
    case ParameterId::kFailoverValidateFor:
      return pattern.router.failover ? "" : "the pattern's router has no failover controller";
    case ParameterId::kStandbyFraction:
      if (pattern.is_active_active) return "active/active: every region is live, nothing is on standby";
      return pattern.standby_fraction > 0 ? "" : "nothing runs on standby (a standby would make it another pattern)";
    case ParameterId::kTriggerDelay:
    case ParameterId::kTimeToCapacity:
      return pattern.is_active_active ? "active/active: no standby to scale up" : "";
    case ParameterId::kRunbookDurationScale:
      return pattern.runbook.empty() ? "the pattern has no runbook" : "";
    case ParameterId::kReplicationLag:
      return has_mode(pattern, is_async) ? "" : "no store is replicated asynchronously";
    case ParameterId::kBackupInterval:
      return has_mode(pattern, topology::is_periodic) ? "" : "no store is restored from periodic copies";
    case ParameterId::kAutomaticFailoverDelay:
      return has_service_managed_failover(scenario, pattern) ? ""
                                                             : "no replicated database has service-managed failover";
  }
  return "unknown parameter";
}

double base_value(ParameterId id, const engine::Scenario& /*scenario*/, const engine::PatternSpec& pattern) {
  const router::RouterConfig& r = pattern.router;
  switch (id) {
    case ParameterId::kProbeInterval:
      return engine::to_seconds(r.probe->interval);
    case ParameterId::kProbeSampleSize:
      return static_cast<double>(r.probe->sample_size);
    case ParameterId::kProbeRequired:
      return static_cast<double>(r.probe->successful_samples_required);
    case ParameterId::kBreakerFailureRate:
      return r.breaker->failure_rate_threshold;
    case ParameterId::kBreakerMinimumCalls:
      return static_cast<double>(r.breaker->minimum_calls);
    case ParameterId::kBreakerOpenWait:
      return engine::to_seconds(r.breaker->open_wait);
    case ParameterId::kFailoverValidateFor:
      return engine::to_seconds(r.failover->validate_for);
    case ParameterId::kStandbyFraction:
      return pattern.standby_fraction;
    case ParameterId::kTriggerDelay:
      return engine::to_seconds(pattern.trigger_delay);
    case ParameterId::kTimeToCapacity:
      return engine::to_seconds(pattern.time_to_capacity);
    case ParameterId::kRunbookDurationScale:
      return 1.0;
    case ParameterId::kReplicationLag:
      return largest(pattern, is_async, lag_s);
    case ParameterId::kBackupInterval:
      return largest(pattern, topology::is_periodic,
                     [](const engine::StoreReplication& s) { return engine::to_seconds(s.backup_interval); });
    case ParameterId::kAutomaticFailoverDelay:
      return pattern.automatic_failover_delay_s ? pattern.automatic_failover_delay_s->mean()
                                                : engine::to_seconds(pattern.automatic_failover_delay);
  }
  return 0;
}

std::pair<double, double> default_range(ParameterId id, const engine::PatternSpec& pattern) {
  if (id == ParameterId::kProbeSampleSize) {
    const auto n = static_cast<double>(pattern.router.probe->sample_size);
    const auto x = static_cast<double>(pattern.router.probe->successful_samples_required);
    return {std::max({x, n - 2, 1.0}), std::min(n + 2, 64.0)};
  }
  if (id == ParameterId::kProbeRequired) return {1, static_cast<double>(pattern.router.probe->sample_size)};
  const ParameterInfo& info = parameter_info(id);
  return {info.default_low, info.default_high};
}

std::string apply_value(ParameterId id, double value, const engine::Scenario& /*scenario*/,
                        engine::PatternSpec& pattern) {
  if (apply_router_value(id, value, pattern.router)) {
    if (const auto error = router::find_config_error(pattern.router))
      return "router " + error->path + ": " + error->message;
    return {};
  }
  switch (id) {
    case ParameterId::kStandbyFraction:
      pattern.standby_fraction = value;
      break;
    case ParameterId::kTriggerDelay:
      pattern.trigger_delay = engine::from_seconds(value);
      break;
    case ParameterId::kTimeToCapacity:
      pattern.time_to_capacity = engine::from_seconds(value);
      break;
    case ParameterId::kRunbookDurationScale:
      return scale_runbook(pattern.runbook, value);
    case ParameterId::kReplicationLag:
      for (auto& [store, r] : pattern.stores) {
        if (r.mode != ReplicationMode::kAsync) continue;
        r.lag = engine::from_seconds(value);
        r.lag_s.reset();  // an exact lag replaces a drawn one, as in the GUI's what-if
      }
      break;
    case ParameterId::kBackupInterval:
      for (auto& [store, r] : pattern.stores) {
        if (topology::is_periodic(r.mode)) r.backup_interval = engine::from_seconds(value);
      }
      break;
    case ParameterId::kAutomaticFailoverDelay:
      pattern.automatic_failover_delay = engine::from_seconds(value);
      pattern.automatic_failover_delay_s.reset();
      break;
    default:
      break;
  }
  return {};
}

}  // namespace faultline::sensitivity
