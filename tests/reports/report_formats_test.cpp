#include <libxml/parser.h>
#include <libxml/tree.h>

#include <catch2/catch.hpp>
#include <regex>

#include "faultline/reports/csv_report.hpp"
#include "faultline/reports/html_report.hpp"
#include "faultline/reports/junit_report.hpp"
#include "faultline/reports/markdown_report.hpp"
#include "sample_result.hpp"

namespace reports = faultline::reports;

namespace {

std::string attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string out = value != nullptr ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return out;
}

std::string content(xmlNode* node) {
  xmlChar* value = xmlNodeGetContent(node);
  std::string out = value != nullptr ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return out;
}

std::vector<xmlNode*> children(xmlNode* node, const char* name) {
  std::vector<xmlNode*> out;
  for (xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, reinterpret_cast<const xmlChar*>(name)) == 0) out.push_back(c);
  }
  return out;
}

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = text.find(needle); p != std::string::npos; p = text.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("JUnit XML parses with libxml2: a suite per scenario, a case per pattern and target", "[reports][junit]") {
  const auto result = faultline::testing::sample_result();
  const std::string xml = reports::to_junit_xml({{"scenarios/sample <1>.json", result, {}}, {"bad.json", std::nullopt, "bad.json: duration: bad"}});
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "junit.xml", nullptr, XML_PARSE_NONET);
  REQUIRE(doc != nullptr);
  xmlNode* root = xmlDocGetRootElement(doc);
  SECTION("root totals: 2 patterns x 2 targets + 1 errored scenario") {
    CHECK(std::string(reinterpret_cast<const char*>(root->name)) == "testsuites");
    CHECK(attribute(root, "tests") == "5");
    CHECK(attribute(root, "failures") == "1");
    CHECK(attribute(root, "errors") == "1");
  }
  SECTION("the missed target is a failure carrying value and limit") {
    const auto suites = children(root, "testsuite");
    REQUIRE(suites.size() == 2);
    CHECK(attribute(suites[0], "name") == "scenarios/sample <1>.json");
    const auto cases = children(suites[0], "testcase");
    REQUIRE(cases.size() == 4);
    CHECK(attribute(cases[0], "name") == "hot-warm: rto_s");
    CHECK(children(cases[0], "failure").empty());
    CHECK(attribute(cases[2], "name") == "hot-cold: rto_s");
    const auto failures = children(cases[2], "failure");
    REQUIRE(failures.size() == 1);
    CHECK(attribute(failures[0], "message") == "rto_s = 1500 exceeds the limit 900");
    CHECK(content(failures[0]) == "pattern: hot-cold\ntarget: rto_s\nvalue: 1500\nlimit: 900");
  }
  SECTION("a scenario that could not run is one errored case with the reason") {
    const auto cases = children(children(root, "testsuite")[1], "testcase");
    REQUIRE(cases.size() == 1);
    const auto errors = children(cases[0], "error");
    REQUIRE(errors.size() == 1);
    CHECK(attribute(errors[0], "message") == "bad.json: duration: bad");
  }
  xmlFreeDoc(doc);
}

TEST_CASE("HTML report: self-contained, every section, escaped, deterministic", "[reports][html]") {
  const auto result = faultline::testing::sample_result();
  const reports::ReportTopology topology = reports::load_report_topology(result);
  const std::string html = reports::to_html(result, topology);
  SECTION("no external reference: no http(s) src/href, no @import, no url(, no script") {
    CHECK_FALSE(std::regex_search(html, std::regex(R"((src|href)\s*=\s*["']?\s*(https?:)?//)", std::regex::icase)));
    CHECK(html.find("http://") == std::string::npos);
    CHECK(html.find("https://") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
  }
  SECTION("every section is there, with a timeline per pattern") {
    for (const char* id : {"summary", "targets", "timelines", "runbook", "topology", "incidents", "definitions", "inputs"}) {
      INFO(id);
      CHECK(count_of(html, std::string("<section id=\"") + id + "\">") == 1);
    }
    CHECK(count_of(html, "aria-label=\"timeline of ") == 2);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("No runbook data in this result") != std::string::npos);
  }
  SECTION("the topology it cannot find is reported as unavailable") {
    CHECK_FALSE(topology.topology.has_value());
    CHECK(html.find("Topology diagram unavailable: no/such/topology.json is not there") != std::string::npos);
  }
  SECTION("text from the result is escaped") {
    CHECK(html.find("eastus2 <outage>") == std::string::npos);
    CHECK(html.find("eastus2 &lt;outage&gt; &amp; &quot;friends&quot;") != std::string::npos);
    CHECK(html.find("scenarios/sample &lt;1&gt;.json") != std::string::npos);
  }
  SECTION("inputs show sha256, seed and version") {
    CHECK(html.find(">ab12</td>") != std::string::npos);
    CHECK(html.find("Seed <code>42</code>") != std::string::npos);
    CHECK(html.find("0.1.0 (git test)") != std::string::npos);
  }
  SECTION("the same result gives the same bytes") {
    CHECK(reports::to_html(result, reports::load_report_topology(result)) == html);
  }
}

TEST_CASE("Markdown and CSV reports", "[reports][md][csv]") {
  const auto result = faultline::testing::sample_result();
  SECTION("Markdown: summary table, targets with value and limit, worst incident") {
    const std::string md = reports::to_markdown(result);
    CHECK_THAT(md, Catch::StartsWith("### faultline: scenarios/sample &lt;1&gt;.json — 3 of 4 targets met\n"));
    CHECK(md.find("| hot-cold | 97.500 % | 1500.0 s (not recovered) | - | 1234 | 10 | 1/2 met |") != std::string::npos);
    CHECK(md.find("- **MISSED**: hot-cold `rto_s` = 1500 (limit 900)") != std::string::npos);
    CHECK(md.find("**Worst incident**: hot-cold, fault `eastus2 &lt;outage&gt; &amp; &quot;friends&quot;` at 60 s: RTO 1500.0 s (not recovered) "
                  "(detect 30.0 s, switch 45.5 s, runbook -, full capacity -); RPO -, 3 lost writes\n") !=
          std::string::npos);
  }
  SECTION("CSV: header with per-region columns, one row per pattern x bucket, empty for null") {
    const std::string csv = reports::to_series_csv(result);
    CHECK(count_of(csv, "\r\n") == 1 + 2 * 4);
    CHECK_THAT(csv, Catch::StartsWith(
                        "pattern,bucket_start_s,bucket_s,offered,failed,success_ratio,p99_latency_ms,max_latency_ms,"
                        "replication_lag_mean_s,replication_lag_max_s,traffic_share:eastus2,traffic_share:centralus,"
                        "capacity:eastus2,capacity:centralus\r\n"));
    CHECK(csv.find("hot-warm,60,60,100,10,0.9,1200,2000,2,4,0.5,0.5,0,0.5\r\n") != std::string::npos);
    CHECK(csv.find("hot-cold,120,60,100,0,,,,,,,,0,1\r\n") != std::string::npos);
  }
}
