#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "command_runner.hpp"

using faultline::testing::faultline_binary;
using faultline::testing::run_command;
using faultline::testing::source_path;
namespace fs = std::filesystem;

namespace {

// run_command merges stderr into the output; commands that must keep only stdout
// discard stderr inside a brace group: "{ cmd 2>/dev/null; }".
const char* const kShipped[] = {"foundry-two-region", "three-region-active", "eu-residency",
                                "foundry-two-region-mistakes"};

std::string topology_file(const std::string& name) { return source_path("scenarios/topologies/" + name + ".json"); }

// A fresh empty folder under the build tree for output files.
fs::path scratch_folder(const std::string& name) {
  const char* binary_dir = std::getenv("FAULTLINE_BINARY_DIR");
  const fs::path folder =
      fs::path(binary_dir != nullptr ? binary_dir : fs::temp_directory_path().string()) / "test-output" / name;
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t file_count(const fs::path& folder) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator{}));
}

}  // namespace

TEST_CASE("faultline lint on every shipped topology", "[topology][cli][e2e]") {
  const std::string bin = faultline_binary();
  SECTION("clean files exit 0 with no findings") {
    for (const char* name : {"foundry-two-region", "three-region-active", "eu-residency"}) {
      const auto r = run_command(bin + " lint " + topology_file(name));
      INFO(r.output);
      CHECK(r.exit_code == 0);
      CHECK_THAT(r.output, Catch::EndsWith(".json: 0 error(s), 0 warning(s), 0 info\n"));
    }
  }
  SECTION("the mistakes file exits 1 and names rule, nodes and fix") {
    const auto r = run_command(bin + " lint " + topology_file("foundry-two-region-mistakes"));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Catch::Contains("9 error(s), 6 warning(s), 0 info"));
    CHECK_THAT(r.output, Catch::Contains("error FL001 model-version-drift: deployment \"chat\" serves gpt-4.1-mini "
                                         "2024-07-18 in centralus but gpt-4.1-mini 2025-04-14 in eastus2\n"
                                         "  nodes: chat-centralus, chat-eastus2\n  fix: pin the same model"));
  }
  SECTION("--json gives a document with the findings and a summary") {
    const auto r =
        run_command("{ " + bin + " lint --json " + topology_file("foundry-two-region-mistakes") + " 2>/dev/null; }");
    CHECK(r.exit_code == 1);
    const auto doc = nlohmann::json::parse(r.output);
    CHECK(doc["summary"] == nlohmann::json({{"errors", 9}, {"warnings", 6}, {"info", 0}}));
    CHECK(doc["findings"][0]["rule"] == "FL001");
    CHECK(doc["findings"][0]["severity"] == "error");
    CHECK(doc["findings"][0]["nodes"] == nlohmann::json({"chat-centralus", "chat-eastus2"}));
  }
  SECTION("bad input exits 2 with every loader error") {
    const fs::path folder = scratch_folder("lint-bad");
    std::ofstream(folder / "bad.json") << "{\"name\": \"x\", \"regoins\": []}";
    const auto r = run_command(bin + " lint " + (folder / "bad.json").string());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("bad.json: regoins: unknown key \"regoins\"; did you mean \"regions\"?"));
    CHECK_THAT(r.output, Catch::Contains("bad.json: regions: missing required key \"regions\" (allowed: an array)"));
    const auto json_run =
        run_command("{ " + bin + " lint --json " + (folder / "bad.json").string() + " 2>/dev/null; }");
    CHECK(json_run.exit_code == 2);
    CHECK(nlohmann::json::parse(json_run.output)["load_errors"].size() == 2);
    CHECK(run_command(bin + " lint /nonexistent.json").exit_code == 2);
  }
}

TEST_CASE("faultline graph on every shipped topology", "[topology][cli][e2e]") {
  const std::string bin = faultline_binary();
  SECTION("DOT on standard output for each file") {
    for (const char* name : kShipped) {
      const auto r = run_command(bin + " graph " + topology_file(name));
      INFO(name);
      CHECK(r.exit_code == 0);
      CHECK_THAT(r.output, Catch::StartsWith("digraph \"" + std::string(name) + "\" {\n"));
    }
  }
  SECTION("-o FILE.dot writes the file, and Graphviz dot renders it to SVG") {
    const fs::path folder = scratch_folder("graph-dot");
    const fs::path dot_file = folder / "reference.dot";
    const auto r = run_command(bin + " graph " + topology_file("foundry-two-region") + " -o " + dot_file.string());
    CHECK(r.exit_code == 0);
    CHECK(read_text(dot_file) == run_command(bin + " graph " + topology_file("foundry-two-region")).output);
    const fs::path svg = folder / "by-dot.svg";
    CHECK(run_command("dot -Tsvg " + dot_file.string() + " -o " + svg.string()).exit_code == 0);
    CHECK_THAT(read_text(svg), Catch::Contains("<title>cluster_eastus2</title>"));
    CHECK(file_count(folder) == 2);
  }
  SECTION("-o FILE.svg renders through dot and leaves no temporary file") {
    const fs::path folder = scratch_folder("graph-svg");
    const fs::path svg = folder / "reference.svg";
    const auto r = run_command(bin + " graph " + topology_file("foundry-two-region") + " -o " + svg.string());
    INFO(r.output);
    CHECK(r.exit_code == 0);
    const std::string text = read_text(svg);
    CHECK_THAT(text, Catch::StartsWith("<?xml"));
    CHECK_THAT(text, Catch::Contains("<title>cluster_centralus</title>"));
    CHECK(file_count(folder) == 1);
  }
  SECTION("SVG without dot on the PATH: exit 2, the Debian package named, nothing written") {
    const fs::path folder = scratch_folder("graph-no-dot");
    const auto r = run_command("PATH=/nonexistent " + bin + " graph " + topology_file("foundry-two-region") + " -o " +
                               (folder / "x.svg").string());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("install the Debian package graphviz"));
    CHECK(file_count(folder) == 0);
  }
  SECTION("an unknown output format or bad topology: exit 2, nothing written") {
    const fs::path folder = scratch_folder("graph-bad");
    const auto r =
        run_command(bin + " graph " + topology_file("foundry-two-region") + " -o " + (folder / "x.png").string());
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("(allowed: a file ending in .dot, .gv or .svg)"));
    std::ofstream(folder / "bad.json") << "[";
    const auto bad =
        run_command(bin + " graph " + (folder / "bad.json").string() + " -o " + (folder / "x.dot").string());
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.output, Catch::Contains("bad.json:1:2: syntax error"));
    CHECK(file_count(folder) == 1);  // only bad.json
  }
}
