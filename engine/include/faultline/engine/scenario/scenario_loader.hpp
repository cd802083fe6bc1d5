#pragma once
// Builds a Scenario from a JSON file (format: docs/scenarios.md, schema:
// scenarios/schema/scenario.schema.json), reporting every problem it finds.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/engine/model/scenario.hpp"
#include "faultline/base/load_error.hpp"

namespace faultline::engine {

/// A scenario, or every reason there is none.
struct ScenarioLoadResult {
  std::optional<Scenario> scenario;     // set iff errors is empty
  std::vector<base::LoadError> errors;  // scenario errors, then the topology's
  /// One line per error, each ending with a newline.
  [[nodiscard]] std::string error_report() const;
};

/// The only way to build a Scenario. Stateless.
class ScenarioLoader {
 public:
  /// Reads the scenario at `path` and the topology it names (relative to the scenario's folder).
  static ScenarioLoadResult load_file(const std::string& path);
  /// Checks `text` as the content of `file_name`; a relative topology path is resolved against `base_dir`.
  static ScenarioLoadResult load_text(std::string_view text, const std::string& file_name, const std::string& base_dir);
};

/// The router configuration a pattern uses when its file gives none (or gives no
/// endpoints): one endpoint per origin of the topology's global entry, named by
/// the origin's region, with the origin's priority (all 1 when active-active) and
/// weight, the region's data boundary, the probe settings of the global entry's
/// health probe, and the lowest client latency as the static estimate.
router::RouterConfig default_router_config(const topology::Topology& topology, bool is_active_active);

}  // namespace faultline::engine
