#include "faultline/sensitivity/parameter_range.hpp"

#include <charconv>
#include <cmath>

#include "faultline/base/duration_parser.hpp"
#include "faultline/base/key_suggestion.hpp"

namespace faultline::sensitivity {
namespace {

std::string join_names() {
  std::string out;
  for (const std::string& name : parameter_names()) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// One value of `info` from `text`; sets `problem` when it is not one.
std::optional<double> read_value(const ParameterInfo& info, std::string_view text, std::string& problem) {
  if (text.empty()) {
    problem = "a range end is empty";
    return std::nullopt;
  }
  double value = 0;
  if (info.unit == ParameterUnit::kSeconds) {
    const base::DurationParseResult d = base::parse_duration(text);
    if (!d.value) {
      problem = "\"" + std::string(text) + "\": " + d.error;
      return std::nullopt;
    }
    value = static_cast<double>(d.value->count()) / 1e6;
  } else {
    std::string_view number = text;
    if (info.unit == ParameterUnit::kPercent && number.ends_with('%')) number.remove_suffix(1);
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (number.empty() || ec != std::errc{} || end != number.data() + number.size() || !std::isfinite(value)) {
      problem = "\"" + std::string(text) + "\" is not a number";
      return std::nullopt;
    }
    if (info.unit == ParameterUnit::kCount && value != std::floor(value)) {
      problem = "\"" + std::string(text) + "\" is not a whole number";
      return std::nullopt;
    }
  }
  const bool is_low = info.is_min_exclusive ? !(value > info.min) : !(value >= info.min);
  if (is_low || value > info.max) {
    problem = "\"" + std::string(text) + "\" is out of range";
    return std::nullopt;
  }
  return value;
}

// One item "NAME" or "NAME=LOW..HIGH"; sets `problem` and `allowed` when it is not one.
std::optional<ParameterRange> read_item(std::string_view item, std::string& problem, std::string& allowed) {
  const std::size_t equals = item.find('=');
  const std::string_view name = item.substr(0, equals);
  const ParameterInfo* info = find_parameter(name);
  if (info == nullptr) {
    problem = "unknown parameter \"" + std::string(name) + "\"";
    if (const auto near = base::nearest_word(name, parameter_names())) problem += "; did you mean \"" + *near + "\"?";
    allowed = join_names();
    return std::nullopt;
  }
  ParameterRange range{info->id, std::nullopt, std::nullopt};
  if (equals == std::string_view::npos) return range;
  allowed = "NAME=LOW..HIGH with LOW < HIGH, " + allowed_values(*info) + ", or NAME alone for its default range " +
            std::string(info->default_range);
  const std::string_view text = item.substr(equals + 1);
  const std::size_t dots = text.find("..");
  if (text.empty()) {
    problem = "empty range";
    return std::nullopt;
  }
  if (dots == std::string_view::npos) {
    problem = "\"" + std::string(text) + "\" is not a range LOW..HIGH";
    return std::nullopt;
  }
  range.low = read_value(*info, text.substr(0, dots), problem);
  if (!range.low) return std::nullopt;
  range.high = read_value(*info, text.substr(dots + 2), problem);
  if (!range.high) return std::nullopt;
  if (!(*range.low < *range.high)) {
    problem = "empty range: low " + format_value(info->unit, *range.low) + " is not below high " +
              format_value(info->unit, *range.high);
    return std::nullopt;
  }
  return range;
}

}  // namespace

RangeParseResult parse_parameter_ranges(const std::vector<std::string>& items) {
  RangeParseResult out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string problem;
    std::string allowed;
    std::optional<ParameterRange> range = read_item(items[i], problem, allowed);
    if (range) {
      for (const ParameterRange& earlier : out.ranges) {
        if (earlier.id != range->id) continue;
        problem = "parameter \"" + std::string(parameter_info(range->id).name) + "\" is given twice";
        allowed = "each parameter once";
      }
    }
    if (!problem.empty()) {
      out.ranges.clear();
      out.error = "--params item " + std::to_string(i + 1) + " \"" + items[i] + "\": " + problem +
                  " (allowed: " + allowed + ")";
      return out;
    }
    out.ranges.push_back(*range);
  }
  return out;
}

std::string format_range(ParameterUnit unit, double low, double high) {
  return format_value(unit, low) + ".." + format_value(unit, high);
}

std::string allowed_values(const ParameterInfo& info) {
  const std::string low = (info.is_min_exclusive ? "above " : "from ") + format_value(info.unit, info.min);
  return std::string(unit_syntax(info.unit)) + " " + low + " to " + format_value(info.unit, info.max);
}

}  // namespace faultline::sensitivity
