#pragma once
// What a Monte Carlo run produces (faultline.mc/v1, docs/planner.md): one record
// per replication, and the summary computed from the records alone (planner::summarize,
// planner/mc_summary.hpp), so that shards merged in replication order give the same
// summary as one process. Plain data: the planner fills it, contract writes and reads it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "faultline/engine/model/scenario.hpp"
#include "faultline/contract/rare_event_estimate.hpp"

namespace faultline::contract {

/// What the incidents attributed to one component caused (docs/planner.md, "Criticality").
struct ComponentTally {
  std::size_t component = 0;      ///< index into McResult::components
  std::uint64_t incidents = 0;    ///< incidents attributed to it
  double downtime_s = 0;          ///< their downtime, s (as PatternReplication::downtime_s)
  std::uint64_t lost_writes = 0;  ///< their lost writes
  friend bool operator==(const ComponentTally&, const ComponentTally&) = default;
};

/// One pattern in one replication.
struct PatternReplication {
  double downtime_s = 0;                     ///< sum of the incidents' RTOs, s
  std::uint64_t incidents = 0;               ///< incidents (overlapping failures count once)
  double incident_cost_usd = 0;              ///< sum of the incidents' costs, USD
  std::vector<double> rto_s;                 ///< per incident, s
  std::vector<double> rpo_s;                 ///< per incident with data at risk, s
  std::vector<ComponentTally> by_component;  ///< components with an attributed incident, ascending index
  friend bool operator==(const PatternReplication&, const PatternReplication&) = default;
};

/// One replication: `years` of failures and repairs.
struct ReplicationRecord {
  std::uint64_t replication = 0;             ///< index in 0..replications-1
  double structure_downtime_s = 0;           ///< time the structure function was down, s
  std::uint64_t failures = 0;                ///< component failures
  std::vector<PatternReplication> patterns;  ///< in scenario pattern order (empty without incident measurement)
  friend bool operator==(const ReplicationRecord&, const ReplicationRecord&) = default;
};

/// A mean with its two-sided 99 % confidence interval (Student t over replications).
struct Estimate {
  double mean = 0;
  std::optional<double> half_width;  ///< nullopt with fewer than 2 replications
  friend bool operator==(const Estimate&, const Estimate&) = default;
};

/// Nearest-rank percentiles of a sample; nullopt when the sample is empty.
struct Percentiles {
  std::optional<double> p50;
  std::optional<double> p95;
  std::optional<double> p99;
  friend bool operator==(const Percentiles&, const Percentiles&) = default;
};

/// A target judged against the estimate (availability: the CI's lower bound; RTO/RPO: p95).
struct McTarget {
  std::string name;
  double limit = 0;
  std::optional<double> value;
  bool is_met = true;
  friend bool operator==(const McTarget&, const McTarget&) = default;
};

/// One component's criticality in one pattern over all replications: totals of the incidents attributed
/// to it and their shares of every component's total (nullopt when that total is 0).
struct ComponentCriticality {
  std::string component;
  std::uint64_t incidents = 0;
  double downtime_s = 0;  ///< s
  std::uint64_t lost_writes = 0;
  std::optional<double> incident_share;    ///< 0..1: downing-event criticality
  std::optional<double> downtime_share;    ///< 0..1
  std::optional<double> lost_write_share;  ///< 0..1
  friend bool operator==(const ComponentCriticality&, const ComponentCriticality&) = default;
};

/// Summary of one pattern over all replications.
struct PatternSummary {
  std::string name;
  Estimate availability;         ///< 1 - downtime / simulated time, per replication (0..1)
  double annual_downtime_h = 0;  ///< mean downtime per year, h
  double incidents_per_year = 0;
  Percentiles rto_s;
  Percentiles rpo_s;
  double annual_incident_cost_usd = 0;
  std::vector<McTarget> targets;
  std::vector<ComponentCriticality> criticality;  ///< per component, in McResult::components order
  friend bool operator==(const PatternSummary&, const PatternSummary&) = default;
};

/// Summary over all replications.
struct McSummary {
  std::uint64_t replications = 0;
  Estimate structure_availability;  ///< component level, by the structure function
  double structure_annual_downtime_h = 0;
  double failures_per_year = 0;
  std::vector<PatternSummary> patterns;
  friend bool operator==(const McSummary&, const McSummary&) = default;
};

/// The exact answer next to the estimate.
struct MarkovAnswer {
  std::optional<double> availability;  ///< nullopt when the chain is too large (see note)
  std::optional<double> annual_downtime_h;
  std::string note;              ///< what was solved, or why nothing was
  std::vector<double> birnbaum;  ///< per component: P(up | i up) - P(up | i down); empty when not solved
  friend bool operator==(const MarkovAnswer&, const MarkovAnswer&) = default;
};

/// A whole run (or one shard of it).
struct McResult {
  std::string faultline_version;
  std::string scenario_file;
  std::string scenario_sha256;
  std::uint64_t seed = 0;
  double years = 0;  ///< simulated years per replication
  std::uint64_t replications_requested = 0;
  std::uint64_t shard_index = 1;  ///< 1-based; 1 of 1 for a whole run
  std::uint64_t shard_count = 1;
  std::optional<double> precision;            ///< requested CI half-width of availability
  std::optional<double> precision_rto_p95_s;  ///< requested CI half-width of the first pattern's RTO p95, s
  std::string repair_crews;
  std::string traffic;    ///< "fast" or "exact": how incident windows were replayed; "" structure only
  std::string structure;  ///< StructureFunction::describe()
  std::vector<std::string> components;
  /// Per component: the source of its default distributions, or "" when the scenario gave them.
  std::vector<std::string> component_defaults;
  std::vector<std::string> pattern_names;  ///< patterns measured (empty: structure only)
  engine::TargetSpec targets;
  MarkovAnswer markov;
  std::optional<RareEventEstimate> rare_event;  ///< `mc --rare-events` only (docs/planner.md, "Rare events")
  std::vector<ReplicationRecord> records;       ///< in replication order
  McSummary summary;                            ///< computed from records by planner::summarize()
};

}  // namespace faultline::contract
