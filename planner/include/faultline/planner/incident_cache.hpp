#pragma once
// What the traffic plane measured for each distinct rounded incident of a Monte
// Carlo run (docs/planner.md, "Cost of the traffic runs"). The cache keeps
// results only (a few numbers per incident and pattern), never traffic state.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "faultline/engine/model/scenario.hpp"
#include "faultline/engine/kernel/sim_time.hpp"
#include "faultline/planner/reliability_model.hpp"

namespace faultline::planner {

/// One fault of an incident, relative to the incident's start.
struct IncidentFault {
  std::size_t component = 0;
  engine::SimDuration offset{0};    ///< failure time - incident start
  engine::SimDuration duration{0};  ///< time to repair (until the end of the replication if still down)
  friend bool operator==(const IncidentFault&, const IncidentFault&) = default;
};

/// What the traffic simulation measured for one incident under one pattern.
struct IncidentOutcome {
  double rto_s = 0;             ///< incident start -> recovery (or the end of the window), s
  std::optional<double> rpo_s;  ///< worst data store, s
  double incident_cost_usd = 0;
  double downtime_s = 0;          ///< failed-request-weighted downtime of the window's incidents, s
  std::uint64_t lost_writes = 0;  ///< acknowledged writes the window's incidents lost
  friend bool operator==(const IncidentOutcome&, const IncidentOutcome&) = default;
};

/// A rounded incident under one pattern: what is measured, and the text that names it.
struct IncidentKey {
  std::size_t pattern = 0;
  std::string text;                   ///< "@phase;component:offset:repair;..." (10 s phase steps, minutes)
  engine::SimDuration origin{0};      ///< the window's start in the pattern's schedules (Scenario::schedule_origin)
  std::vector<IncidentFault> faults;  ///< offsets to whole minutes, repairs rounded up to the grid
  /// Last repair's end relative to the incident start.
  [[nodiscard]] engine::SimDuration span() const;
};

/// Rounds incidents to keys, measures a key with the production router, and keeps the outcomes.
class IncidentCache {
 public:
  /// `scenario` and `model` must outlive this object; `lead`/`tail`: traffic before the first fault / after the last
  /// repair.
  IncidentCache(const engine::Scenario& scenario, const ReliabilityModel& model, engine::SimDuration lead,
                engine::SimDuration tail);

  /// The key of `faults` starting at `start` under `pattern`: offsets to whole minutes, repair times up to whole
  /// minutes and above 16 min up to 16 steps per doubling, the window's phase in the pattern's schedules to 10 s.
  [[nodiscard]] IncidentKey key(std::size_t pattern, const std::vector<IncidentFault>& faults,
                                engine::SimTime start) const;
  /// Runs the traffic simulation of `key` (thread-safe; nothing is cached). Its random numbers depend on the key only.
  [[nodiscard]] IncidentOutcome simulate(const IncidentKey& key) const;
  /// Simulated length of the key's window (lead + span + tail): what its traffic run costs, in proportion.
  [[nodiscard]] engine::SimDuration window(const IncidentKey& key) const;
  /// The stored outcome of `key`, or nullptr.
  [[nodiscard]] const IncidentOutcome* find(const IncidentKey& key) const;
  /// Stores `outcome` for `key` (the first stored value stays).
  void store(const IncidentKey& key, const IncidentOutcome& outcome);
  /// Distinct keys stored, all patterns.
  [[nodiscard]] std::size_t size() const;

 private:
  const engine::Scenario& scenario_;
  const ReliabilityModel& model_;
  engine::SimDuration lead_;
  engine::SimDuration tail_;
  std::vector<engine::SimDuration> schedule_period_;              // per pattern: common period of its schedules
  std::vector<std::map<std::string, IncidentOutcome>> outcomes_;  // per pattern, by key text
};

/// Outcomes tagged with an index, as bytes for the exchange between MPI ranks (host byte order: the ranks of one
/// run are one build on one kind of machine).
std::string encode_outcomes(const std::vector<std::pair<std::uint64_t, IncidentOutcome>>& outcomes);
/// The inverse of encode_outcomes; std::invalid_argument when `bytes` is not a whole number of outcomes.
std::vector<std::pair<std::uint64_t, IncidentOutcome>> decode_outcomes(std::string_view bytes);

}  // namespace faultline::planner
