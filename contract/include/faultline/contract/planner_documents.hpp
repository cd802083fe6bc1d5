#pragma once
// The faultline.mc/v1 and faultline.plan/v1 documents as plain data, read from
// their JSON (the contract; reports never link the planner). The figures the
// charts draw from them are in planner_figures.hpp.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace faultline::contract {

/// Availability estimate with its two-sided 99 % interval (bounds absent with one replication).
struct AvailabilityEstimate {
  double mean = 0.0;
  std::optional<double> ci99_low;
  std::optional<double> ci99_high;
};

/// One component's criticality in one pattern (docs/planner.md, "Criticality"); shares null when nothing was attributed.
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
  std::vector<double> rto_s;              ///< every incident of every replication, s, in record order
  std::vector<double> annual_downtime_hours;  ///< per replication: downtime_s / years_per_replication / 3600
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

/// A probe that needs `required` good samples of the last `of` to call an endpoint healthy.
struct ProbeSamples {
  unsigned long long required = 0;
  unsigned long long of = 0;
  bool operator==(const ProbeSamples&) const = default;
};

/// A circuit breaker's settings.
struct BreakerSettings {
  double failure_rate_threshold_percent = 0.0;  ///< %, opens at or above it
  unsigned long long minimum_calls = 0;         ///< calls in the window before it may open
  double open_wait_s = 0.0;                     ///< s open before half-open
  bool operator==(const BreakerSettings&) const = default;
};

/// How one data store is kept in the candidate's plan.
struct StoreReplication {
  std::string store;
  std::string mode;                        ///< "sync", "async", "backup_restore" or "scheduled_rebuild"
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
  bool has_probe_samples = false;                   ///< the key is present (null: no probe)
  std::optional<ProbeSamples> probe_samples = std::nullopt;
  bool has_breaker = false;                         ///< the key is present (null: no breaker)
  std::optional<BreakerSettings> breaker = std::nullopt;
  std::optional<std::vector<StoreReplication>> stores = std::nullopt;
  std::optional<std::string> stage = std::nullopt;  ///< "screen" or "combine"
};

/// The later additions to a plan document's `search_space` (each empty / absent in older documents).
struct PlanSearchSpace {
  std::vector<std::vector<std::string>> region_pairs;
  std::vector<ProbeSamples> probe_samples;
  std::vector<BreakerSettings> breakers;
  std::vector<std::string> replication_modes;  ///< distinct modes (the document may list them per store kind)
  std::vector<double> backup_intervals_s;
  std::optional<std::string> strategy;
  std::optional<unsigned long long> evaluated;  ///< candidates evaluated by the search
};

/// One of the plan's recommendations: which one (`kind`, e.g. "cheapest_meeting_targets"), the candidate and why.
struct PlanRecommendation {
  std::string kind;
  std::optional<std::string> label;  ///< absent when no candidate qualifies
  std::string why;
};

/// A faultline.plan/v1 document.
struct PlanDocument {
  std::string file;
  std::string scenario;
  std::string faultline_version;
  unsigned long long seed = 0;
  double years_per_replication = 0.0;
  std::size_t replications = 0;
  std::optional<double> budget_monthly_usd;
  PlanSearchSpace search_space;
  std::vector<PlanCandidateData> candidates;
  std::vector<PlanRecommendation> recommendations;
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
