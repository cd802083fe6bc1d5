#pragma once
// Reads the optional `plan` section of a scenario file (docs/planner.md,
// "Search space"): the alternatives `faultline plan` tries per dimension.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "faultline/engine/model/scenario.hpp"
#include "faultline/planner/plan_space.hpp"
#include "faultline/base/load_error.hpp"

namespace faultline::planner {

/// A search space, or every reason there is none.
struct PlanSpaceLoadResult {
  std::optional<PlanSpace> space;  ///< set iff errors is empty; the defaults when the section is absent
  std::vector<base::LoadError> errors;
  /// One line per error, each ending with a newline.
  [[nodiscard]] std::string error_report() const;
};

/// Stateless loader of the `plan` section.
class PlanSpaceLoader {
 public:
  /// Reads `scenario.file` again and checks its `plan` section against `scenario.topology`.
  static PlanSpaceLoadResult load_file(const engine::Scenario& scenario);
  /// Checks `text` (a whole scenario document) as the content of `file_name`.
  static PlanSpaceLoadResult load_text(std::string_view text, const std::string& file_name,
                                       const engine::Scenario& scenario);
  /// Checks the parsed document `root`; errors name `file_name`.
  static PlanSpaceLoadResult load_json(const nlohmann::json& root, const std::string& file_name,
                                       const engine::Scenario& scenario);
};

}  // namespace faultline::planner
