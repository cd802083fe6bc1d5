#pragma once
// A validated scenario: the topology, the workload, the faults, the patterns to
// compare and the targets. Built only by ScenarioLoader (docs/scenarios.md).

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/model/arrival_process.hpp"
#include "faultline/engine/model/availability_counter.hpp"
#include "faultline/engine/kernel/distribution.hpp"
#include "faultline/engine/model/recovery_tracker.hpp"
#include "faultline/engine/model/runbook.hpp"
#include "faultline/engine/kernel/sim_time.hpp"
#include "faultline/router/router_config.hpp"
#include "faultline/topology/edge.hpp"
#include "faultline/topology/topology.hpp"

namespace faultline::engine {

/// What a workload class is (seeds: chat, agents, RAG ingestion, training).
enum class WorkloadKind { kChatInference, kAgentTurn, kRagIngestion, kTrainingJob };

/// A training job's GPUs and checkpoints (seeds/002: hub-spoke, checkpoints
/// streamed to a secondary region). A training job sends no requests.
struct TrainingSpec {
  std::string hub;                                  // region id where it trains
  std::string zone;                                 // zone id its pool is pinned to; empty: zone-redundant
  double gpus = 0;                                  // GPUs the job holds
  double gpu_hour_usd = 0;                          // price of one GPU-hour, USD
  SimDuration checkpoint_interval = seconds(1800);  // a checkpoint at every multiple since t = 0
  std::string stream_to;                            // region receiving streamed checkpoints; empty: none
  SimDuration stream_delay{0};                      // a checkpoint reaches stream_to this long after it is taken
  SimDuration resume_after = seconds(1800);  // cluster back + checkpoint loaded, after the move or the fault's end
};

/// A RAG ingestion worker (seeds/003): its requests carry document batches; it
/// persists its progress at every checkpoint and resumes from the last one.
struct IngestionSpec {
  std::string worker_region;                       // region id the worker runs in
  double documents_per_request = 1;                // documents one successful request ingests
  SimDuration checkpoint_interval = seconds(600);  // progress saved at every multiple since t = 0
  SimDuration resume_after = seconds(300);         // the worker restarts elsewhere this long after its region fails
};

/// One workload class and its traffic.
struct WorkloadSpec {
  std::string name;
  WorkloadKind kind = WorkloadKind::kChatInference;
  std::string model;  // model name the deployments serve
  ArrivalProcess arrivals = ArrivalProcess::poisson(1);
  Distribution prompt_tokens = Distribution::constant(500);
  Distribution completion_tokens = Distribution::constant(200);
  // The max_tokens each call sets; a provisioned (PTU) deployment charges prompt + max_tokens.
  // Absent: the call's completion tokens.
  std::optional<double> max_tokens;
  Distribution service_time_s = Distribution::lognormal_from_median_p95(1.5, 4.0);  // model time per call, s
  double writes_per_request = 0;  // acknowledged writes to the data layer per successful request
  std::vector<std::string>
      writes_to;         // data store ids those writes go to; empty: the default (docs/runbooks-and-data.md)
  std::string boundary;  // residency boundary of its data; empty = none (clients' boundaries apply)
  SimDuration latency_slo = seconds(10);   // a request meets the latency SLO when it finishes within this
  SimDuration timeout = seconds(30);       // a call not answered within this fails with status 0
  double open_threads = 0;                 // agent_turn: conversations open at any time (seeds/003 threads)
  std::optional<TrainingSpec> training;    // training_job only
  std::optional<IngestionSpec> ingestion;  // rag_ingestion only (optional)
};

/// The kinds of disruption a scenario can inject (issue 5's list).
enum class FaultType {
  kRegionOutage,
  kZoneOutage,
  kGpuCapacityLoss,
  kGrayFailure,
  kThrottling,
  kGatewayFailure,
  kGlobalEntryFailure,
  kDnsFailure,
  kQuotaReclaimed,
  kModelVersionDrift,
  kReplicationPartition,
  kDataStoreOutage,
};

/// One injected fault.
struct FaultSpec {
  std::string name;
  FaultType type = FaultType::kRegionOutage;
  std::string target;  // node id in the topology
  SimTime start;
  std::optional<SimDuration> duration;  // absent: lasts to the end of the run
  double fraction = 1.0;                // capacity lost (gpu_capacity_loss) or share of 429s (throttling)
  double error_rate = 0.0;              // gray failure: share of calls answered 500
  SimDuration added_latency{0};         // gray failure: extra latency per call
  SimDuration retry_after{-1};          // throttling: Retry-After sent with the 429s; negative: none
  /// End of the fault (kSimForever when it lasts to the end).
  [[nodiscard]] SimTime end() const { return duration ? start + *duration : kSimForever; }
};

/// How one data store's copy in the other region is kept under a pattern.
struct StoreReplication {
  topology::ReplicationMode mode = topology::ReplicationMode::kAsync;
  SimDuration lag{0};                 // async: replication lag (the RPO at failure)
  SimDuration backup_interval{0};     // backup_restore / scheduled_rebuild: time between restorable copies
  std::optional<Distribution> lag_s;  // async: lag drawn at each failure, s (replaces `lag` when set)
};

/// The return to the primary once its fault ends (seeds/003 "Fail back").
struct FailbackSpec {
  double resync_writes_per_s = 1000;      // writes taken by the promoted copy shipped back per second
  SimDuration write_pause = seconds(30);  // planned switch of the write region back: writes refused meanwhile
};

/// A failover pattern: what runs where before the outage and how it recovers.
struct PatternSpec {
  std::string name;                   // "hot-hot", "hot-warm", "hot-cold" or custom
  bool is_active_active = false;      // every origin at priority 1 (weighted) vs primary/secondary priorities
  double standby_fraction = 1.0;      // capacity of standby regions before failover (0..1)
  SimDuration trigger_delay{0};       // detection -> scale-up of the standby starts (alerting, approval)
  SimDuration time_to_capacity{0};    // scale-up from standby_fraction to full, linear
  SimDuration warmup{0};              // cold caches after capacity arrives
  SimDuration cold_cache_latency{0};  // extra latency per call while warming
  router::RouterConfig router;        // the global entry's router (replay-format keys)
  Runbook runbook;                    // runs from trigger + trigger_delay; empty: none
  SimDuration automatic_failover_delay = seconds(300);  // service-managed promotion after the fault starts
  // The delay as a distribution in seconds, drawn at each fault that waits for it (a partial
  // outage can take an hour or more); absent: the constant above.
  std::optional<Distribution> automatic_failover_delay_s;
  std::map<std::string, StoreReplication> stores;  // per source store id (replication links of the topology)
  FailbackSpec failback;
  bool is_gated = true;  // `gate`: false keeps the pattern for comparison; its missed targets fail nothing
  std::vector<std::string> unbuilt_regions;  // regions this pattern leaves empty (a plan's region pair): cost nothing
};

/// What an incident costs besides the runbook's execution cost.
struct CostRates {
  double per_failed_request_usd = 0;
  double per_downtime_minute_usd = 0;  // per minute of RTO
  double per_lost_write_usd = 0;
};

/// A target: a limit on one metric (lower is better except availability).
struct TargetSpec {
  std::optional<double> rto_s;
  std::optional<double> rpo_s;
  std::optional<double> availability;
  std::optional<double> monthly_cost_usd;
  std::optional<double> premium_usd;        // global only: monthly cost over the single-region baseline
  std::optional<double> incident_cost_usd;  // global: the run's incident cost; by fault: the worst incident's
};

/// A scenario, immutable once loaded.
struct Scenario {
  std::string name;
  std::string description;
  std::string file;           // scenario file path as given
  std::string topology_file;  // resolved topology path ("" when inline)
  std::shared_ptr<const topology::Topology> topology;
  SimDuration duration = seconds(3600);
  std::uint64_t seed = 1;
  RecoveryConfig recovery;
  SloConfig slo;
  std::vector<WorkloadSpec> workloads;
  std::vector<FaultSpec> faults;  // sorted by start
  std::vector<PatternSpec> patterns;
  TargetSpec targets;
  std::map<std::string, TargetSpec> targets_by_fault;  // key: fault type spelling
  std::vector<std::string> lint_allow;         // lint error rule ids the scenario shows on purpose (`lint.allow`)
  std::map<std::string, double> rpo_by_store;  // data store id -> ceiling on its worst-case RPO, s
  CostRates costs;
  /// Absolute time of the run's t = 0 for schedules counted from t = 0 (restorable copies, checkpoints):
  /// 0 for `faultline run`; the incident window's phase in that schedule under `faultline mc` and `plan`.
  SimDuration schedule_origin{0};
  /// Multiplies every model deployment's tokens per minute, quota and concurrency (floor 1) in the traffic
  /// plane: 1 as loaded; set by thin_traffic / scale_traffic (traffic_thinning.hpp, the fast traffic mode).
  double capacity_scale = 1;
};

/// File spelling of a workload kind ("chat_inference", ...).
std::string_view to_string(WorkloadKind kind);
/// File spelling of a fault type ("region_outage", ...).
std::string_view to_string(FaultType type);

}  // namespace faultline::engine
