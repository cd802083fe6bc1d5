#pragma once
// Internal: checks the `workloads[]` of a scenario file and builds WorkloadSpecs
// (docs/scenarios.md "Workloads"); every problem goes to the shared JsonReader.

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "faultline/engine/model/scenario.hpp"
#include "faultline/base/json_reader.hpp"

namespace faultline::engine {

class WorkloadReader {
 public:
  /// Reports through `reader`, which must outlive this object.
  explicit WorkloadReader(base::JsonReader& reader) : reader_(reader) {}

  /// Checks workload object `w` at JSON path `path`; appends it to s.workloads (the topology must be loaded first).
  void check(const nlohmann::json& w, const std::string& path, Scenario& s);
  /// File spellings of WorkloadKind, in enum order.
  static const std::vector<std::string>& kinds();

 private:
  void check_arrivals(const nlohmann::json& a, const std::string& path, WorkloadSpec& spec);
  void check_writes_to(const nlohmann::json& w, const std::string& path, const Scenario& s, WorkloadSpec& spec);
  void check_model_served(const std::string& model, const std::string& path, const Scenario& s);
  void check_training(const nlohmann::json& t, const std::string& path, const Scenario& s, WorkloadSpec& spec);
  void check_ingestion(const nlohmann::json& t, const std::string& path, const Scenario& s, WorkloadSpec& spec);
  // A region id of the topology at `key`, or an error listing them.
  std::string region_id(const nlohmann::json& o, const std::string& path, const char* key, base::FieldOptions options,
                        const Scenario& s);
  [[nodiscard]] static std::set<std::string> boundaries(const Scenario& s);

  base::JsonReader& reader_;
  std::set<std::string> names_;
};

}  // namespace faultline::engine
