#pragma once
// Durations in topology and scenario files: a number of seconds, or a string
// with a unit: "500ms", "90s", "15m", "2h" (decimals allowed: "1.5h").

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace faultline::base {

/// A parsed duration, or why the text is not one.
struct DurationParseResult {
  std::optional<std::chrono::microseconds> value;  // set on success
  std::string error;                               // set on failure, e.g. "unknown unit \"d\""
};

/// What a duration may look like, for "allowed: ..." parts of messages.
inline constexpr std::string_view kDurationAllowed =
    "a number of seconds >= 0 or a string like \"500ms\", \"90s\", \"15m\", \"2h\"";

/// Parses "500ms", "90s", "15m", "2h" or "12.5" (seconds) into microseconds, rounded to the nearest us.
DurationParseResult parse_duration(std::string_view text);

/// Parses a JSON number (seconds) or string (as above) into microseconds; negative values are errors.
DurationParseResult parse_json_duration(const nlohmann::json& value);

}  // namespace faultline::base
