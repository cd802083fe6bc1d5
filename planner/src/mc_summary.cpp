#include "faultline/planner/mc_summary.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <boost/math/distributions/students_t.hpp>

#include "faultline/planner/criticality.hpp"
#include "faultline/planner/markov_chain.hpp"

namespace faultline::planner {

using contract::ComponentTally;
using contract::Estimate;
using contract::McResult;
using contract::McSummary;
using contract::PatternReplication;
using contract::PatternSummary;
using contract::Percentiles;
using contract::ReplicationRecord;

Estimate estimate_99(const std::vector<double>& values) {
  Estimate e;
  if (values.empty()) return e;
  // Summed in index order so that the result does not depend on how records arrived.
  double sum = 0;
  for (double v : values) sum += v;
  const auto n = static_cast<double>(values.size());
  e.mean = sum / n;
  if (values.size() < 2) return e;
  double squares = 0;
  for (double v : values) squares += (v - e.mean) * (v - e.mean);
  const double sd = std::sqrt(squares / (n - 1));
  const boost::math::students_t t(n - 1);
  e.half_width = boost::math::quantile(boost::math::complement(t, 0.005)) * sd / std::sqrt(n);
  return e;
}

Percentiles percentiles(std::vector<double> values) {
  Percentiles p;
  if (values.empty()) return p;
  std::sort(values.begin(), values.end());
  auto rank = [&](double q) {
    const double wanted = std::ceil(q * static_cast<double>(values.size()));
    const std::size_t r = wanted < 1 ? 1 : static_cast<std::size_t>(wanted);
    return values[std::min(r, values.size()) - 1];
  };
  p.p50 = rank(0.50);
  p.p95 = rank(0.95);
  p.p99 = rank(0.99);
  return p;
}

std::optional<double> quantile_half_width_99(std::vector<double> values, double q) {
  constexpr double kZ99 = 2.5758293035489004;  // two-sided 99 % standard normal quantile
  const auto n = static_cast<double>(values.size());
  const double spread = kZ99 * std::sqrt(n * q * (1 - q));
  const double low = std::floor(n * q - spread);
  const double high = std::ceil(n * q + spread);
  if (values.empty() || low < 1 || high > n) return std::nullopt;
  const auto at = [&](double rank) {  // the rank-th smallest (1-based); nth_element keeps it O(n)
    const auto k = values.begin() + static_cast<std::ptrdiff_t>(rank) - 1;
    std::nth_element(values.begin(), k, values.end());
    return *k;
  };
  const double upper = at(high);
  return (upper - at(low)) / 2;
}

void summarize(McResult& result) {
  McSummary s;
  s.replications = result.records.size();
  const double period_s = result.years * kSecondsPerYear;
  const double total_years = result.years * static_cast<double>(s.replications);
  std::vector<double> structure;
  std::uint64_t failures = 0;
  double structure_down = 0;
  for (const auto& r : result.records) {
    structure.push_back(1.0 - std::min(r.structure_downtime_s, period_s) / period_s);
    structure_down += r.structure_downtime_s;
    failures += r.failures;
  }
  s.structure_availability = estimate_99(structure);
  if (total_years > 0) {
    s.structure_annual_downtime_h = structure_down / total_years / 3600.0;
    s.failures_per_year = static_cast<double>(failures) / total_years;
  }
  for (std::size_t p = 0; p < result.pattern_names.size(); ++p) {
    PatternSummary ps;
    ps.name = result.pattern_names[p];
    std::vector<double> availability;
    std::vector<double> rto;
    std::vector<double> rpo;
    double down = 0;
    double cost = 0;
    std::uint64_t incidents = 0;
    for (const auto& r : result.records) {
      const PatternReplication& pr = r.patterns.at(p);
      availability.push_back(1.0 - std::min(pr.downtime_s, period_s) / period_s);
      down += pr.downtime_s;
      cost += pr.incident_cost_usd;
      incidents += pr.incidents;
      rto.insert(rto.end(), pr.rto_s.begin(), pr.rto_s.end());
      rpo.insert(rpo.end(), pr.rpo_s.begin(), pr.rpo_s.end());
    }
    ps.availability = estimate_99(availability);
    if (total_years > 0) {
      ps.annual_downtime_h = down / total_years / 3600.0;
      ps.incidents_per_year = static_cast<double>(incidents) / total_years;
      ps.annual_incident_cost_usd = cost / total_years;
    }
    ps.rto_s = percentiles(std::move(rto));
    ps.rpo_s = percentiles(std::move(rpo));
    const auto& t = result.targets;
    if (t.availability) {
      const double low = ps.availability.mean - ps.availability.half_width.value_or(0);
      ps.targets.push_back({"availability", *t.availability, low, low >= *t.availability});
    }
    if (t.rto_s) {
      ps.targets.push_back({"rto_s", *t.rto_s, ps.rto_s.p95, !ps.rto_s.p95 || *ps.rto_s.p95 <= *t.rto_s});
    }
    if (t.rpo_s) {
      ps.targets.push_back({"rpo_s", *t.rpo_s, ps.rpo_s.p95, !ps.rpo_s.p95 || *ps.rpo_s.p95 <= *t.rpo_s});
    }
    ps.criticality = Criticality::summarize(result.records, p, result.components);
    s.patterns.push_back(std::move(ps));
  }
  result.summary = std::move(s);
}

bool all_targets_met(const McSummary& summary) {
  for (const auto& p : summary.patterns) {
    for (const auto& t : p.targets) {
      if (!t.is_met) return false;
    }
  }
  return true;
}

McResult merge_shards(std::vector<McResult> shards) {
  if (shards.empty()) throw std::invalid_argument("merge: no shard files");
  std::sort(shards.begin(), shards.end(),
            [](const McResult& a, const McResult& b) { return a.shard_index < b.shard_index; });
  const McResult& first = shards.front();
  if (shards.size() != first.shard_count) {
    throw std::invalid_argument("merge: " + std::to_string(shards.size()) + " file(s) for a run split in " +
                                std::to_string(first.shard_count) + " shards (allowed: every shard 1.." +
                                std::to_string(first.shard_count) + " exactly once)");
  }
  McResult merged = first;
  merged.records.clear();
  for (std::size_t k = 0; k < shards.size(); ++k) {
    const McResult& s = shards[k];
    if (s.shard_index != k + 1) {
      throw std::invalid_argument("merge: shard " + std::to_string(k + 1) + " of " + std::to_string(first.shard_count) +
                                  " is missing or given twice (allowed: every shard exactly once)");
    }
    if (s.shard_count != first.shard_count || s.seed != first.seed || s.years != first.years ||
        s.replications_requested != first.replications_requested || s.scenario_sha256 != first.scenario_sha256 ||
        s.scenario_file != first.scenario_file || s.faultline_version != first.faultline_version ||
        s.pattern_names != first.pattern_names || s.components != first.components || s.markov != first.markov ||
        s.rare_event != first.rare_event || s.component_defaults != first.component_defaults ||
        s.traffic != first.traffic) {
      throw std::invalid_argument("merge: shard " + std::to_string(k + 1) +
                                  " comes from a different run (scenario, seed, years, replications, traffic mode or "
                                  "version differ; allowed: shards of one `faultline mc` command line)");
    }
    merged.records.insert(merged.records.end(), s.records.begin(), s.records.end());
  }
  std::sort(merged.records.begin(), merged.records.end(),
            [](const ReplicationRecord& a, const ReplicationRecord& b) { return a.replication < b.replication; });
  merged.shard_index = 1;
  merged.shard_count = 1;
  summarize(merged);
  return merged;
}

}  // namespace faultline::planner
