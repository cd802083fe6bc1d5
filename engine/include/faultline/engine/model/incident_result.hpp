#pragma once
// One incident of a pattern's run, as the result contract reports it (plain data).
// The parts beyond DESIGN's v1 keys (runbook_steps, stores, failback, work) are
// additions to v1: readers ignore what they do not know.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace faultline::engine {

/// One runbook step as it ran in an incident; times in seconds from the fault's start.
struct RunbookStepResult {
  std::string id;            ///< step id from the runbook
  std::string kind;          ///< step kind, file spelling ("deploy_models", ...)
  double start_s = 0.0;      ///< first attempt starts, s from fault start
  double end_s = 0.0;        ///< last attempt ends, s from fault start
  int attempts = 0;          ///< attempts made (0: never started, a step before it failed)
  bool is_failed = false;    ///< every attempt failed (JSON "failed")
  bool is_critical = false;  ///< on the runbook's critical path (JSON "critical")

  friend bool operator==(const RunbookStepResult&, const RunbookStepResult&) = default;
};

/// What one data store's promoted copy lacks at the fault (DESIGN: RPO per store).
struct StoreLossResult {
  std::string store;   ///< data store node id
  std::string mode;    ///< replication mode ("sync", "async", "backup_restore", "scheduled_rebuild", "single_region")
  double rpo_s = 0.0;  ///< age of the oldest acknowledged write the copy lacks, s
  std::uint64_t lost_writes = 0;     ///< acknowledged writes the copy lacks
  std::optional<double> promoted_s;  ///< fault start -> the copy takes writes, s; null: not promoted in the run
  /// The mode's worst case, s: 0 sync, the lag (or the lag distribution's largest value) async, the copy
  /// interval for backups; null: the lag distribution is unbounded (addition to v1).
  std::optional<double> rpo_worst_s;
  /// The mode's expected RPO over fault instants, s: the lag's mean async, half the copy interval for backups.
  std::optional<double> rpo_expected_s;

  friend bool operator==(const StoreLossResult&, const StoreLossResult&) = default;
};

/// The return to the primary after the fault ended (seeds/003 "Fail back"; seeds/004 hold-down).
struct FailbackResult {
  double fault_end_s = 0.0;              ///< fault duration: the primary is back, s from fault start
  std::optional<double> traffic_back_s;  ///< first request served by a recovered region again, s from fault start
  std::optional<double> resync_s;        ///< re-sync of writes taken by the secondary back to the primary, s
  std::optional<double> complete_s;      ///< failback complete (traffic back and data re-synced), s from fault start
  std::uint64_t failed_requests = 0;     ///< requests that failed between fault end and failback complete
  double write_pause_s = 0.0;            ///< writes refused while the write region moves back, s

  friend bool operator==(const FailbackResult&, const FailbackResult&) = default;
};

/// Work lost beyond requests and writes (DESIGN: threads for agents, GPU-hours for training).
struct WorkLossResult {
  std::uint64_t agent_threads_lost = 0;        ///< open agent threads not persisted to a surviving store
  std::uint64_t agent_threads_rehydrated = 0;  ///< persisted threads loaded into recreated agents
  double training_gpu_hours_lost = 0.0;        ///< GPU-hours since the last usable checkpoint, redone
  double training_cost_usd_lost = 0.0;         ///< the same at the pool's GPU-hour price, USD
  std::optional<double> training_resumed_s;  ///< fault start -> training runs again, s (may pass the run's end); null:
                                             ///< its fault lasts to the end
  std::uint64_t rag_documents_redone = 0;    ///< documents ingested since the last checkpoint, ingested again

  friend bool operator==(const WorkLossResult&, const WorkLossResult&) = default;
};

/// One phase of an incident's RTO (addition to v1): [start_s, end_s) in s from the fault's start. The
/// phases of an incident are contiguous, start at 0 and end at its rto_s (docs/metrics.md, "RTO phases").
struct RtoPhaseResult {
  std::string phase;     ///< phase id ("undetected", "switching", "database_promotion", ...; rto_phases.hpp)
  double start_s = 0.0;  ///< phase starts, s from fault start
  double end_s = 0.0;    ///< phase ends, s from fault start
  std::string cause;     ///< what the engine saw binding traffic then, in words

  friend bool operator==(const RtoPhaseResult&, const RtoPhaseResult&) = default;
};

/// An incident in faultline.result/v1 `patterns[].incidents[]`. Times are seconds
/// from the start of the run (start_s) or from the fault's start (all others);
/// nullopt is JSON null (the part never happened or does not apply).
struct IncidentResult {
  std::string fault;                      ///< fault name from the scenario
  std::string fault_type;                 ///< its type, file spelling ("region_outage", ...) (addition to v1)
  double start_s = 0.0;                   ///< fault start, s since run start
  double rto_s = 0.0;                     ///< recovery time, s (run or next fault bound when !recovered)
  bool recovered = false;                 ///< false: still below threshold at the next fault / run end
  double pre_incident_ratio = 1.0;        ///< success ratio the recovery threshold is relative to
  std::optional<double> rpo_s;            ///< worst data store's RPO, s; filled by the data model
  std::optional<double> detect_s;         ///< fault start -> first detection, s
  std::optional<double> switch_s;         ///< fault start -> traffic switched, s
  std::optional<double> runbook_s;        ///< runbook critical path duration, s
  std::optional<double> full_capacity_s;  ///< fault start -> full capacity restored, s
  std::uint64_t lost_writes = 0;          ///< acknowledged writes lost; filled by the data model
  double downtime_s = 0.0;           ///< s the window ratio was below threshold x pre-incident (down) (addition to v1)
  double degraded_s = 0.0;           ///< s below the pre-incident ratio but not down (addition to v1)
  double downtime_weighted_s = 0.0;  ///< failed-request-weighted downtime: sum of each second's failed share, s
  std::optional<double> availability;  ///< successful / offered while the fault lasted (null: nothing offered)
  double cost_usd = 0.0;               ///< this incident's cost: failures, downtime, lost writes and work, runbook, USD
  std::vector<RunbookStepResult> runbook_steps;  ///< the runbook as it ran (empty: no runbook ran)
  std::vector<StoreLossResult> stores;           ///< per data store the fault took down
  std::optional<FailbackResult> failback;        ///< null: the fault lasted to the end of the run
  WorkLossResult work;                           ///< agent threads, training and ingestion work lost
  std::vector<RtoPhaseResult> rto_phases;        ///< what bound the recovery, fault start -> RTO instant (empty: RTO 0)

  friend bool operator==(const IncidentResult&, const IncidentResult&) = default;
};

}  // namespace faultline::engine
