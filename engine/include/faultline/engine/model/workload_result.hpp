#pragma once
// Availability of one workload class in a pattern's run (plain data).

#include <cstdint>
#include <optional>
#include <string>

namespace faultline::engine {

/// Per-class availability (an addition to faultline.result/v1 `patterns[]`, under
/// `workloads`): DESIGN defines availability per workload class.
struct WorkloadResult {
  std::string name;                        ///< workload class name
  std::uint64_t offered = 0;               ///< requests offered
  std::uint64_t succeeded = 0;             ///< requests that succeeded
  std::optional<double> availability;      ///< succeeded / offered; null without traffic
  std::optional<double> slo_window_share;  ///< share of SLO windows meeting the SLO
  std::uint64_t slo_windows = 0;           ///< windows in the run (ceil(run / window))
  std::uint64_t slo_windows_met = 0;       ///< windows meeting the SLO (empty ones count as met)
  std::optional<double> p50_latency_ms;    ///< nearest-rank, relative error <= 0.78125 %
  std::optional<double> p99_latency_ms;    ///< nearest-rank, relative error <= 0.78125 %

  friend bool operator==(const WorkloadResult&, const WorkloadResult&) = default;
};

}  // namespace faultline::engine
