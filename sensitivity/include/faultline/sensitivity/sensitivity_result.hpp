#pragma once
// The faultline.sensitivity/v1 document as plain data: for each pattern, each
// parameter varied one at a time over its range on the scenario's seed, and the
// swing of RTO, RPO, availability and cost (docs/sensitivity.md).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/engine/model/run_result.hpp"

namespace faultline::sensitivity {

/// What one run of one pattern gave (the figures of faultline.result/v1 a swing is taken of).
struct Outcome {
  std::optional<double> rto_s;     ///< worst incident's RTO, s; null without incidents
  std::optional<double> detect_s;  ///< that incident's fault start -> detection, s; null when not detected
  std::optional<double> rpo_s;     ///< worst data store's RPO, s; null without data at risk
  double availability = 1.0;       ///< successful / offered requests (0..1)
  double monthly_cost_usd = 0.0;   ///< steady-state cost per month, USD
  double incident_cost_usd = 0.0;  ///< the run's incidents, USD
  bool meets_targets = true;       ///< every target of the scenario met
  bool operator==(const Outcome&) const = default;
};

/// One value of a parameter and what the pattern gave with it.
struct Point {
  double value = 0.0;  ///< in the parameter's unit
  Outcome outcome;
  bool operator==(const Point&) const = default;
};

/// Largest minus smallest figure over a parameter's points (null when no point has the figure).
struct Swing {
  std::optional<double> rto_s;
  std::optional<double> detect_s;
  std::optional<double> rpo_s;
  double availability = 0.0;
  double monthly_cost_usd = 0.0;
  double incident_cost_usd = 0.0;
  bool operator==(const Swing&) const = default;
};

/// One parameter on one pattern: its points, or why it was not varied there.
struct ParameterResult {
  std::string name;                  ///< ParameterInfo::name
  std::string not_applicable;        ///< why it was not varied; empty when it was
  std::optional<double> base_value;  ///< the pattern's own value; null when not applicable
  std::optional<double> low;         ///< range varied on this pattern; null when not applicable
  std::optional<double> high;
  std::vector<Point> points;  ///< low to high
  Swing swing;
  bool operator==(const ParameterResult&) const = default;
};

/// One pattern: its own run and every parameter in catalogue order.
struct PatternSensitivity {
  std::string name;
  Outcome base;
  std::vector<ParameterResult> parameters;
  bool operator==(const PatternSensitivity&) const = default;
};

/// A parameter of the study: its unit and the range asked for (the default's rule, or --params).
struct ParameterDefinition {
  std::string name;
  std::string unit;        ///< unit_label: "s", "count", "%", "fraction", "factor"
  std::string range;       ///< e.g. "10s..120s", "1..n"
  bool is_default = true;  ///< false: the range came from --params
  std::string description;
  bool operator==(const ParameterDefinition&) const = default;
};

/// The whole document.
struct SensitivityResult {
  static constexpr std::string_view kSchema = "faultline.sensitivity/v1";

  std::string faultline_version;
  std::vector<engine::InputFile> inputs;
  std::string scenario;    ///< the scenario's name
  std::uint64_t seed = 0;  ///< every run's seed (common random numbers)
  unsigned points = 2;     ///< values per range, evenly spaced, ends included
  std::vector<ParameterDefinition> parameters;
  std::vector<PatternSensitivity> patterns;
  bool operator==(const SensitivityResult&) const = default;
};

/// The swing of `points` (largest minus smallest of each figure).
Swing swing_of(const std::vector<Point>& points);

/// The figures of `pattern` (worst incident: the largest RTO, the first on ties).
Outcome outcome_of(const engine::PatternResult& pattern);

}  // namespace faultline::sensitivity
