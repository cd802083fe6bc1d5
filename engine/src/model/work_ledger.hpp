#pragma once
// Internal: work beyond requests and writes that an outage destroys: open agent
// threads, training progress since the last usable checkpoint, RAG documents
// since the last ingestion checkpoint (DESIGN "Metrics": RPO for agents and
// training; docs/runbooks-and-data.md).

#include <cstdint>
#include <optional>
#include <vector>

#include "faultline/engine/model/incident_result.hpp"
#include "faultline/engine/model/scenario.hpp"

namespace faultline::engine {

/// Fixed memory: a few numbers per workload and per region.
class WorkLedger {
 public:
  /// Ledger for `scenario`; `regions` are the router's endpoints in order.
  WorkLedger(const Scenario& scenario, const std::vector<std::string>& regions);

  /// A request of `workload` succeeded at t (non-decreasing) in region index `region`.
  void on_success(std::size_t workload, std::size_t region, SimTime t);
  /// What the fault starting at `now` (incident number `incident`) destroys; `is_region_down(region
  /// id)` and `is_zone_down(zone id)` say what its blast radius takes; `fault_end` may be kSimForever.
  /// Persisted agent threads are not counted yet: they are rehydrated once a turn of their workload
  /// succeeds outside the failed regions (settled()), and lost if none does (unsettled()).
  template <typename RegionDown, typename ZoneDown>
  WorkLossResult on_fault(SimTime now, SimTime fault_end, const RegionDown& is_region_down,
                          const ZoneDown& is_zone_down, std::size_t incident);
  /// Threads rehydrated per incident since the last call: (incident, threads), then cleared.
  std::vector<std::pair<std::size_t, std::uint64_t>> take_settled();
  /// Threads still waiting for a turn served outside their failed regions: (incident, threads).
  [[nodiscard]] std::vector<std::pair<std::size_t, std::uint64_t>> unsettled() const;
  /// True while workload `w`'s ingestion worker is restarting (its arrivals are not offered).
  [[nodiscard]] bool is_paused(std::size_t workload, SimTime t) const { return t < paused_until_[workload]; }
  /// Training cost lost over the run, USD.
  [[nodiscard]] double training_cost_lost_usd() const { return training_cost_lost_usd_; }

 private:
  struct AgentThreads {
    double open_threads = 0;
    std::vector<double> current;   // successes per region in the current minute
    std::vector<double> previous;  // ... in the minute before
    std::int64_t minute = 0;
    std::vector<bool> is_kept;  // per region: persisted to a replicated store, rehydrated on failover
  };
  // Persisted threads of one incident waiting for a turn served outside the regions it took down.
  struct Pending {
    std::size_t incident = 0;
    std::uint64_t threads = 0;
    std::vector<bool> down;  // per region
  };
  struct Ingestion {
    double documents = 0;         // ingested, counting only work that is kept
    double at_checkpoint = 0;     // documents at the last checkpoint
    std::int64_t checkpoint = 0;  // index of the last checkpoint (multiple of the interval)
  };

  void roll_minute(AgentThreads& a, SimTime t) const;
  void roll_checkpoint(std::size_t w, SimTime t);
  WorkLossResult threads_lost(std::size_t w, SimTime now, const std::vector<bool>& region_down);
  void training_lost(const TrainingSpec& job, SimTime now, SimTime fault_end, WorkLossResult& out);

  const Scenario& scenario_;
  std::vector<std::string> regions_;
  std::vector<std::optional<AgentThreads>> agents_;  // per workload
  std::vector<std::optional<Ingestion>> ingestion_;  // per workload
  std::vector<SimTime> paused_until_;                // per workload
  std::vector<std::vector<Pending>> pending_;        // per workload; empty outside incidents with threads
  std::vector<std::pair<std::size_t, std::uint64_t>> settled_;
  double training_cost_lost_usd_ = 0;
};

template <typename RegionDown, typename ZoneDown>
WorkLossResult WorkLedger::on_fault(SimTime now, SimTime fault_end, const RegionDown& is_region_down,
                                    const ZoneDown& is_zone_down, std::size_t incident) {
  std::vector<bool> down(regions_.size());
  bool is_any_down = false;
  for (std::size_t r = 0; r < regions_.size(); ++r) is_any_down |= (down[r] = is_region_down(regions_[r]));
  WorkLossResult out;
  for (std::size_t w = 0; w < scenario_.workloads.size(); ++w) {
    const WorkloadSpec& spec = scenario_.workloads[w];
    if (agents_[w] && is_any_down) {
      const WorkLossResult t = threads_lost(w, now, down);
      out.agent_threads_lost += t.agent_threads_lost;
      if (t.agent_threads_rehydrated > 0) pending_[w].push_back(Pending{incident, t.agent_threads_rehydrated, down});
    }
    if (spec.training &&
        (is_region_down(spec.training->hub) || (!spec.training->zone.empty() && is_zone_down(spec.training->zone)))) {
      training_lost(*spec.training, now, fault_end, out);
    }
    if (ingestion_[w] && is_region_down(spec.ingestion->worker_region)) {
      roll_checkpoint(w, now);
      Ingestion& ing = *ingestion_[w];
      out.rag_documents_redone += static_cast<std::uint64_t>(std::llround(ing.documents - ing.at_checkpoint));
      ing.documents = ing.at_checkpoint;  // the worker resumes from its last checkpoint
      paused_until_[w] = std::max(paused_until_[w], now + spec.ingestion->resume_after);
    }
  }
  return out;
}

}  // namespace faultline::engine
