// Bad input: every problem names the file and the JSON path, and nothing is imported.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "faultline/importer/importer.hpp"
#include "importer_test_support.hpp"

namespace {

using namespace faultline::importer::testing;
using faultline::importer::ExportFormat;
using faultline::importer::ExportText;
using faultline::importer::import_texts;
using faultline::importer::ImportOutcome;
using nlohmann::json;

std::string one_error(const Mapped& m) {
  REQUIRE(m.errors.size() == 1);
  return m.errors[0].to_string();
}

}  // namespace

TEST_CASE("Resource Graph exports: shape and rows", "[importer][errors]") {
  SECTION("an object that is no export") {
    CHECK(one_error(map_arm({{"rows", json::array()}})).starts_with("export.json: not a Resource Graph or ARM export"));
  }
  SECTION("a row without type") {
    CHECK(one_error(map_arm({{"data", {arm(rid("A/b/c"), "A/b", "eastus"), {{"id", rid("A/b/d")}}}}})) ==
          "export.json: data[1].type: missing required key \"type\" (allowed: the resource type, e.g. "
          "\"Microsoft.Cdn/profiles\")");
  }
  SECTION("the bare-array, value and single-resource shapes are read") {
    CHECK(map_arm(json::array({arm(rid("A/b/c"), "A/b", "eastus")})).is_ok);
    CHECK(map_arm({{"value", json::array()}}).is_ok);
    CHECK(map_arm(arm(rid("A/b/c"), "A/b", "eastus")).is_ok);
  }
  SECTION("an origin whose origin group is absent: the topology needs it") {
    const json row = arm(rid("Microsoft.Cdn/profiles/fd/originGroups/og/origins/o"),
                         "Microsoft.Cdn/profiles/originGroups/origins", "", {{"hostName", "h"}});
    const std::string e = one_error(map_arm({{"value", {row}}}));
    CHECK(e.starts_with("export.json: value[0].id: the origin's origin group"));
  }
}

TEST_CASE("Terraform state: shape and resources", "[importer][errors]") {
  SECTION("not state") {
    CHECK(one_error(map_terraform({{"data", json::array()}}))
              .starts_with("state.json: not the output of `terraform show -json`"));
  }
  SECTION("a plan instead of state") {
    CHECK(one_error(map_terraform({{"format_version", "1.2"}, {"planned_values", json::object()}})) ==
          "state.json: values: this is a plan (planned_values), not state (allowed: the state: `terraform show "
          "-json` without a plan file)");
  }
  SECTION("a resource without type in a child module") {
    json state = tf_state(json::array());
    const json bad_resource = {{"address", "x.y"}, {"mode", "managed"}, {"values", json::object()}};
    const json child = {{"address", "module.m"}, {"resources", json::array({bad_resource})}};
    state["values"]["root_module"]["child_modules"] = json::array({child});
    CHECK(one_error(map_terraform(state))
              .starts_with("state.json: values.root_module.child_modules[0].resources[0].type: missing"));
  }
  SECTION("a deployment whose account is absent") {
    const json d = {{"id", rid("Microsoft.CognitiveServices/accounts/a/deployments/d")},
                    {"name", "d"},
                    {"model", {{{"name", "m"}, {"version", "1"}}}},
                    {"sku", {{{"name", "Standard"}, {"capacity", 1}}}}};
    CHECK(one_error(map_terraform(tf_state({tf_resource("azurerm_cognitive_deployment", "d", d)})))
              .starts_with("state.json: values.root_module.resources[0].id: the deployment's account"));
  }
}

TEST_CASE("files that are not JSON or missing", "[importer][errors]") {
  const std::string path = (std::filesystem::temp_directory_path() / "faultline-importer-not-json.json").string();
  {
    std::ofstream out(path);
    out << "{\n  \"data\": [,]\n}\n";
  }
  const auto outcome = faultline::importer::import_exports(ExportFormat::kAzure, {path}, "t");
  REQUIRE(outcome.errors.size() == 1);
  CHECK(outcome.errors[0].line == 2);  // the stray comma on line 2
  CHECK(outcome.topology_text.empty());
  std::filesystem::remove(path);
  const auto missing = faultline::importer::import_exports(ExportFormat::kTerraform, {path}, "t");
  CHECK(missing.errors.size() == 1);
}

TEST_CASE("Exports whose properties have the wrong JSON type are refused, not a crash", "[importer][errors]") {
  // Found by tools/fuzz import (tests/fuzz/regressions/import/cosmos-property-type.seed): a
  // Cosmos DB account whose enableAutomaticFailover is a number threw out of the mapper.
  const json account = arm(rid("Microsoft.DocumentDB/databaseAccounts/cosmos"), "Microsoft.DocumentDB/databaseAccounts",
                           "eastus", {{"enableAutomaticFailover", 1}, {"locations", json::array()}});
  const ImportOutcome outcome =
      import_texts(ExportFormat::kAzure, {ExportText{"graph.json", json{{"data", {account}}}.dump()}}, "typed");
  REQUIRE(outcome.errors.size() == 1);
  CHECK(outcome.errors[0].to_string() ==
        "graph.json: a resource property has an unexpected JSON type: type must be boolean, but is number "
        "(allowed: property types as ARM and the azurerm provider document them)");
  CHECK(outcome.topology_text.empty());
}
