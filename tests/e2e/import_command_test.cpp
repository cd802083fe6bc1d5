// End to end: the built `faultline import` on the shipped fixture exports
// (tests/importer/fixtures), then `faultline lint` and `faultline run` on what it wrote.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "command_runner.hpp"
#include "json_run.hpp"

namespace {

using faultline::testing::faultline_binary;
using faultline::testing::read_text;
using faultline::testing::run_command;
using faultline::testing::source_path;
using faultline::testing::temp_path;
using nlohmann::json;

std::string fixture(const std::string& name) { return source_path("tests/importer/fixtures/" + name); }

// Pattern names ordered by worst RTO, then by failed requests (the result table's comparison).
std::vector<std::string> ranking(const json& result) {
  std::vector<std::pair<std::pair<double, double>, std::string>> rows;
  for (const json& p : result.at("patterns")) {
    double rto = 0;
    for (const json& i : p.at("incidents")) rto = std::max(rto, i.value("rto_s", 0.0));
    const json& w = p.at("workloads")[0];
    rows.push_back({{rto, w.at("offered").get<double>() - w.at("succeeded").get<double>()}, p.at("name")});
  }
  std::sort(rows.begin(), rows.end());
  std::vector<std::string> names;
  for (const auto& r : rows) names.push_back(r.second);
  return names;
}

// Runs the reference scenario with its topology replaced by `topology`; returns the result.
json run_reference(const std::string& topology, const std::string& tag) {
  json scenario = json::parse(read_text(source_path("scenarios/reference.json")));
  scenario.erase("$schema");
  scenario["topology"] = topology;
  return faultline::testing::run_scenario_json(scenario, "reference-" + tag);
}

}  // namespace

TEST_CASE("faultline import terraform: writes a topology that lints and runs", "[e2e][import]") {
  const std::string out = temp_path("imported-terraform.json");
  const std::string provenance = temp_path("imported-terraform.provenance.json");
  std::filesystem::remove(out);
  const auto r = run_command(faultline_binary() + " import terraform " + fixture("foundry-two-region.tfstate.json") +
                             " -o " + out + " --provenance " + provenance);
  INFO(r.output);
  CHECK(r.exit_code == 0);
  REQUIRE(std::filesystem::exists(out));
  CHECK(r.output.find("0 error(s)") != std::string::npos);
  CHECK(r.output.find("1 x random_string") != std::string::npos);
  const json p = json::parse(read_text(provenance));
  CHECK_FALSE(p.at("provenance").empty());

  SECTION("faultline lint accepts it") { CHECK(run_command(faultline_binary() + " lint " + out).exit_code == 0); }
  SECTION("round trip: the reference scenario ranks the patterns as on the hand-written topology") {
    const json reference = run_reference(source_path("scenarios/topologies/foundry-two-region.json"), "hand");
    const json imported = run_reference(out, "imported");
    CHECK(ranking(imported) == ranking(reference));
    CHECK(ranking(imported) == std::vector<std::string>{"hot-hot", "hot-warm", "hot-cold"});
  }
}

TEST_CASE("faultline import azure: the drifted system is written and its mistakes flagged", "[e2e][import]") {
  const std::string out = temp_path("imported-drifted.json");
  std::filesystem::remove(out);
  const auto r = run_command(faultline_binary() + " import azure " + fixture("foundry-two-region-drifted.graph.json") +
                             " " + fixture("foundry-two-region-drifted.children.json") + " -o " + out);
  INFO(r.output);
  CHECK(r.exit_code == 1);  // lint errors; the topology is written anyway
  REQUIRE(std::filesystem::exists(out));
  for (const char* rule : {"FL001", "FL004", "FL006"}) CHECK(r.output.find(rule) != std::string::npos);
  const auto lint = run_command(faultline_binary() + " lint " + out);
  CHECK(lint.exit_code == 1);
  CHECK(lint.output.find("FL001") != std::string::npos);
}

TEST_CASE("faultline import: bad input exits 2 and writes nothing", "[e2e][import]") {
  const std::string out = temp_path("imported-bad.json");
  std::filesystem::remove(out);
  SECTION("a graph export given as Terraform state") {
    const auto r = run_command(faultline_binary() + " import terraform " + fixture("foundry-two-region.graph.json") +
                               " -o " + out);
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("not the output of `terraform show -json`") != std::string::npos);
  }
  SECTION("origins without their origin group (the Resource Graph rows alone lack it)") {
    const std::string children = temp_path("origins-only.json");
    json value = json::parse(read_text(fixture("foundry-two-region.children.json")));
    json kept = json::array();
    for (const json& row : value.at("value")) {
      if (row.at("type") != "Microsoft.Cdn/profiles/originGroups") kept.push_back(row);
    }
    std::ofstream(children) << json({{"value", kept}}).dump();
    const auto r = run_command(faultline_binary() + " import azure " + fixture("foundry-two-region.graph.json") + " " +
                               children + " -o " + out);
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("value[0].id: the origin's origin group") != std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists(out));
}
