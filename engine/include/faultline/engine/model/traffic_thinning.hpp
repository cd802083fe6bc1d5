#pragma once
// The fast traffic mode of `faultline mc` and `plan` (docs/decisions.md "Fast traffic mode"): an incident
// window replayed by the same per-request traffic plane on a thinned copy of the scenario, so its cost no
// longer grows with the request rate.

#include <optional>
#include <string_view>

#include "faultline/engine/model/scenario.hpp"

namespace faultline::engine {

/// How `mc` and `plan` replay an incident window: fast (thinned, the default) or exact (every request).
enum class TrafficMode { kFast, kExact };

/// Requests per second the fast mode simulates at most, summed over the workloads that send requests.
constexpr double kFastTrafficRatePerS = 2;

/// File and command-line spelling: "fast" or "exact".
std::string_view to_string(TrafficMode mode);
/// The mode spelled `text` ("fast" or "exact"); nullopt for anything else.
std::optional<TrafficMode> parse_traffic_mode(std::string_view text);

/// Mean requests per second `scenario` offers, summed over its workloads that send requests (not training).
double offered_rate_per_s(const Scenario& scenario);

/// Share of the requests the fast mode keeps: min(1, max_rate_per_s / offered rate), in (0, 1].
double thinning_factor(const Scenario& scenario, double max_rate_per_s = kFastTrafficRatePerS);

/// `scenario` thinned by f = thinning_factor(): every arrival rate and every deployment's capacity (tokens
/// per minute, quota, concurrency) times f, so utilization and every share of refused calls stay; each
/// simulated request stands for 1/f (writes per request, documents per request and the cost of a failed
/// request divided by f), so lost writes, lost work and costs keep their expectation. f = 1: an exact copy.
Scenario thin_traffic(const Scenario& scenario, double max_rate_per_s = kFastTrafficRatePerS);

/// `scenario` at `factor` (> 0) times its request rate with every deployment's capacity scaled alike (a
/// production-traffic copy for tests and benchmarks; per-request figures unchanged).
Scenario scale_traffic(const Scenario& scenario, double factor);

}  // namespace faultline::engine
