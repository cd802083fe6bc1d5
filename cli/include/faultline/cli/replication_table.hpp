#pragma once
// `faultline run --replications N`: the same scenario over N seeds, with intervals on the
// figures one seed cannot settle (issue 22: one seed's Hot/Warm RTO ranges from 360 to 420 s).

#include <cstdint>
#include <string>
#include <vector>

#include "faultline/engine/model/run_result.hpp"

namespace faultline::cli {

/// One pattern's figures over the replications, in seed order.
struct PatternSamples {
  std::string name;
  std::vector<double> rto_s;         ///< worst incident's RTO per replication that had one, s
  std::vector<double> rpo_s;         ///< worst store's RPO per replication that had one, s
  std::vector<double> availability;  ///< 0..1, every replication
};

/// Adds `result` (one seed's run) to `samples`, creating a row per pattern on the first call.
void add_replication(const engine::RunResult& result, std::vector<PatternSamples>& samples);

/// The table: per pattern, mean with its two-sided 99 % Student-t half-width, min and max of RTO, RPO and
/// availability over `replications` runs with seeds first_seed .. first_seed + replications - 1.
std::string format_replications(const std::vector<PatternSamples>& samples, std::uint64_t first_seed,
                                std::uint64_t replications);

}  // namespace faultline::cli
