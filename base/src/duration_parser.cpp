#include "faultline/base/duration_parser.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace faultline::base {
namespace {

// Largest duration accepted: about 292 thousand years fit in int64 microseconds;
// we stop at 100 years so that a unit typo ("2000000h") is caught elsewhere as absurd, not as overflow.
constexpr double kMaxSeconds = 100.0 * 365.0 * 24.0 * 3600.0;

DurationParseResult from_seconds(double seconds) {
  if (!std::isfinite(seconds)) return {std::nullopt, "not a finite number"};
  if (seconds < 0) return {std::nullopt, "negative duration"};
  if (seconds > kMaxSeconds) return {std::nullopt, "longer than 100 years"};
  return {std::chrono::microseconds{static_cast<std::int64_t>(std::llround(seconds * 1e6))}, {}};
}

}  // namespace

DurationParseResult parse_duration(std::string_view text) {
  if (text.empty()) return {std::nullopt, "empty duration"};
  std::size_t digits_end = 0;
  while (digits_end < text.size() && ((text[digits_end] >= '0' && text[digits_end] <= '9') || text[digits_end] == '.' ||
                                      (digits_end == 0 && (text[0] == '-' || text[0] == '+')))) {
    ++digits_end;
  }
  const std::string_view number = text.substr(0, digits_end);
  const std::string_view unit = text.substr(digits_end);
  double amount = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), amount);
  if (number.empty() || ec != std::errc{} || end != number.data() + number.size()) {
    return {std::nullopt, "\"" + std::string(text) + "\" does not start with a number"};
  }
  double scale = 0;
  if (unit.empty() || unit == "s") {
    scale = 1;
  } else if (unit == "ms") {
    scale = 1e-3;
  } else if (unit == "m") {
    scale = 60;
  } else if (unit == "h") {
    scale = 3600;
  } else {
    return {std::nullopt, "unknown unit \"" + std::string(unit) + "\" in \"" + std::string(text) + "\""};
  }
  return from_seconds(amount * scale);
}

DurationParseResult parse_json_duration(const nlohmann::json& value) {
  if (value.is_number()) return from_seconds(value.get<double>());
  if (value.is_string()) return parse_duration(std::string_view(value.get_ref<const std::string&>()));
  return {std::nullopt, std::string("a duration must be a number or a string, not ") + value.type_name()};
}

}  // namespace faultline::base
