#pragma once
// Reads the `reliability` section of a scenario file (docs/planner.md) against
// the scenario's already loaded topology, reporting every problem it finds.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "faultline/engine/model/scenario.hpp"
#include "faultline/planner/reliability_model.hpp"
#include "faultline/base/load_error.hpp"

namespace faultline::planner {

/// A reliability model, or every reason there is none.
struct ReliabilityLoadResult {
  std::optional<ReliabilityModel> model;  ///< set iff errors is empty
  std::vector<base::LoadError> errors;
  /// One line per error, each ending with a newline.
  [[nodiscard]] std::string error_report() const;
};

/// Stateless loader of the `reliability` section.
class ReliabilityLoader {
 public:
  /// Reads `scenario.file` again and checks its `reliability` section against `scenario.topology`; without
  /// the section, the model is default_reliability_model (every component marked with its default source).
  static ReliabilityLoadResult load_file(const engine::Scenario& scenario);
  /// Checks `text` (a whole scenario document) as the content of `file_name` against `scenario.topology`.
  static ReliabilityLoadResult load_text(std::string_view text, const std::string& file_name,
                                         const engine::Scenario& scenario);
  /// Checks the parsed document `root`; errors name `file_name`.
  static ReliabilityLoadResult load_json(const nlohmann::json& root, const std::string& file_name,
                                         const engine::Scenario& scenario);
};

/// Seconds in a duration with unit ms, s, min, h, d (24 h), w (7 d), mo (730 h) or y (365 d); nullopt when
/// malformed, negative, or "m" (ambiguous between minutes and months in these long times).
std::optional<double> parse_long_duration_s(std::string_view text);

/// Like parse_long_duration_s, for settings measured in seconds to hours (probe intervals, breaker waits):
/// there "m" is minutes, as in scenario files.
std::optional<double> parse_short_duration_s(std::string_view text);

/// What is wrong with a duration text parse_long_duration_s refused, e.g. that "6m" is ambiguous.
std::string long_duration_problem(std::string_view text);

}  // namespace faultline::planner
