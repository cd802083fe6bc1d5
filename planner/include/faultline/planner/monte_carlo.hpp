#pragma once
// Monte Carlo over years of failures and repairs (docs/planner.md): per
// replication a kernel simulation schedules only failures and repairs; each
// incident is then measured by a traffic simulation of the production router.

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/scenario.hpp"
#include "faultline/engine/sim_time.hpp"
#include "faultline/planner/mc_result.hpp"
#include "faultline/planner/reliability_model.hpp"
#include "faultline/planner/structure_function.hpp"

namespace faultline::planner {

/// How to run. Results depend on the scenario, the model, years, replications,
/// the shard and the seed, never on `threads`.
struct McOptions {
  double years = 1;                         ///< simulated years per replication (> 0)
  std::uint64_t replications = 100;         ///< replications of the whole run (all shards)
  unsigned threads = 1;                     ///< worker threads (>= 1)
  std::optional<double> precision;          ///< stop once the availability CI half-width <= this
  std::uint64_t batch_size = 64;            ///< replications between precision checks
  std::uint64_t shard_index = 1;            ///< this shard, 1..shard_count: replications i with i % count == index - 1
  std::uint64_t shard_count = 1;
  bool is_measuring_incidents = true;       ///< false: structure function only (no traffic simulation)
  engine::SimDuration lead = engine::seconds(600);   ///< traffic before an incident's first fault
  engine::SimDuration tail = engine::seconds(1800);  ///< traffic after its last repair
  std::function<void(double fraction_done)> on_progress;  ///< may be empty; called from workers
};

/// One fault of an incident, relative to the incident's start.
struct IncidentFault {
  std::size_t component = 0;
  engine::SimDuration offset{0};    ///< failure time - incident start
  engine::SimDuration duration{0};  ///< time to repair (until the end of the replication if still down)
};

/// What the traffic simulation measured for one incident under one pattern.
struct IncidentOutcome {
  double rto_s = 0;                  ///< incident start -> recovery (or the end of the window), s
  std::optional<double> rpo_s;       ///< worst data store, s
  double incident_cost_usd = 0;
  double downtime_s = 0;             ///< failed-request-weighted downtime of the window's incidents, s
  std::uint64_t lost_writes = 0;     ///< acknowledged writes the window's incidents lost
};

/// Runs replications on a thread pool; one instance per run.
class MonteCarlo {
 public:
  /// `scenario` must outlive this object; options are checked (std::invalid_argument).
  MonteCarlo(const engine::Scenario& scenario, ReliabilityModel model, StructureFunction structure, McOptions options);

  /// Runs this shard's replications; fills seed, years, shard, records and summary (not version, file or Markov).
  McResult run();
  /// One replication `index` (any thread; deterministic in (seed, index)).
  ReplicationRecord run_replication(std::uint64_t index);
  /// Measures one incident starting at `start` under pattern `pattern` (cached by pattern, faults and phase:
  /// offsets to whole minutes, repair times up to whole minutes, above 16 min up to 16 steps per doubling,
  /// the window's phase in the pattern's backup and checkpoint schedules to 10 s).
  IncidentOutcome measure(std::size_t pattern, const std::vector<IncidentFault>& faults, engine::SimTime start);
  /// Traffic simulations run so far (cache misses).
  [[nodiscard]] std::uint64_t traffic_simulations() const;

 private:
  const engine::Scenario& scenario_;
  ReliabilityModel model_;
  StructureFunction structure_;
  McOptions options_;
  mutable std::mutex mutex_;
  std::vector<std::map<std::string, IncidentOutcome>> cache_;  // per pattern
  std::vector<engine::SimDuration> schedule_period_;           // per pattern: common period of its schedules
  std::uint64_t traffic_simulations_ = 0;
};

}  // namespace faultline::planner
