#pragma once
// The ranges a user asks for on the command line: `--params NAME[=LOW..HIGH],...`.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/sensitivity/parameter.hpp"

namespace faultline::sensitivity {

/// One parameter to vary; without low/high it varies over its default range.
struct ParameterRange {
  ParameterId id = ParameterId::kProbeInterval;
  std::optional<double> low;   ///< in the parameter's unit (s, count, %, ...)
  std::optional<double> high;  ///< > low when given
  bool operator==(const ParameterRange&) const = default;
};

/// The parsed list, or the first problem.
struct RangeParseResult {
  std::vector<ParameterRange> ranges;  ///< in the order given
  std::string error;                   ///< "--params item 2 \"x=1..2\": problem (allowed: ...)"; empty on success
};

/// Parses items "NAME" or "NAME=LOW..HIGH" (each item as given, e.g. split at commas). Refuses an
/// unknown name (with the nearest one and the list of names), an empty or reversed range, a negative
/// duration, a value outside the parameter's allowed values, a fractional count and a name given twice.
RangeParseResult parse_parameter_ranges(const std::vector<std::string>& items);

/// "LOW..HIGH" as written in the parameter's unit, e.g. "10s..2m".
std::string format_range(ParameterUnit unit, double low, double high);

/// What values of `info` may be ("durations like ... from 1s to 1h"), for messages and docs.
std::string allowed_values(const ParameterInfo& info);

}  // namespace faultline::sensitivity
