#pragma once
// Bucketed time series of a pattern's run, as reports draw them (plain data).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace faultline::engine {

/// faultline.result/v1 `patterns[].series`. Bucket i covers
/// [start_s[i], start_s[i] + bucket_s) (the last one ends at the run end).
/// Per-bucket vectors have one entry per bucket; per-region ones are indexed
/// [region][bucket] in the order of `regions`. nullopt (JSON null) means the
/// bucket had nothing to measure (no request, no sample).
struct SeriesResult {
  double bucket_s = 0.0;                                          ///< bucket width, s (a whole number)
  std::uint64_t replications = 1;                                 ///< replications summed into the counts
  std::vector<double> start_s;                                    ///< bucket starts, s since run start
  std::vector<std::uint64_t> offered;                             ///< requests offered (summed over replications)
  std::vector<std::uint64_t> failed;                              ///< requests that failed
  std::vector<std::optional<double>> success_ratio;               ///< succeeded / offered
  std::vector<std::optional<double>> p99_latency_ms;              ///< nearest-rank p99, relative error <= 6.25 %
  std::vector<std::optional<double>> max_latency_ms;              ///< exact maximum
  std::vector<std::string> regions;                               ///< region names, index order
  std::vector<std::vector<std::optional<double>>> traffic_share;  ///< [region][bucket] share of offered
  std::vector<std::vector<double>> capacity;                      ///< [region][bucket] time-weighted mean level
  std::vector<std::optional<double>> replication_lag_mean_s;      ///< mean of lag samples, s
  std::vector<std::optional<double>> replication_lag_max_s;       ///< max of lag samples, s

  friend bool operator==(const SeriesResult&, const SeriesResult&) = default;
};

}  // namespace faultline::engine
