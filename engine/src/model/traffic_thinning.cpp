#include "faultline/engine/model/traffic_thinning.hpp"

#include <algorithm>
#include <stdexcept>

namespace faultline::engine {
namespace {

// Every arrival rate and the deployments' capacity times `factor`.
void scale_rates(Scenario& scenario, double factor) {
  for (WorkloadSpec& w : scenario.workloads) w.arrivals = w.arrivals.scaled(factor);
  scenario.capacity_scale *= factor;
}

}  // namespace

std::string_view to_string(TrafficMode mode) { return mode == TrafficMode::kFast ? "fast" : "exact"; }

std::optional<TrafficMode> parse_traffic_mode(std::string_view text) {
  if (text == "fast") return TrafficMode::kFast;
  if (text == "exact") return TrafficMode::kExact;
  return std::nullopt;
}

double offered_rate_per_s(const Scenario& scenario) {
  double rate = 0;
  for (const WorkloadSpec& w : scenario.workloads) {
    if (w.kind != WorkloadKind::kTrainingJob) rate += w.arrivals.mean_rate();
  }
  return rate;
}

double thinning_factor(const Scenario& scenario, double max_rate_per_s) {
  if (!(max_rate_per_s > 0)) throw std::invalid_argument("fast traffic: the simulated rate must be > 0");
  const double rate = offered_rate_per_s(scenario);
  return rate > max_rate_per_s ? max_rate_per_s / rate : 1.0;
}

Scenario thin_traffic(const Scenario& scenario, double max_rate_per_s) {
  Scenario thin = scenario;
  const double f = thinning_factor(scenario, max_rate_per_s);
  if (f >= 1) return thin;
  scale_rates(thin, f);
  for (WorkloadSpec& w : thin.workloads) {
    w.writes_per_request /= f;
    if (w.ingestion) w.ingestion->documents_per_request /= f;
  }
  thin.costs.per_failed_request_usd /= f;
  return thin;
}

Scenario scale_traffic(const Scenario& scenario, double factor) {
  if (!(factor > 0)) throw std::invalid_argument("traffic scale factor must be > 0");
  Scenario scaled = scenario;
  scale_rates(scaled, factor);
  return scaled;
}

}  // namespace faultline::engine
