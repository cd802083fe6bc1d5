#pragma once
// The parameters `faultline sensitivity` varies, one at a time, with their units,
// the values they may take and their default ranges (docs/sensitivity.md).

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::sensitivity {

/// How a parameter's values are written and read.
enum class ParameterUnit {
  kSeconds,   ///< a duration: "30s", "5m", "2h" or a number of seconds
  kCount,     ///< a whole number
  kPercent,   ///< a percentage, 0 < v <= 100 ("50" or "50%")
  kFraction,  ///< a share, 0..1
  kFactor,    ///< a multiplier > 0 of the pattern's own values
};

/// Every parameter, in the order tables, documents and charts list them.
enum class ParameterId {
  kProbeInterval,
  kProbeSampleSize,
  kProbeRequired,
  kBreakerFailureRate,
  kBreakerMinimumCalls,
  kBreakerOpenWait,
  kFailoverValidateFor,
  kStandbyFraction,
  kTriggerDelay,
  kTimeToCapacity,
  kRunbookDurationScale,
  kReplicationLag,
  kBackupInterval,
  kAutomaticFailoverDelay,
};

/// One parameter: its name on the command line and in documents, its unit, the values it may take
/// (in its unit: seconds, calls, percent, ...), its default range and what it changes.
struct ParameterInfo {
  ParameterId id;
  std::string_view name;  ///< e.g. "probe.interval"
  ParameterUnit unit;
  double min;                      ///< smallest allowed value
  double max;                      ///< largest allowed value
  bool is_min_exclusive;           ///< the value must be > min (not >=)
  std::string_view default_range;  ///< as docs state it, e.g. "10s..120s" or "1..n"
  double default_low;              ///< the default range's ends when they do not depend on the pattern
  double default_high;             ///< (sample size and successful samples: see default_range in pattern_edit.hpp)
  std::string_view description;    ///< what a value changes in the pattern, one line
};

/// Every parameter in ParameterId order.
std::span<const ParameterInfo> parameter_catalog();

/// The parameter named `name`, or null.
const ParameterInfo* find_parameter(std::string_view name);

/// The entry of `id`.
const ParameterInfo& parameter_info(ParameterId id);

/// Every parameter name in catalogue order (for "allowed: ..." in messages).
std::vector<std::string> parameter_names();

/// `value` as written in its unit: "30s", "1.5m" for 90 s, "4", "50%", "0.25", "x1.5".
std::string format_value(ParameterUnit unit, double value);

/// `value` as written for the parameter named `name` (format_value in its unit); a plain number for an unknown name.
std::string format_value(std::string_view name, double value);

/// What values of `unit` look like, for messages ("a duration like 10s, 5m, 2h", ...).
std::string_view unit_syntax(ParameterUnit unit);

/// Short unit label for tables and documents: "s", "count", "%", "fraction", "factor".
std::string_view unit_label(ParameterUnit unit);

}  // namespace faultline::sensitivity
