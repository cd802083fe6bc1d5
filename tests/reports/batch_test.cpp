#include <libxml/parser.h>
#include <libxml/tree.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "command_runner.hpp"
#include "temp_folder.hpp"

using faultline::testing::faultline_binary;
using faultline::testing::read_text;
using faultline::testing::run_command;
using faultline::testing::TempFolder;

namespace {

// Fixtures are addressed relative to the source root (the tests' working directory),
// so the scenario paths in tables, JUnit and reports are short and stable.
const std::string kGood = "tests/reports/fixtures/batch-good";
const std::string kBad = "tests/reports/fixtures/batch-bad";

// Every file of a folder by name with its bytes.
std::map<std::string, std::string> folder_content(const std::filesystem::path& folder) {
  std::map<std::string, std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    out[entry.path().filename().string()] = read_text(entry.path().string());
  }
  return out;
}

// The <failure> message of test case `name` in JUnit `xml` ("" when it passed, "?" when absent).
std::string failure_of(const std::string& xml, const std::string& name) {
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "junit.xml", nullptr, XML_PARSE_NONET);
  if (doc == nullptr) return "not XML";
  std::string out = "?";
  for (xmlNode* suite = xmlDocGetRootElement(doc)->children; suite != nullptr; suite = suite->next) {
    for (xmlNode* c = suite->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      xmlChar* n = xmlGetProp(c, reinterpret_cast<const xmlChar*>("name"));
      const bool is_match = n != nullptr && name == reinterpret_cast<const char*>(n);
      xmlFree(n);
      if (!is_match) continue;
      out.clear();
      for (xmlNode* f = c->children; f != nullptr; f = f->next) {
        if (f->type != XML_ELEMENT_NODE) continue;
        xmlChar* m = xmlGetProp(f, reinterpret_cast<const xmlChar*>("message"));
        out = m != nullptr ? reinterpret_cast<const char*>(m) : "";
        xmlFree(m);
      }
    }
  }
  xmlFreeDoc(doc);
  return out;
}

}  // namespace

TEST_CASE("batch: an impossible target exits 1 and fails its JUnit case", "[reports][batch][e2e]") {
  const TempFolder tmp;
  const auto r = run_command(faultline_binary() + " batch " + kGood + " --jobs 2 --junit " + (tmp / "junit.xml") +
                             " --report-dir " + (tmp / "reports"));
  SECTION("exit 1, every scenario found (nested too), schema/ and topologies/ and non-scenarios skipped") {
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Catch::Contains("== " + kGood + "/a-met.json\n"));
    CHECK_THAT(r.output, Catch::Contains("== " + kGood + "/b-impossible.json\n"));
    CHECK_THAT(r.output, Catch::Contains("== " + kGood + "/nested/c-met.json\n"));
    CHECK_THAT(r.output, Catch::Contains("batch: 3 scenario(s), 2 met every target, 1 missed a target, 0 malformed"));
    CHECK_THAT(r.output, !Catch::Contains("router-config"));
  }
  SECTION("the JUnit case of the missed target fails with value and limit; the others pass") {
    const std::string xml = read_text(tmp / "junit.xml");
    CHECK_THAT(failure_of(xml, "hot-hot: monthly_cost_usd"),
               Catch::Matches("monthly_cost_usd = [0-9.]+ exceeds the limit 1"));
    CHECK(failure_of(xml, "hot-hot: availability").empty());
    CHECK(failure_of(xml, "hot-warm: rto_s").empty());
  }
  SECTION("--report-dir holds an HTML report and the result per scenario") {
    const auto files = folder_content(tmp.path() / "reports");
    for (const char* stem : {"a-met", "b-impossible", "nested__c-met"}) {
      const std::string base = "tests__reports__fixtures__batch-good__" + std::string(stem);
      INFO(base);
      REQUIRE(files.count(base + ".html") == 1);
      CHECK_THAT(files.at(base + ".html"), Catch::StartsWith("<!DOCTYPE html>"));
      CHECK_THAT(files.at(base + ".result.json"), Catch::Contains("\"schema\": \"faultline.result/v1\""));
    }
    CHECK(files.size() == 6);
  }
}

TEST_CASE("batch: a malformed scenario exits 2 and is named, while the others still run and report",
          "[reports][batch][e2e]") {
  const TempFolder tmp;
  const auto r = run_command(faultline_binary() + " batch " + kBad + " --junit " + (tmp / "junit.xml") +
                             " --report-dir " + (tmp / "reports"));
  SECTION("exit 2 naming the file and the problem") {
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains(kBad + "/b-malformed.json: duration"));
    CHECK_THAT(r.output,
               Catch::Contains("faultline batch: " + kBad + "/b-malformed.json is malformed; it was not run"));
    CHECK_THAT(r.output, Catch::Contains("1 met every target, 0 missed a target, 2 malformed"));
  }
  SECTION("a JSON syntax error keeps its line and column (c-syntax.json: trailing comma, line 4 column 1)") {
    CHECK_THAT(r.output, Catch::Contains(kBad + "/c-syntax.json: 4:1: syntax error"));
  }
  SECTION("the good scenario has its report and a passing case; the bad one an errored case") {
    CHECK(std::filesystem::exists(tmp.path() / "reports" / "tests__reports__fixtures__batch-bad__a-met.html"));
    CHECK_FALSE(
        std::filesystem::exists(tmp.path() / "reports" / "tests__reports__fixtures__batch-bad__b-malformed.html"));
    const std::string xml = read_text(tmp / "junit.xml");
    CHECK(failure_of(xml, "hot-hot: availability").empty());
    // Two errored "scenario" cases, one per malformed file.
    CHECK_THAT(xml, Catch::Contains("b-malformed.json: duration"));
    CHECK_THAT(xml, Catch::Contains("c-syntax.json: 4:1: syntax error"));
  }
  SECTION("a path that does not exist is bad input too") {
    const auto missing = run_command(faultline_binary() + " batch " + kGood + "/a-met.json tests/no-such-folder -q");
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.output, Catch::Contains("tests/no-such-folder: no such file or folder"));
  }
}

TEST_CASE("batch: outputs do not depend on --jobs, and shards merge into the whole", "[reports][batch][e2e]") {
  const TempFolder tmp;
  const std::string bin = faultline_binary();
  const auto one =
      run_command(bin + " batch " + kGood + " --jobs 1 --junit " + (tmp / "j1.xml") + " --report-dir " + (tmp / "d1"));
  const auto two =
      run_command(bin + " batch " + kGood + " --jobs 2 --junit " + (tmp / "j2.xml") + " --report-dir " + (tmp / "d2"));
  SECTION("--jobs 1 and --jobs 2: same table, same JUnit, same report files, byte for byte") {
    CHECK(one.exit_code == 1);
    CHECK(two.exit_code == 1);
    CHECK(one.output == two.output);
    CHECK(read_text(tmp / "j1.xml") == read_text(tmp / "j2.xml"));
    CHECK(folder_content(tmp.path() / "d1") == folder_content(tmp.path() / "d2"));
  }
  SECTION("shards 1/2 and 2/2 into one --report-dir equal the whole; their results merge into the whole JUnit") {
    const auto s1 = run_command(bin + " batch " + kGood + " --shard 1/2 -q --report-dir " + (tmp / "shards"));
    const auto s2 = run_command(bin + " batch " + kGood + " --shard 2/2 -q --report-dir " + (tmp / "shards"));
    // Path order: a-met, b-impossible, nested/c-met; shard 1/2 takes the 1st and 3rd, shard 2/2 the 2nd.
    CHECK(s1.exit_code == 0);
    CHECK(s2.exit_code == 1);
    CHECK(folder_content(tmp.path() / "shards") == folder_content(tmp.path() / "d1"));
    const auto merged =
        run_command(bin + " report " + (tmp / "shards") + "/*.result.json --format junit -o " + (tmp / "merged.xml"));
    CHECK(merged.exit_code == 0);
    CHECK(read_text(tmp / "merged.xml") == read_text(tmp / "j1.xml"));
  }
  SECTION("a malformed --shard is a usage error") {
    const auto bad = run_command(bin + " batch " + kGood + " --shard 3/2");
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.output, Catch::Contains("--shard 3/2 is malformed (allowed: K/N with 1 <= K <= N"));
  }
}
