#include "topology_test_support.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "command_runner.hpp"

namespace faultline::testing {

nlohmann::json read_source_json(const std::string& relative) {
  std::ifstream in(source_path(relative));
  REQUIRE(in.good());
  return nlohmann::json::parse(in);
}

topology::LoadResult load_json(const nlohmann::json& doc, const std::string& name) {
  return topology::TopologyLoader::load_text(doc.dump(2), name);
}

std::vector<std::string> error_lines(const nlohmann::json& doc, const std::string& name) {
  const topology::LoadResult result = load_json(doc, name);
  std::vector<std::string> out;
  for (const base::LoadError& e : result.errors) out.push_back(e.to_string());
  CHECK_FALSE(result.is_ok());
  return out;
}

topology::Topology load_ok(const nlohmann::json& doc) {
  topology::LoadResult result = load_json(doc);
  INFO(result.error_report());
  REQUIRE(result.is_ok());
  return std::move(*result.topology);
}

}  // namespace faultline::testing
