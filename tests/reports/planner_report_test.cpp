// The Monte Carlo and plan reports from small hand-made documents: exact CDF
// steps, histogram bins, Pareto coordinates, and errors naming file and path.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "faultline/reports/planner_charts.hpp"
#include "faultline/contract/planner_documents.hpp"
#include "faultline/reports/planner_report.hpp"
#include "faultline/contract/result_reader.hpp"

namespace contract = faultline::contract;
namespace reports = faultline::reports;
using nlohmann::json;

namespace {

// One pattern, 3 replications of 2 years: RTOs 10, 20 | 20, 30 | 50 s; downtime 2, 4, 6 h -> 1, 2, 3 h/year.
json sample_mc() {
  return json::parse(R"J({
    "schema": "faultline.mc/v1", "faultline_version": "0.1.0 (git test)",
    "inputs": {"scenario": "scenarios/two <regions>.json", "sha256": "00"},
    "seed": 7, "years_per_replication": 2.0, "replications_requested": 3, "shard": null, "precision": null,
    "targets": {"availability": 0.999, "rto_s": 40.0},
    "markov": {"availability": 0.99995, "annual_downtime_h": 0.438, "note": "exact"},
    "replications": 3, "simulated_years": 6.0,
    "structure_availability": {"mean": 0.99996, "ci99_half_width": 0.00001, "ci99_low": 0.99995, "ci99_high": 0.99997},
    "patterns": [{"name": "hot-warm",
      "availability": {"mean": 0.99977, "ci99_half_width": 0.0001, "ci99_low": 0.99967, "ci99_high": 0.99987},
      "annual_downtime_h": 2.0, "incidents_per_year": 0.8333,
      "rto_s": {"p50": 20.0, "p95": 50.0, "p99": 50.0}, "rpo_s": null, "annual_incident_cost_usd": 12.5, "targets": []}],
    "records": [
      {"replication": 0, "structure_downtime_s": 0, "failures": 2, "patterns": [{"downtime_s": 7200, "incidents": 2, "incident_cost_usd": 1, "rto_s": [10, 20], "rpo_s": []}]},
      {"replication": 1, "structure_downtime_s": 0, "failures": 2, "patterns": [{"downtime_s": 14400, "incidents": 2, "incident_cost_usd": 1, "rto_s": [20, 30], "rpo_s": []}]},
      {"replication": 2, "structure_downtime_s": 0, "failures": 1, "patterns": [{"downtime_s": 21600, "incidents": 1, "incident_cost_usd": 1, "rto_s": [50], "rpo_s": []}]}
    ]})J");
}

// Three candidates: cheap (Pareto, misses), mid (Pareto, meets, recommended twice), dear (dominated, no RPO).
json sample_plan() {
  return json::parse(R"J({
    "schema": "faultline.plan/v1", "faultline_version": "0.1.0 (git test)",
    "inputs": {"scenario": "s.json", "sha256": "00"}, "seed": 7, "years_per_replication": 10.0, "replications": 10,
    "budget_monthly_usd": null, "targets": {"rto_s": 500.0},
    "candidates": [
      {"label": "cheap", "pattern": "hot-cold", "monthly_cost_usd": 900, "total_monthly_usd": 1000, "availability": 0.999,
       "rto_p95_s": 600, "rpo_p95_s": 300, "meets_targets": false, "pareto": true},
      {"label": "mid", "pattern": "hot-warm", "monthly_cost_usd": 1900, "total_monthly_usd": 2000, "availability": 0.9999,
       "rto_p95_s": 300, "rpo_p95_s": 150, "meets_targets": true, "pareto": true},
      {"label": "dear", "pattern": "hot-hot", "monthly_cost_usd": 2900, "total_monthly_usd": 3000, "availability": 0.9999,
       "rto_p95_s": 400, "rpo_p95_s": null, "meets_targets": true, "pareto": false}],
    "recommendations": {
      "cheapest_meeting_targets": {"label": "mid", "why": "cheapest"},
      "best_within_budget": {"label": "mid", "why": "best"},
      "least_change": {"label": null, "why": "no plan meets the targets"}}})J");
}

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = text.find(needle); p != std::string::npos; p = text.find(needle, p + 1)) ++n;
  return n;
}

std::string read_error(const json& document, bool is_plan) {
  try {
    if (is_plan) {
      contract::read_plan_document(document, "doc.json");
    } else {
      contract::read_mc_document(document, "doc.json");
    }
  } catch (const contract::ResultReadError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a Monte Carlo document reads into per-pattern RTOs and annual downtimes", "[reports][planner]") {
  const contract::McDocument mc = contract::read_mc_document(sample_mc(), "mc.json");
  REQUIRE(mc.patterns.size() == 1);
  const auto& p = mc.patterns[0];
  CHECK(p.rto_s == std::vector<double>{10, 20, 20, 30, 50});
  CHECK(p.annual_downtime_hours == std::vector<double>{1, 2, 3});
  CHECK(mc.target_rto_s == 40.0);
  CHECK_FALSE(mc.target_rpo_s.has_value());
  CHECK(mc.markov_availability == 0.99995);
  CHECK_FALSE(p.rpo_p95_s.has_value());
}

TEST_CASE("the RTO CDF and the downtime histogram have exact geometry", "[reports][planner][svg]") {
  const contract::McDocument mc = contract::read_mc_document(sample_mc(), "mc.json");
  SECTION("CDF: x 0..50 s over 64..936 px, y 0..1 over 250..30 px") {
    const std::string svg = reports::rto_cdf_svg(mc.patterns[0], mc.target_rto_s);
    CHECK_THAT(svg, Catch::Contains("d=\"M64.0,250.0 H238.4 V206.0 H412.8 V118.0 H587.2 V74.0 H936.0 V30.0 H936.0\""));
    // p50 at 20 s, p95 and p99 at 50 s; the target at 40 s.
    CHECK_THAT(svg, Catch::Contains("<line x1=\"412.8\" y1=\"30.0\" x2=\"412.8\" y2=\"250.0\""));
    CHECK(count_of(svg, "<line x1=\"936.0\" y1=\"30.0\" x2=\"936.0\" y2=\"250.0\"") == 2);
    CHECK_THAT(svg, Catch::Contains("<line x1=\"761.6\" y1=\"30.0\" x2=\"761.6\" y2=\"250.0\" stroke=\"#c62828\""));
    CHECK_THAT(svg, Catch::Contains(">target 40 s</text>"));
    CHECK_THAT(svg, Catch::Contains(">p50 20 s</text>"));
  }
  SECTION("CDF: the axis ends at the p99, longer incidents are counted") {
    contract::McPatternData tail;
    tail.name = "tail";
    tail.rto_s.assign(100, 10.0);
    tail.rto_s.push_back(5000.0);
    const std::string svg = reports::rto_cdf_svg(tail, std::nullopt);
    CHECK_THAT(svg, Catch::Contains(">1 incident(s) beyond 10 s, up to 5000 s</text>"));
    CHECK_THAT(svg, Catch::Contains("d=\"M64.0,250.0 H936.0 V32.2 H936.0 V30.0 H936.0\""));
  }
  SECTION("CDF without incidents says so") {
    contract::McPatternData quiet;
    quiet.name = "quiet";
    const std::string svg = reports::rto_cdf_svg(quiet, std::nullopt);
    CHECK(count_of(svg, "class=\"cdf\"") == 0);
    CHECK_THAT(svg, Catch::Contains("no incident in the simulated years"));
  }
  SECTION("histogram: 1, 2, 3 h/year is one bin of 3 replications, y 0..5") {
    const std::string svg = reports::downtime_histogram_svg(mc.patterns[0]);
    CHECK(count_of(svg, "class=\"bin\"") == 1);
    CHECK_THAT(svg, Catch::Contains("<rect class=\"bin\" x=\"64.0\" y=\"102.0\" width=\"871.0\" height=\"108.0\""));
    // The mean, 2 h/year, halfway.
    CHECK_THAT(svg, Catch::Contains("<line x1=\"500.0\" y1=\"30.0\" x2=\"500.0\" y2=\"210.0\" class=\"mean\""));
  }
}

TEST_CASE("the Pareto scatter places, sizes and labels the candidates", "[reports][planner][svg]") {
  const contract::PlanDocument plan = contract::read_plan_document(sample_plan(), "plan.json");
  const std::string svg = reports::pareto_svg(plan);
  SECTION("x 900..3100 USD over 80..920 px, y 0..1000 s over 350..60 px, r 4 + 8 RPO/300") {
    CHECK_THAT(svg, Catch::Contains("<circle class=\"pareto\" cx=\"118.2\" cy=\"176.0\" r=\"12.0\""));
    CHECK_THAT(svg, Catch::Contains("<circle class=\"pareto\" cx=\"500.0\" cy=\"263.0\" r=\"8.0\""));
    CHECK_THAT(svg, Catch::Contains("<circle class=\"dominated\" cx=\"881.8\" cy=\"234.0\" r=\"4.0\""));
  }
  SECTION("the front joins the Pareto points in cost order") {
    CHECK_THAT(svg, Catch::Contains("<path class=\"front\" d=\"M118.2,176.0 L500.0,263.0\""));
  }
  SECTION("recommendations: A and B on mid, no C (none qualifies)") {
    CHECK_THAT(svg,
               Catch::Contains("<text x=\"511.0\" y=\"253.0\" class=\"recommended\" font-weight=\"bold\">AB</text>"));
    CHECK(count_of(svg, "class=\"recommended\"") == 1);
  }
}

TEST_CASE("Monte Carlo and plan reports are whole, self-contained documents", "[reports][planner][html]") {
  const std::string mc_html = reports::mc_to_html(contract::read_mc_document(sample_mc(), "mc.json"));
  const std::string plan_html = reports::plan_to_html(contract::read_plan_document(sample_plan(), "plan.json"));
  SECTION("Monte Carlo sections in order, the Markov figure next to the CI, text escaped") {
    const auto summary = mc_html.find("<section id=\"summary\">");
    const auto cdf = mc_html.find("<section id=\"rto-cdf\">");
    const auto histogram = mc_html.find("<section id=\"downtime-histogram\">");
    const auto inputs = mc_html.find("<section id=\"inputs\">");
    CHECK(summary < cdf);
    CHECK(cdf < histogram);
    CHECK(histogram < inputs);
    CHECK(inputs != std::string::npos);
    CHECK_THAT(mc_html, Catch::Contains("<td>99.97700 %</td><td>99.96700 % to 99.98700 %</td><td>99.99500 %</td>"));
    CHECK_THAT(mc_html, Catch::Contains("two &lt;regions&gt;.json"));
    CHECK_THAT(mc_html, Catch::Contains("@media print"));
  }
  SECTION("plan sections, the candidate table and the recommendations") {
    CHECK(plan_html.find("<section id=\"recommendations\">") < plan_html.find("<section id=\"pareto\">"));
    CHECK(plan_html.find("<section id=\"pareto\">") < plan_html.find("<section id=\"candidates\">"));
    CHECK_THAT(plan_html, Catch::Contains("<td class=\"text\">C: least change</td><td class=\"text\">none</td>"));
    CHECK_THAT(
        plan_html,
        Catch::Contains(
            "<td class=\"text\">dear</td><td>2900</td><td>3000</td><td>99.99000 %</td><td>400</td><td>none</td>"));
    CHECK_THAT(plan_html, Catch::Contains("2 of 3 plans meet every target"));
  }
  SECTION("no external reference or script in either") {
    for (const std::string* html : {&mc_html, &plan_html}) {
      CHECK(html->find("http://") == std::string::npos);
      CHECK(html->find("https://") == std::string::npos);
      CHECK(html->find("<script") == std::string::npos);
      CHECK(html->find("url(") == std::string::npos);
      CHECK(html->find("src=") == std::string::npos);
    }
  }
  SECTION("Markdown summaries") {
    const std::string mc_md = reports::mc_to_markdown(contract::read_mc_document(sample_mc(), "mc.json"));
    CHECK_THAT(mc_md,
               Catch::Contains(
                   "| hot-warm | 99.97700 % | 99.96700 % to 99.98700 % | 99.99500 % | 2.000 | 20 | 50 | 50 | 5 |"));
    const std::string plan_md = reports::plan_to_markdown(contract::read_plan_document(sample_plan(), "plan.json"));
    CHECK_THAT(plan_md, Catch::Contains("- A: cheapest meeting the targets: mid (cheapest)"));
    CHECK_THAT(plan_md, Catch::Contains("| cheap | 900 | 1000 | 99.90000 % | 600 | 300 | yes | missed |"));
  }
}

TEST_CASE("bad Monte Carlo and plan documents are refused with file, JSON path and what is allowed",
          "[reports][planner]") {
  SECTION("wrong schema") {
    CHECK(read_error(sample_plan(), false) ==
          "doc.json: schema: is \"faultline.plan/v1\" (allowed: \"faultline.mc/v1\")");
  }
  SECTION("a record with the wrong number of patterns") {
    json mc = sample_mc();
    mc["records"][1]["patterns"].push_back(mc["records"][1]["patterns"][0]);
    CHECK(read_error(mc, false) ==
          "doc.json: records[1].patterns: has 2 entries (allowed: 1, one per entry of patterns[])");
  }
  SECTION("an RTO that is not a number") {
    json mc = sample_mc();
    mc["records"][2]["patterns"][0]["rto_s"][0] = "50";
    CHECK(read_error(mc, false) == "doc.json: records[2].patterns[0].rto_s[0]: is a string (allowed: a number)");
  }
  SECTION("a candidate without pareto") {
    json plan = sample_plan();
    plan["candidates"][2].erase("pareto");
    CHECK(read_error(plan, true) == "doc.json: candidates[2].pareto: missing (allowed: a value of the key)");
  }
  SECTION("years_per_replication must be > 0") {
    json mc = sample_mc();
    mc["years_per_replication"] = 0;
    CHECK(read_error(mc, false) == "doc.json: years_per_replication: is not > 0 (allowed: a number > 0)");
  }
}

TEST_CASE("criticality and defaulted components read from an mc document and show in its report",
          "[reports][planner]") {
  json doc = sample_mc();
  doc["components"] = {"eastus2/region_outage", "frontdoor/global_entry_failure"};
  doc["defaulted_components"] = {
      {{"component", "eastus2/region_outage"}, {"source", "region source"}},
      {{"component", "frontdoor/global_entry_failure"}, {"source", "Azure Front Door SLA 99.99 %"}}};
  doc["markov"]["birnbaum"] = {{{"component", "eastus2/region_outage"}, {"importance", 0.25}}};
  // Region: 1 incident, 3/4 of the downtime; Front Door: 2 incidents, 1/4; no lost writes.
  doc["patterns"][0]["criticality"] = {{{"component", "eastus2/region_outage"},
                                        {"incidents", 1},
                                        {"downtime_s", 30.0},
                                        {"lost_writes", 0},
                                        {"incident_share", 1.0 / 3},
                                        {"downtime_share", 0.75},
                                        {"lost_write_share", nullptr}},
                                       {{"component", "frontdoor/global_entry_failure"},
                                        {"incidents", 2},
                                        {"downtime_s", 10.0},
                                        {"lost_writes", 0},
                                        {"incident_share", 2.0 / 3},
                                        {"downtime_share", 0.25},
                                        {"lost_write_share", nullptr}}};
  const auto mc = contract::read_mc_document(doc, "mc.json");
  REQUIRE(mc.defaulted.size() == 2);
  CHECK(mc.defaulted[1].source == "Azure Front Door SLA 99.99 %");
  REQUIRE(mc.patterns[0].criticality.size() == 2);
  CHECK(*mc.patterns[0].criticality[0].birnbaum == 0.25);
  CHECK_FALSE(mc.patterns[0].criticality[1].birnbaum.has_value());
  CHECK_FALSE(mc.patterns[0].criticality[0].lost_write_share.has_value());
  const std::string html = reports::mc_to_html(mc);
  CHECK(count_of(html, "id=\"criticality\"") == 1);
  CHECK(count_of(html, "id=\"defaults\"") == 1);
  // The region row comes first (75 % of the downtime), with its share, incidents and Birnbaum.
  CHECK(html.find("eastus2/region_outage</td>") < html.find("frontdoor/global_entry_failure</td>"));
  CHECK(count_of(html, "75.0 %</td>") == 1);
  CHECK(count_of(html, "<td>0.2500</td>") == 1);

  SECTION("an older document without the keys reads with none") {
    const auto old = contract::read_mc_document(sample_mc(), "old.json");
    CHECK(old.defaulted.empty());
    CHECK(old.patterns[0].criticality.empty());
    CHECK(count_of(reports::mc_to_html(old), "id=\"criticality\"") == 0);
  }
}
