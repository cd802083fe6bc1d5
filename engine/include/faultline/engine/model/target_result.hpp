#pragma once
// One target check of a pattern's run (plain data).

#include <optional>
#include <string>

namespace faultline::engine {

/// A target in faultline.result/v1 `patterns[].targets[]`: `name` is the scenario
/// key (`rto_s`, `rpo_s`, `availability`, `monthly_cost_usd`, or
/// `by_fault.<type>.<key>`), `limit` its configured bound, `value` the measured
/// figure in the same unit (nullopt when there is nothing to measure, e.g. no
/// incident), `met` whether value is within limit.
struct TargetResult {
  std::string name;
  double limit = 0.0;
  std::optional<double> value;
  bool met = false;

  friend bool operator==(const TargetResult&, const TargetResult&) = default;
};

}  // namespace faultline::engine
