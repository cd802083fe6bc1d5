#pragma once
// Internal: checks the `targets` of a scenario file (docs/scenarios.md "Targets") and fills
// Scenario::targets, targets_by_fault and rpo_by_store; every problem goes to the shared JsonReader.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "faultline/base/json_reader.hpp"
#include "faultline/engine/model/scenario.hpp"

namespace faultline::engine {

class TargetReader {
 public:
  /// Reports through `reader`; `fault_types` are the fault type spellings. Both must outlive this object.
  TargetReader(base::JsonReader& reader, const std::vector<std::string>& fault_types)
      : reader_(reader), fault_types_(fault_types) {}

  /// Checks root.targets (optional) into `s`; the topology must be loaded first (rpo_by_store names its stores).
  void check(const nlohmann::json& root, Scenario& s);

 private:
  void check_fields(const nlohmann::json& t, const std::string& path, TargetSpec& out);
  void check_by_fault(const nlohmann::json& by, Scenario& s);
  void check_rpo_by_store(const nlohmann::json& by, Scenario& s);

  base::JsonReader& reader_;
  const std::vector<std::string>& fault_types_;
};

}  // namespace faultline::engine
