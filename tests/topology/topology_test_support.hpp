#pragma once
// Loading helpers shared by the topology tests.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "faultline/topology/topology_loader.hpp"

namespace faultline::testing {

/// The JSON document of a file in the source tree, e.g. "scenarios/topologies/foundry-two-region.json".
nlohmann::json read_source_json(const std::string& relative);

/// Loads `doc` as if it were the file `name`.
topology::LoadResult load_json(const nlohmann::json& doc, const std::string& name = "test.json");

/// The errors of loading `doc` as the file `name`, as "file: path: problem (allowed: ...)"
/// lines; checks that there is at least one.
std::vector<std::string> error_lines(const nlohmann::json& doc, const std::string& name = "t.json");

/// Loads `doc` and fails the test (with the loader's report) unless it loads.
topology::Topology load_ok(const nlohmann::json& doc);

}  // namespace faultline::testing
