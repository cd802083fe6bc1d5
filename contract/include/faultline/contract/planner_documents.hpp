#pragma once
// The faultline.mc/v1 and faultline.plan/v1 documents as plain data, read from
// their JSON (the contract; reports never link the planner). The figures the
// charts draw from them are in planner_figures.hpp.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "faultline/contract/plan_settings.hpp"

namespace faultline::contract {

/// Availability estimate with its two-sided 99 % interval (bounds absent with one replication).
struct AvailabilityEstimate {
  double mean = 0.0;
  std::optional<double> ci99_low;
  std::optional<double> ci99_high;
};

/// One component's criticality in one pattern (docs/planner.md, "Criticality"); shares null when nothing was
/// attributed.
struct McComponentCriticality {
  std::string component;
  unsigned long long incidents = 0;
  std::optional<double> incident_share;
  std::optional<double> downtime_share;
  std::optional<double> lost_write_share;
  std::optional<double> birnbaum;  ///< from the document's markov.birnbaum; absent when the chain was not solved
};

/// A component whose failure and repair distributions came from the published-data defaults.
struct DefaultedComponent {
  std::string component;
  std::string source;
};

/// One pattern of a Monte Carlo document, with every incident's RTO and each replication's downtime.
struct McPatternData {
  std::string name;
  AvailabilityEstimate availability;
  double annual_downtime_h = 0.0;
  double incidents_per_year = 0.0;
  std::optional<double> rto_p50_s, rto_p95_s, rto_p99_s;
  std::optional<double> rpo_p95_s;
  double annual_incident_cost_usd = 0.0;
  std::vector<double> rto_s;                        ///< every incident of every replication, s, in record order
  std::vector<double> annual_downtime_hours;        ///< per replication: downtime_s / years_per_replication / 3600
  std::vector<McComponentCriticality> criticality;  ///< per component; empty in documents before criticality
};

/// A faultline.mc/v1 document: what the Monte Carlo report and the GUI's planner view show.
struct McDocument {
  std::string file;
  std::string scenario;
  std::string faultline_version;
  unsigned long long seed = 0;
  double years_per_replication = 0.0;
  std::size_t replications = 0;
  std::optional<double> target_availability;
  std::optional<double> target_rto_s;
  std::optional<double> target_rpo_s;
  std::optional<double> markov_availability;
  std::optional<double> markov_annual_downtime_h;
  std::string markov_note;
  AvailabilityEstimate structure_availability;
  std::vector<McPatternData> patterns;
  std::vector<DefaultedComponent> defaulted;  ///< empty when the scenario had a reliability section
};

/// How one data store is kept in the candidate's plan.
struct StoreReplication {
  std::string store;
  std::string mode;                         ///< "sync", "async", "backup_restore" or "scheduled_rebuild"
  std::optional<double> backup_interval_s;  ///< s; null when the mode has none
  bool operator==(const StoreReplication&) const = default;
};

/// One evaluated plan of a faultline.plan/v1 document. The settings after `is_pareto` are later additions to v1,
/// absent in older documents (has_* false / empty optional).
struct PlanCandidateData {
  std::string label;
  std::string pattern;
  double monthly_cost_usd = 0.0;
  double total_monthly_usd = 0.0;
  double availability = 0.0;
  std::optional<double> rto_p95_s;  ///< null in the document: no incident (charts draw it at 0)
  std::optional<double> rpo_p95_s;
  bool meets_targets = false;
  bool is_pareto = false;
  std::optional<std::vector<std::string>> regions = std::nullopt;  ///< region ids in priority order
  bool has_probe_samples = false;                                  ///< the key is present (null: no probe)
  std::optional<ProbeSamples> probe_samples = std::nullopt;
  bool has_breaker = false;  ///< the key is present (null: no breaker)
  std::optional<BreakerSettings> breaker = std::nullopt;
  std::optional<std::vector<StoreReplication>> stores = std::nullopt;
  std::optional<std::string> stage = std::nullopt;                ///< "screen" or "combine"
  std::optional<double> standby_fraction = std::nullopt;          ///< 0..1
  std::optional<double> probe_interval_s = std::nullopt;          ///< s; 0 when the router has no probe
  std::optional<double> annual_incident_cost_usd = std::nullopt;  ///< expected, USD per year
  std::optional<double> availability_ci99_low = std::nullopt;     ///< 99 % CI lower bound
  std::optional<std::uint64_t> changes = std::nullopt;            ///< settings that differ from the scenario's plan
  std::optional<std::uint64_t> replications_run = std::nullopt;   ///< replications its Monte Carlo ran
  std::optional<double> simulated_years = std::nullopt;           ///< replications x years per replication
};

/// A plan document's `search_space` (each key empty / absent in older documents).
struct PlanSearchSpace {
  std::vector<std::string> patterns;
  std::vector<std::vector<std::string>> region_pairs;
  std::vector<double> standby_fractions;  ///< 0..1
  std::vector<double> probe_intervals_s;  ///< s
  std::vector<ProbeSamples> probe_samples;
  std::vector<BreakerSettings> breakers;
  std::vector<std::string> replication_modes;  ///< distinct modes (the document may list them per store kind)
  /// The modes per store kind in key order, as `faultline plan` writes them (empty for a plain array).
  std::vector<std::pair<std::string, std::vector<std::string>>> replication_modes_by_kind;
  std::vector<double> backup_intervals_s;  ///< s
  std::uint64_t max_candidates = 0;
  std::optional<std::string> strategy;
  std::optional<std::uint64_t> evaluated;  ///< candidates evaluated by the search
  std::uint64_t screened = 0;              ///< candidates of the screen stage
  bool is_truncated = false;               ///< max_candidates stopped the search
  std::vector<std::string> notes;
};

/// The targets a plan was judged against (each optional, as in the scenario).
struct PlanTargets {
  std::optional<double> availability;      ///< 0..1
  std::optional<double> rto_s;             ///< s
  std::optional<double> rpo_s;             ///< s
  std::optional<double> monthly_cost_usd;  ///< USD per month
};

/// One of the plan's recommendations: which one (`kind`, e.g. "cheapest_meeting_targets"), the candidate and why.
struct RecommendedPlan {
  std::string kind;
  std::optional<std::string> label;  ///< absent when no candidate qualifies
  std::string why;
};

/// A faultline.plan/v1 document.
struct PlanDocument {
  std::string file;
  std::string scenario;
  std::string scenario_sha256;  ///< `inputs.sha256` (empty when absent)
  std::string faultline_version;
  unsigned long long seed = 0;
  double years_per_replication = 0.0;
  std::size_t replications = 0;
  std::optional<double> precision;            ///< requested CI half-width of availability
  std::optional<double> precision_rto_p95_s;  ///< requested CI half-width of RTO p95, s
  std::optional<double> budget_monthly_usd;
  std::string traffic;  ///< "fast" or "exact" (issue 17); plans written before the mode have none: exact
  PlanTargets targets;
  PlanSearchSpace search_space;
  std::vector<PlanCandidateData> candidates;
  std::vector<RecommendedPlan> recommendations;
  std::vector<DefaultedComponent> defaulted;  ///< empty when the scenario had a reliability section
};

/// The document's `schema` string; throws ResultReadError naming `file` when it has none.
std::string document_schema(const nlohmann::json& document, const std::string& file);

/// Reads a faultline.mc/v1 document; throws ResultReadError ("FILE: JSON.PATH: problem (allowed: ...)").
McDocument read_mc_document(const nlohmann::json& document, const std::string& file);

/// Reads a faultline.plan/v1 document; throws ResultReadError like read_mc_document.
PlanDocument read_plan_document(const nlohmann::json& document, const std::string& file);

/// Parses the file at `path` as JSON; throws ResultReadError ("FILE:LINE:COLUMN: ..." for syntax errors).
nlohmann::json read_json_file(const std::string& path);

}  // namespace faultline::contract
