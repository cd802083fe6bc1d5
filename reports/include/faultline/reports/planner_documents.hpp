#pragma once
// The faultline.mc/v1 and faultline.plan/v1 documents as plain data, read from
// their JSON (the contract; reports never link the planner), and the pure
// figures the charts draw from them: empirical CDF, histogram bins.

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

/// One step of an empirical CDF: P(X <= x) = y, y in (0, 1].
struct CdfStep {
  double x = 0.0;
  double y = 0.0;
};

/// The empirical CDF of `values`: one step per distinct value, ascending, y = count(<= x) / n; empty for no values.
std::vector<CdfStep> empirical_cdf(std::vector<double> values);

/// Nearest-rank percentile `q` (0 < q <= 1) of `values` (the element at rank ceil(q n)); absent for no values.
std::optional<double> nearest_rank(std::vector<double> values, double q);

/// One histogram bin [low, high) (the last one closed) and its count.
struct HistogramBin {
  double low = 0.0;
  double high = 0.0;
  std::size_t count = 0;
};

/// Bins over [min, max] of `values` of equal width: the Freedman-Diaconis width 2 IQR / n^(1/3)
/// (quartiles by nearest rank), at most 40 bins; Sturges' ceil(log2 n) + 1 bins when the IQR is 0;
/// one bin [v - 0.5, v + 0.5] when every value is v. Empty for no values.
std::vector<HistogramBin> histogram_bins(std::vector<double> values);

/// A round axis end (1, 2 or 5 x 10^k) >= v; 1 for v <= 0. The charts and the GUI share it.
double round_axis_end(double v);

/// End (s) of an RTO CDF's x axis: round_axis_end(max(nearest-rank p99 of `rto_s`, target)); 1 with neither.
double cdf_axis_end_s(const std::vector<double>& rto_s, std::optional<double> target_rto_s);

}  // namespace faultline::reports
