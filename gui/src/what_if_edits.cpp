#include "faultline/gui/what_if_edits.hpp"
#include "faultline/topology/replication_mode.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace faultline::gui {
namespace {

// Seconds edited in the view: never below 0.
engine::SimDuration to_duration(double seconds) { return engine::from_seconds(std::max(0.0, seconds)); }

}  // namespace

double replication_lag_s(const engine::StoreReplication& replication) {
  return replication.lag_s ? replication.lag_s->mean() : engine::to_seconds(replication.lag);
}

void set_replication_lag_s(engine::StoreReplication& replication, double seconds) {
  replication.lag = to_duration(seconds);
  replication.lag_s.reset();
}

std::string describe_replication_lag(const engine::StoreReplication& replication) {
  return replication.lag_s ? replication.lag_s->describe() : std::string();
}

double backup_interval_s(const engine::StoreReplication& replication) {
  return engine::to_seconds(replication.backup_interval);
}

void set_backup_interval_s(engine::StoreReplication& replication, double seconds) {
  replication.backup_interval = to_duration(seconds);
}

void set_replication_mode(engine::StoreReplication& replication, topology::ReplicationMode mode) {
  replication.mode = mode;
  if (topology::is_periodic(mode) && replication.backup_interval.count() <= 0)
    replication.backup_interval = engine::seconds(3600);
}

std::string find_replication_error(const engine::StoreReplication& replication) {
  const engine::SimDuration week = engine::seconds(7 * 86400);
  if (replication.lag.count() < 0 || replication.lag > week) return "replication lag must be 0 s to 7 days";
  if (replication.backup_interval.count() < 0 || replication.backup_interval > week) {
    return "backup interval must be 0 s to 7 days";
  }
  if (topology::is_periodic(replication.mode) && replication.backup_interval.count() == 0) {
    return std::string(topology::to_string(replication.mode)) + " needs a backup interval > 0 s";
  }
  return {};
}

double step_duration_s(const engine::RunbookStep& step) { return step.duration_s.mean(); }

std::string edit_runbook_step(engine::Runbook& runbook, std::size_t index,
                              const std::function<void(engine::RunbookStep&)>& edit) {
  std::vector<engine::RunbookStep> steps = runbook.steps();
  if (index >= steps.size()) {
    return "runbook step " + std::to_string(index) + ": no such step (the runbook has " + std::to_string(steps.size()) +
           ")";
  }
  edit(steps[index]);
  std::string error;
  std::optional<engine::Runbook> rebuilt = engine::Runbook::create(std::move(steps), error);
  if (!rebuilt) return error;
  runbook = std::move(*rebuilt);
  return {};
}

std::string set_step_duration_s(engine::Runbook& runbook, std::size_t index, double seconds) {
  return edit_runbook_step(runbook, index, [&](engine::RunbookStep& step) {
    step.duration_s = engine::Distribution::constant(std::max(0.0, seconds));
  });
}

}  // namespace faultline::gui
