// End to end: the bytes of every document faultline writes for the shipped scenarios stay
// what they were. Each shipped scenario is run (`faultline run`), the reliability and plan
// examples also through `faultline mc` and `faultline plan`, from the source root with relative
// paths (the documents record input paths); the version string (it names the git commit) is
// blanked, and the sha256 of the rest is compared with tests/e2e/result_digests.txt.
// A change that moves a figure on purpose regenerates the file with
// FAULTLINE_REGENERATE_GOLDEN=1 and says in its commit which figure moved and why.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "command_runner.hpp"
#include "faultline/base/file_digest.hpp"

namespace {

using faultline::testing::faultline_binary;
using faultline::testing::read_text;
using faultline::testing::run_command;
using faultline::testing::source_path;
using faultline::testing::temp_path;

// One document: a label for the golden file and the arguments after `faultline`.
struct Document {
  std::string label;
  std::string arguments;
};

std::vector<Document> documents() {
  std::vector<std::string> scenarios;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("scenarios"))) {
    if (entry.path().extension() == ".json") scenarios.push_back(entry.path().filename().string());
  }
  std::sort(scenarios.begin(), scenarios.end());
  std::vector<Document> out;
  for (const std::string& s : scenarios) out.push_back({"run " + s, "run scenarios/" + s});
  out.push_back({"mc reliability-two-region.json",
                 "mc scenarios/reliability-two-region.json --replications 4 --years 2 --threads 2"});
  out.push_back(
      {"plan plan-three-region.json", "plan scenarios/plan-three-region.json --replications 2 --years 1 --threads 2"});
  return out;
}

// The sha256 of the document `arguments --json` writes, its faultline_version blanked.
std::string digest(const Document& d, std::size_t n) {
  const std::string out = temp_path("digest-" + std::to_string(n) + ".json");
  std::filesystem::remove(out);
  const auto r =
      run_command("cd " + source_path("") + " && " + faultline_binary() + " " + d.arguments + " --json " + out + " -q");
  INFO(d.label << ": " << r.output);
  REQUIRE(std::filesystem::exists(out));
  static const std::regex version("\"faultline_version\": \"[^\"]*\"");
  const std::string text = std::regex_replace(read_text(out), version, "\"faultline_version\": \"\"");
  std::ofstream(out, std::ios::binary | std::ios::trunc) << text;
  return faultline::base::sha256_file(out);
}

}  // namespace

TEST_CASE("the documents of every shipped scenario keep their bytes", "[e2e][contract]") {
  const std::string golden = source_path("tests/e2e/result_digests.txt");
  std::map<std::string, std::string> expected;
  std::istringstream lines(read_text(golden));
  for (std::string line; std::getline(lines, line);) {
    if (line.size() > 66) expected[line.substr(66)] = line.substr(0, 64);
  }
  const bool is_regenerating = std::getenv("FAULTLINE_REGENERATE_GOLDEN") != nullptr;
  std::string regenerated;
  std::size_t n = 0;
  for (const Document& d : documents()) {
    const std::string actual = digest(d, n++);
    regenerated += actual + "  " + d.label + "\n";
    if (is_regenerating) continue;
    INFO(d.label);
    REQUIRE(expected.count(d.label) == 1);
    CHECK(actual == expected[d.label]);
  }
  if (is_regenerating) std::ofstream(golden, std::ios::binary | std::ios::trunc) << regenerated;
}
