#include "faultline/engine/model/work_budget.hpp"

#include <cmath>
#include <sstream>

namespace faultline::engine {

double estimated_requests(const Scenario& scenario, const std::vector<std::string>& patterns) {
  double rate_per_s = 0.0;
  for (const WorkloadSpec& w : scenario.workloads) rate_per_s += w.arrivals.mean_rate();
  const double pattern_count = static_cast<double>(patterns.empty() ? scenario.patterns.size() : patterns.size());
  return rate_per_s * to_seconds(scenario.duration) * pattern_count;
}

std::optional<std::string> work_budget_refusal(const Scenario& scenario, const std::vector<std::string>& patterns) {
  const double estimate = estimated_requests(scenario, patterns);
  if (!(estimate > kMaxRunRequests)) return std::nullopt;
  std::ostringstream text;
  text.precision(3);
  text << "estimated " << estimate << " requests (mean arrival rates x duration " << to_seconds(scenario.duration)
       << " s x " << (patterns.empty() ? scenario.patterns.size() : patterns.size())
       << " pattern(s)) exceeds the work budget of " << kMaxRunRequests
       << " requests; shorten the duration, lower the rates, choose patterns with -p, or pass --allow-large "
          "(docs/limits.md)";
  return text.str();
}

}  // namespace faultline::engine
