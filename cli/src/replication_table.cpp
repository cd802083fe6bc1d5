#include "faultline/cli/replication_table.hpp"

#include <algorithm>
#include <cstdio>

#include "faultline/planner/mc_summary.hpp"

namespace faultline::cli {
namespace {

std::string number(double v, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
  return buffer;
}

// "mean ± half-width [min .. max] (n)" or "-" without values.
std::string interval(const std::vector<double>& values, double scale, int decimals) {
  if (values.empty()) return "-";
  const contract::Estimate e = planner::estimate_99(values);
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  std::string out = number(e.mean * scale, decimals);
  if (e.half_width) out += " ± " + number(*e.half_width * scale, decimals);
  return out + " [" + number(*lo * scale, decimals) + " .. " + number(*hi * scale, decimals) + "] (" +
         std::to_string(values.size()) + ")";
}

}  // namespace

void add_replication(const engine::RunResult& result, std::vector<PatternSamples>& samples) {
  if (samples.empty()) {
    for (const auto& p : result.patterns) samples.push_back({p.name, {}, {}, {}});
  }
  for (std::size_t k = 0; k < result.patterns.size() && k < samples.size(); ++k) {
    const engine::PatternResult& p = result.patterns[k];
    if (p.rto_s) samples[k].rto_s.push_back(*p.rto_s);
    if (p.rpo_s) samples[k].rpo_s.push_back(*p.rpo_s);
    samples[k].availability.push_back(p.availability);
  }
}

std::string format_replications(const std::vector<PatternSamples>& samples, std::uint64_t first_seed,
                                std::uint64_t replications) {
  std::string out = "\n" + std::to_string(replications) + " replications, seeds " + std::to_string(first_seed) +
                    " .. " + std::to_string(first_seed + replications - 1) +
                    ": mean ± 99 % half-width [min .. max] (runs with a value)\n";
  for (const PatternSamples& s : samples) {
    out += s.name + "\n";
    out += "  RTO s           " + interval(s.rto_s, 1.0, 1) + "\n";
    out += "  RPO s           " + interval(s.rpo_s, 1.0, 1) + "\n";
    out += "  availability %  " + interval(s.availability, 100.0, 3) + "\n";
  }
  return out;
}

}  // namespace faultline::cli
