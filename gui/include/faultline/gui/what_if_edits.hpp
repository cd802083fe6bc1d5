#pragma once
// What-if edits of a pattern's data stores and runbook, kept out of the ImGui
// code so they are tested headless. Each function edits the what-if copy of a
// scenario; the GUI re-runs it through the engine as for any other edit.

#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "faultline/engine/model/scenario.hpp"

namespace faultline::gui {

/// Replication lag of `replication`, s: the mean of its lag distribution (`lag_s`) when it has one,
/// else its fixed lag. The one place that reads the lag.
double replication_lag_s(const engine::StoreReplication& replication);
/// Sets a fixed replication lag of `seconds` (>= 0, to the microsecond); an edited lag is exact, so a
/// lag distribution is dropped. The one place that writes the lag.
void set_replication_lag_s(engine::StoreReplication& replication, double seconds);
/// The lag distribution as text ("exponential(mean=30)"), or "" when the lag is fixed.
std::string describe_replication_lag(const engine::StoreReplication& replication);

/// Time between restorable copies (backup_restore, scheduled_rebuild), s.
double backup_interval_s(const engine::StoreReplication& replication);
/// Sets the time between restorable copies to `seconds` (>= 0, to the microsecond).
void set_backup_interval_s(engine::StoreReplication& replication, double seconds);

/// Every replication mode, in enum order (for a combo box; names from topology::to_string).
constexpr std::array<topology::ReplicationMode, 4> kReplicationModes{
    topology::ReplicationMode::kSync, topology::ReplicationMode::kAsync, topology::ReplicationMode::kBackupRestore,
    topology::ReplicationMode::kScheduledRebuild};

/// Sets the replication mode; a periodic mode (backup_restore, scheduled_rebuild) without an
/// interval gets 1 h, so that a mode switch alone never makes the scenario invalid.
void set_replication_mode(engine::StoreReplication& replication, topology::ReplicationMode mode);

/// The loader's rules for one store's replication as edited ("" when valid): lag and interval
/// at most 7 days, a periodic mode needs an interval > 0 (the engine divides by it).
std::string find_replication_error(const engine::StoreReplication& replication);

/// Mean duration of one attempt of `step`, s.
double step_duration_s(const engine::RunbookStep& step);

/// Applies `edit` to a copy of step `index` of `runbook` and rebuilds the runbook with
/// Runbook::create; returns the problem (the runbook is then unchanged), or "" when done.
std::string edit_runbook_step(engine::Runbook& runbook, std::size_t index,
                              const std::function<void(engine::RunbookStep&)>& edit);

/// Sets one attempt of step `index` to take exactly `seconds` (>= 0): the value replaces the
/// step's duration distribution by a constant. Returns the problem, or "" when done.
std::string set_step_duration_s(engine::Runbook& runbook, std::size_t index, double seconds);

}  // namespace faultline::gui
