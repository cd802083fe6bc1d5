#pragma once
// The comparison table printed on the terminal by `run` (and later `batch`).

#include <string>

#include "faultline/engine/model/run_result.hpp"

namespace faultline::cli {

/// One row per pattern: availability, worst RTO and its parts, failed requests,
/// p99 latency, monthly cost and targets met; then each missed target.
std::string format_result_table(const engine::RunResult& result);

}  // namespace faultline::cli
