#pragma once
// The bucketed time series as CSV, for spreadsheets and plotting tools.

#include <string>

#include "faultline/engine/model/run_result.hpp"

namespace faultline::reports {

/// RFC 4180 CSV, one row per pattern x bucket; per-region columns
/// (traffic_share:<region>, capacity:<region>) for the union of the patterns'
/// regions in first-seen order; an empty field is a null (nothing measured).
std::string to_series_csv(const engine::RunResult& result);

}  // namespace faultline::reports
