#pragma once
// The faultline.mc/v1 and faultline.plan/v1 documents as plain data, read from
// their JSON (the contract; reports never link the planner). The figures the
// charts draw from them are in planner_figures.hpp.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace faultline::reports {

/// Availability estimate with its two-sided 99 % interval (bounds absent with one replication).
struct AvailabilityEstimate {
  double mean = 0.0;
  std::optional<double> ci99_low;
  std::optional<double> ci99_high;
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
};

/// One evaluated plan of a faultline.plan/v1 document.
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
  std::vector<PlanCandidateData> candidates;
  std::vector<PlanRecommendation> recommendations;
};

/// The document's `schema` string; throws ResultReadError naming `file` when it has none.
std::string document_schema(const nlohmann::json& document, const std::string& file);

/// Reads a faultline.mc/v1 document; throws ResultReadError ("FILE: JSON.PATH: problem (allowed: ...)").
McDocument read_mc_document(const nlohmann::json& document, const std::string& file);

/// Reads a faultline.plan/v1 document; throws ResultReadError like read_mc_document.
PlanDocument read_plan_document(const nlohmann::json& document, const std::string& file);

/// Parses the file at `path` as JSON; throws ResultReadError ("FILE:LINE:COLUMN: ..." for syntax errors).
nlohmann::json read_json_file(const std::string& path);

}  // namespace faultline::reports
