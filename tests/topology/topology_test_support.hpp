#pragma once
// Loading helpers shared by the topology tests.

#include <nlohmann/json.hpp>
#include <string>

#include "faultline/topology/topology_loader.hpp"

namespace faultline::testing {

/// The JSON document of a file in the source tree, e.g. "scenarios/topologies/foundry-two-region.json".
nlohmann::json read_source_json(const std::string& relative);

/// Loads `doc` as if it were the file `name`.
topology::LoadResult load_json(const nlohmann::json& doc, const std::string& name = "test.json");

/// Loads `doc` and fails the test (with the loader's report) unless it loads.
topology::Topology load_ok(const nlohmann::json& doc);

}  // namespace faultline::testing
