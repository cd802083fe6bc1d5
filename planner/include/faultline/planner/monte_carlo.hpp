#pragma once
// Monte Carlo over years of failures and repairs (docs/planner.md): per
// replication a kernel simulation schedules only failures and repairs; each
// distinct (rounded) incident is then measured once by a traffic simulation of
// the production router, the measurements shared among threads and MPI ranks.

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/model/scenario.hpp"
#include "faultline/engine/kernel/sim_time.hpp"
#include "faultline/engine/model/traffic_thinning.hpp"
#include "faultline/planner/incident_cache.hpp"
#include "faultline/contract/mc_result.hpp"
#include "faultline/planner/reliability_model.hpp"
#include "faultline/planner/structure_function.hpp"

namespace faultline::planner {

struct FailureHistory;

/// How to run. Results depend on the scenario, the model, years, replications, the precision, the shard and
/// the seed, never on `threads` or on `rank_count`.
struct McOptions {
  double years = 1;                           ///< simulated years per replication (> 0)
  std::uint64_t replications = 100;           ///< replications of the whole run (all shards); the cap with a precision
  unsigned threads = 1;                       ///< worker threads (>= 1)
  std::optional<double> precision;            ///< stop once the availability CI half-width <= this (0..1)
  std::optional<double> precision_rto_p95_s;  ///< stop once the RTO p95's 99 % CI half-width <= this, s
  std::uint64_t batch_size = 64;              ///< replications between precision checks
  std::uint64_t shard_index = 1;  ///< this shard, 1..shard_count: replications i with i % count == index - 1
  std::uint64_t shard_count = 1;
  std::uint64_t rank_index = 0;  ///< this process among rank_count sharing the distinct incidents, 0-based
  std::uint64_t rank_count = 1;  ///< processes (MPI ranks) running this same shard together
  /// Required when rank_count > 1; every rank calls it at the same points: sends `mine` to every rank and returns
  /// every rank's bytes in rank order (MPI_Allgatherv).
  std::function<std::vector<std::string>(const std::string& mine)> exchange;
  bool is_measuring_incidents = true;                        ///< false: structure function only (no traffic simulation)
  engine::SimDuration lead = engine::seconds(600);           ///< traffic before an incident's first fault
  engine::SimDuration tail = engine::seconds(1800);          ///< traffic after its last repair
  engine::TrafficMode traffic = engine::TrafficMode::kFast;  ///< fast: windows replayed thinned (traffic_thinning.hpp)
  std::function<void(double fraction_done)> on_progress;     ///< may be empty; called from workers
};

/// Runs replications in three phases (failure histories, distinct incidents measured once, records); one
/// instance per run.
class MonteCarlo {
 public:
  /// `scenario` must outlive this object; options are checked (std::invalid_argument).
  MonteCarlo(const engine::Scenario& scenario, ReliabilityModel model, StructureFunction structure, McOptions options);
  ~MonteCarlo();
  MonteCarlo(const MonteCarlo&) = delete;
  MonteCarlo& operator=(const MonteCarlo&) = delete;

  /// Runs this shard's replications; fills seed, years, shard, records and summary (not version, file or Markov).
  contract::McResult run();
  /// One replication `index` on its own, measuring its incidents as needed (any thread; deterministic in (seed,
  /// index)).
  contract::ReplicationRecord run_replication(std::uint64_t index);
  /// Measures one incident starting at `start` under pattern `pattern`, cached by its key (IncidentCache::key).
  IncidentOutcome measure(std::size_t pattern, const std::vector<IncidentFault>& faults, engine::SimTime start);
  /// Traffic simulations this process ran so far (each distinct incident once per run, on one rank).
  [[nodiscard]] std::uint64_t traffic_simulations() const;

 private:
  // Phase 1: the failure histories of `indices` (threads share them; stored by position).
  [[nodiscard]] std::vector<FailureHistory> simulate_histories(const std::vector<std::uint64_t>& indices) const;
  // Phase 2: measures every incident of `histories` not yet in the cache, each once over threads and ranks;
  // `on_part(f)` with the fraction of this rank's measurements done.
  void measure_new_incidents(const std::vector<FailureHistory>& histories, const std::function<void(double)>& on_part);
  // Phase 3: the record of replication `index` from its history and the cached outcomes.
  [[nodiscard]] contract::ReplicationRecord make_record(std::uint64_t index, const FailureHistory& history) const;
  // True when every requested precision is reached by `result`'s records (summarizes them).
  [[nodiscard]] bool is_precise_enough(contract::McResult& result, std::vector<double>& rto_first_pattern) const;
  [[nodiscard]] contract::McResult empty_result() const;

  const engine::Scenario& scenario_;
  ReliabilityModel model_;
  StructureFunction structure_;
  McOptions options_;
  engine::Scenario traffic_scenario_;  // what incident windows replay: scenario_, thinned in the fast mode
  IncidentCache cache_;                // refers to model_ and traffic_scenario_: declared after them
  mutable std::mutex mutex_;
  std::atomic<std::uint64_t> traffic_simulations_{0};
};

}  // namespace faultline::planner
