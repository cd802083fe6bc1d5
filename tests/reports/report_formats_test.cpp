#include <libxml/parser.h>
#include <libxml/tree.h>

#include <catch2/catch.hpp>
#include <regex>

#include "faultline/reports/csv_report.hpp"
#include "faultline/reports/html_report.hpp"
#include "faultline/reports/junit_report.hpp"
#include "faultline/reports/markdown_report.hpp"
#include "faultline/reports/svg_charts.hpp"
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
    if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, reinterpret_cast<const xmlChar*>(name)) == 0)
      out.push_back(c);
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
  const std::string xml = reports::to_junit_xml(
      {{"scenarios/sample <1>.json", result, {}, {}}, {"bad.json", std::nullopt, "bad.json: duration: bad", {}}});
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
  SECTION("a target nothing measured is skipped, not passed") {
    faultline::engine::RunResult quiet = faultline::testing::sample_result();
    quiet.patterns[0].targets = {{"rto_s", 900, std::nullopt, true}};  // no incident: no RTO to judge
    const std::string q = reports::to_junit_xml({{"quiet.json", quiet, {}, {}}});
    CHECK(q.find("<testcase classname=\"quiet.json\" name=\"hot-warm: rto_s\">\n"
                 "      <skipped message=\"no fault in the scenario exercised this target\"/>") != std::string::npos);
    // hot-warm's one skipped target + hot-cold's two targets (one missed).
    CHECK(q.find("<testsuite name=\"quiet.json\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\">") !=
          std::string::npos);
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
    for (const char* id : {"summary", "targets", "cost", "timelines", "runbook", "topology", "incidents", "definitions",
                           "executive-summary", "assumptions"}) {
      INFO(id);
      CHECK(count_of(html, std::string("<section id=\"") + id + "\">") == 1);
    }
    CHECK(count_of(html, "aria-label=\"timeline of ") == 2);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("No runbook data in this result") == std::string::npos);
    CHECK(html.find("not hold") == std::string::npos);
  }
  SECTION("cost by component: a column per pattern, total, baseline and premium") {
    // hot-warm has no breakdown (0.00 in every row, "-" for baseline and premium); hot-cold's lines
    // from sample_result: tokens 800, gateways 400, global entry 34.25; 1234.25 - 1000 = 234.25.
    CHECK(html.find("<td class=\"text\">tokens</td><td class=\"text\">eastus2</td><td>0.00</td><td>800.00</td>") !=
          std::string::npos);
    CHECK(html.find("<td class=\"text\">global entry</td><td class=\"text\">global</td><td>0.00</td><td>34.25</td>") !=
          std::string::npos);
    CHECK(html.find("resilience premium</th><td>-</td><td>234.25</td>") != std::string::npos);
    CHECK(html.find("total</th><td>1234.25</td><td>1234.25</td>") != std::string::npos);
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
    CHECK(md.find("**Worst incident**: hot-cold, fault `eastus2 &lt;outage&gt; &amp; &quot;friends&quot;` at 60 s: RTO "
                  "1500.0 s (not recovered) "
                  "(detect 30.0 s, switch 45.5 s, runbook 1300.0 s, full capacity -); RPO -, 3 lost writes\n") !=
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

TEST_CASE("HTML report: runbook Gantt bars, labels, and an incident without steps", "[reports][html][gantt]") {
  auto result = faultline::testing::sample_result();
  const faultline::engine::IncidentResult& incident = result.patterns[1].incidents[0];
  SECTION(
      "Gantt bars: x = 220 + 620 * s / 2000 (axis to nice_ceiling(1.05 * RTO 1500) = 2000 s), rows 24 apart from 46") {
    const std::string svg = reports::runbook_gantt_svg(incident);
    // deploy 0-600 s, critical: x 220, width 186, first row y 46 + 3.
    CHECK(svg.find("<rect x=\"220.0\" y=\"49.0\" width=\"186.0\" height=\"16\" fill=\"#d84315\" stroke=\"#d84315\" "
                   "stroke-width=\"1\">") != std::string::npos);
    // index 0-200 s, not critical, 2 attempts: width 62, grey, "x2" after its end (286 = 282 + 4).
    CHECK(svg.find("<rect x=\"220.0\" y=\"73.0\" width=\"62.0\" height=\"16\" fill=\"#90a4ae\"") != std::string::npos);
    CHECK(svg.find("<text x=\"286.0\" y=\"85.0\" class=\"label\">x2</text>") != std::string::npos);
    // promote 600-1300 s, critical: x 406, width 217.
    CHECK(svg.find("<rect x=\"406.0\" y=\"97.0\" width=\"217.0\" height=\"16\" fill=\"#d84315\"") != std::string::npos);
    // agents 600-900 s, failed after 3 attempts: white with a red outline, "x3 FAILED".
    CHECK(svg.find("<rect x=\"406.0\" y=\"121.0\" width=\"93.0\" height=\"16\" fill=\"#ffffff\" stroke=\"#b71c1c\" "
                   "stroke-width=\"2\">") != std::string::npos);
    CHECK(svg.find(">x3 FAILED</text>") != std::string::npos);
    // warm never started: no bar, a note.
    CHECK(svg.find("not started (a step before it failed)") != std::string::npos);
    CHECK(count_of(svg, "<rect ") == 3 + 4);  // 3 legend swatches + 4 bars
    // verticals at detect 30 s (229.3), switch 45.5 s (234.1) and RTO 1500 s (685); no full capacity (null).
    CHECK(svg.find("<line x1=\"229.3\" y1=\"40.0\" x2=\"229.3\"") != std::string::npos);
    CHECK(svg.find("<line x1=\"234.1\" y1=\"40.0\" x2=\"234.1\"") != std::string::npos);
    CHECK(svg.find("<line x1=\"685.0\" y1=\"40.0\" x2=\"685.0\"") != std::string::npos);
    CHECK(svg.find(">RTO (not recovered)</text>") != std::string::npos);
    CHECK(svg.find("full capacity at") == std::string::npos);
    CHECK(svg.find("<title>deploy: 0.0 s to 600.0 s, 1 attempt, critical path</title>") != std::string::npos);
    // Row labels: "id (kind)" in bold on the critical path.
    CHECK(svg.find("class=\"label name\" text-anchor=\"end\">deploy (deploy_infrastructure)</text>") !=
          std::string::npos);
  }
  SECTION("labels: the id alone when it is the kind; longer than 32 characters cut with ...") {
    faultline::engine::IncidentResult i = incident;
    i.runbook_steps = {{"promote_database", "promote_database", 0, 10, 1, false, false},
                       {"restore_database", "restore_from_backup", 0, 10, 1, false, false}};
    const std::string svg = reports::runbook_gantt_svg(i);
    CHECK(svg.find(">promote_database</text>") != std::string::npos);
    CHECK(svg.find(">restore_database (restore_fro...</text>") != std::string::npos);  // 29 + "..."
    CHECK(svg.find("<title>restore_database (restore_from_backup)</title>") != std::string::npos);
  }
  SECTION("an incident without steps has no Gantt") {
    CHECK(reports::runbook_gantt_svg(result.patterns[0].incidents[0]).empty());
  }
}

TEST_CASE("HTML report: Gantt per pattern, RPO per store, failback and lost work, notes for missing parts",
          "[reports][html][gantt]") {
  auto result = faultline::testing::sample_result();
  SECTION("the HTML report: a Gantt for hot-cold, a note for hot-warm, and the incident detail tables") {
    const std::string html = reports::to_html(result, reports::load_report_topology(result));
    CHECK(count_of(html, "aria-label=\"runbook steps of ") == 1);
    CHECK(html.find("No runbook step ran in this pattern's incidents.") != std::string::npos);
    CHECK(html.find("critical path 1300.0 s.") != std::string::npos);
    CHECK(count_of(html, "aria-label=\"RTO phases of the worst incident\"") == 1);
    // RPO, worst case, expected, lost writes, promoted (sample_result: async 4.5 s; hourly copies 3600 / 1800).
    CHECK(html.find("<td class=\"text\">cosmos &lt;eu&gt;</td><td class=\"text\">async</td><td>4.5</td><td>4.5</td>"
                    "<td>4.5</td><td>3</td><td>1300.0</td>") != std::string::npos);
    CHECK(html.find("<td class=\"text\">blob</td><td class=\"text\">backup_restore</td><td>3600.0</td><td>3600.0</td>"
                    "<td>1800.0</td><td>0</td><td>-</td>") != std::string::npos);
    CHECK(html.find("<td>1800.0</td><td>1860.5</td><td>240.0</td><td>2100.0</td><td>17</td><td>12.5</td>") !=
          std::string::npos);
    CHECK(html.find("<td>6</td><td>40</td><td>12.5</td><td>500</td><td>2000.0</td><td>150</td>") != std::string::npos);
  }
  SECTION("empty parts degrade to notes") {
    for (auto& p : result.patterns) {
      for (auto& i : p.incidents) {
        i.runbook_steps.clear();
        i.stores.clear();
        i.failback.reset();
        i.work = {};
        i.runbook_s.reset();
      }
    }
    const std::string html = reports::to_html(result, reports::load_report_topology(result));
    CHECK(html.find("No runbook data in this result") != std::string::npos);
    CHECK(html.find("aria-label=\"runbook steps of ") == std::string::npos);
    CHECK(html.find("No per-store data in this result") != std::string::npos);
    CHECK(html.find("No failback in this result") != std::string::npos);
    CHECK(html.find("No lost work in this result") != std::string::npos);
  }
  SECTION("a runbook duration without steps (an older result) is listed as a duration") {
    result.patterns[1].incidents[0].runbook_steps.clear();
    const std::string html = reports::to_html(result, reports::load_report_topology(result));
    CHECK(html.find("aria-label=\"runbook steps of ") == std::string::npos);
    CHECK(html.find("<td>hot-cold</td><td class=\"text\">eastus2 &lt;outage&gt; &amp; &quot;friends&quot;</td>"
                    "<td>1300.0</td>") != std::string::npos);
  }
}

TEST_CASE("Markdown report: the worst incident's runbook, stores, failback and lost work", "[reports][md]") {
  auto result = faultline::testing::sample_result();
  SECTION("every part present") {
    const std::string md = reports::to_markdown(result);
    CHECK(
        md.find("3 lost writes\n"
                "- Runbook critical path: `deploy` 600 s → `promote` 700 s\n"
                "- RPO per store: `cosmos &lt;eu&gt;` async RPO 4.5 s (worst case 4.5 s), 3 lost writes; `blob` "
                "backup_restore RPO 3600.0 s (worst case 3600.0 s), 0 lost writes\n"
                "- Failback: fault ends at 1800.0 s, traffic back at 1860.5 s, re-sync 240.0 s, complete at 2100.0 s; "
                "17 failed requests, writes paused 12.5 s\n"
                "- Lost work: 6 agent threads (40 rehydrated), 12.5 GPU-hours (500 USD), 150 documents redone\n") !=
        std::string::npos);
  }
  SECTION("empty parts add no line") {
    auto& i = result.patterns[1].incidents[0];
    i.runbook_steps.clear();
    i.stores.clear();
    i.failback.reset();
    i.work = {};
    const std::string md = reports::to_markdown(result);
    CHECK(md.find("3 lost writes\n\n<sub>") != std::string::npos);
  }
}
