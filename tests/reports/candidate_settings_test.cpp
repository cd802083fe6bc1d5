// The later additions to faultline.plan/v1 (regions, probe x/n, breaker, data
// per candidate; the search space's new lists): read from a fixture, shown as
// table columns only when some candidate has them, refused with the JSON path
// when malformed. Documents without them render as before.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "command_runner.hpp"
#include "faultline/reports/candidate_settings.hpp"
#include "faultline/contract/planner_documents.hpp"
#include "faultline/reports/planner_report.hpp"
#include "faultline/contract/result_reader.hpp"

namespace contract = faultline::contract;
namespace reports = faultline::reports;
using nlohmann::json;

namespace {

json fixture() {
  return contract::read_json_file(faultline::testing::source_path("tests/reports/fixtures/plan-settings.json"));
}

std::string read_error(const json& document) {
  try {
    contract::read_plan_document(document, "doc.json");
  } catch (const contract::ResultReadError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a plan's candidate settings and search space read from the document", "[reports][planner]") {
  const contract::PlanDocument plan = contract::read_plan_document(fixture(), "plan.json");
  REQUIRE(plan.candidates.size() == 3);
  SECTION("a candidate written before the additions has none of them") {
    const auto& c = plan.candidates[0];
    CHECK_FALSE(c.regions.has_value());
    CHECK_FALSE(c.has_probe_samples);
    CHECK_FALSE(c.has_breaker);
    CHECK_FALSE(c.stores.has_value());
    CHECK_FALSE(c.stage.has_value());
  }
  SECTION("every setting of a candidate that has them") {
    const auto& c = plan.candidates[1];
    CHECK(c.regions == std::vector<std::string>{"eastus2", "centralus"});
    CHECK(c.has_probe_samples);
    CHECK(c.probe_samples == contract::ProbeSamples{3, 4});
    CHECK(c.breaker == contract::BreakerSettings{50.0, 100, 60.0});
    REQUIRE(c.stores.has_value());
    CHECK(*c.stores == std::vector<contract::StoreReplication>{{"cosmos-eastus2", "sync", std::nullopt},
                                                               {"storage-eastus2", "backup_restore", 3600.0}});
    CHECK(c.stage == "combine");
  }
  SECTION("null probe and breaker: the key is there, the setting is not") {
    const auto& c = plan.candidates[2];
    CHECK(c.has_probe_samples);
    CHECK_FALSE(c.probe_samples.has_value());
    CHECK(c.has_breaker);
    CHECK_FALSE(c.breaker.has_value());
    CHECK(c.stage == "screen");
  }
  SECTION("the search space's new lists") {
    const contract::PlanSearchSpace& s = plan.search_space;
    CHECK(s.region_pairs == std::vector<std::vector<std::string>>{{"eastus2", "centralus"}, {"eastus2", "westus3"}});
    CHECK(s.probe_samples == std::vector<contract::ProbeSamples>{{3, 4}, {1, 1}});
    CHECK(s.breakers == std::vector<contract::BreakerSettings>{{50.0, 100, 60.0}});
    CHECK(s.replication_modes == std::vector<std::string>{"sync", "async", "backup_restore", "scheduled_rebuild"});
    CHECK(s.backup_intervals_s == std::vector<double>{3600.0, 86400.0});
    CHECK(s.strategy == "screen-then-combine");
    CHECK(s.evaluated == 24u);
  }
  SECTION("replication modes per store kind, as faultline plan writes them: the distinct modes") {
    json doc = fixture();
    doc["search_space"]["replication_modes"] =
        json{{"database", {"sync", "async"}}, {"object_storage", {"async", "backup_restore"}}};
    CHECK(contract::read_plan_document(doc, "plan.json").search_space.replication_modes ==
          std::vector<std::string>{"sync", "async", "backup_restore"});
    doc["search_space"]["replication_modes"]["database"][1] = "semi";
    CHECK(read_error(doc) ==
          "doc.json: search_space.replication_modes.database[1]: is \"semi\" (allowed: \"sync\", "
          "\"async\", \"backup_restore\" or \"scheduled_rebuild\")");
  }
}

TEST_CASE("candidate settings read as table cells", "[reports][planner]") {
  const contract::PlanDocument plan = contract::read_plan_document(fixture(), "plan.json");
  SECTION("all four, backup interval in hours") {
    const reports::CandidateSettings s = reports::candidate_settings(plan.candidates[1]);
    CHECK(s.regions == "eastus2 > centralus");
    CHECK(s.probe == "3/4");
    CHECK(s.breaker == "50% / 100 calls / 60 s");
    CHECK(s.data == "cosmos-eastus2 sync; storage-eastus2 backup 1h");
  }
  SECTION("no probe, no breaker; a rebuild every day") {
    const reports::CandidateSettings s = reports::candidate_settings(plan.candidates[2]);
    CHECK(s.regions == "eastus2 > westus3");
    CHECK(s.probe == "none");
    CHECK(s.breaker == "none");
    CHECK(s.data == "cosmos-eastus2 async; search-eastus2 rebuild 1d");
  }
  SECTION("a candidate without the keys: empty cells") {
    const reports::CandidateSettings s = reports::candidate_settings(plan.candidates[0]);
    CHECK(s.regions.empty());
    CHECK(s.probe.empty());
    CHECK(s.breaker.empty());
    CHECK(s.data.empty());
  }
  SECTION("durations") {
    CHECK(reports::short_duration(3600) == "1h");
    CHECK(reports::short_duration(172800) == "2d");
    CHECK(reports::short_duration(1800) == "30m");
    CHECK(reports::short_duration(45) == "45s");
    CHECK(reports::short_duration(5400) == "90m");
  }
  SECTION("columns: each when some candidate has the key") {
    const reports::SettingsColumns columns = reports::settings_columns(plan);
    CHECK(columns.has_regions);
    CHECK(columns.has_probe);
    CHECK(columns.has_breaker);
    CHECK(columns.has_data);
    contract::PlanDocument only_regions = plan;
    only_regions.candidates.erase(only_regions.candidates.begin() + 1, only_regions.candidates.end());
    only_regions.candidates[0].regions = std::vector<std::string>{"eastus2"};
    const reports::SettingsColumns some = reports::settings_columns(only_regions);
    CHECK(some.has_regions);
    CHECK_FALSE(some.has_probe);
    CHECK_FALSE(some.has_breaker);
    CHECK_FALSE(some.has_data);
  }
}

TEST_CASE("the plan report's candidate table shows the settings columns", "[reports][planner][html]") {
  const contract::PlanDocument plan = contract::read_plan_document(fixture(), "plan.json");
  SECTION("HTML: header and rows") {
    const std::string html = reports::plan_to_html(plan);
    CHECK_THAT(html, Catch::Contains(
                         "<th class=\"text\">plan</th><th class=\"text\">regions</th><th class=\"text\">probe x/n</th>"
                         "<th class=\"text\">breaker</th><th class=\"text\">data</th><th>USD/month steady</th>"));
    CHECK_THAT(html, Catch::Contains(
                         "<tr><td class=\"text\">hw-central-3of4</td><td class=\"text\">eastus2 &gt; centralus</td>"
                         "<td class=\"text\">3/4</td><td class=\"text\">50% / 100 calls / 60 s</td>"
                         "<td class=\"text\">cosmos-eastus2 sync; storage-eastus2 backup 1h</td><td>2600</td>"));
    CHECK_THAT(html,
               Catch::Contains("<tr><td class=\"text\">hh-west</td><td class=\"text\">eastus2 &gt; westus3</td>"
                               "<td class=\"text\">none</td><td class=\"text\">none</td>"
                               "<td class=\"text\">cosmos-eastus2 async; search-eastus2 rebuild 1d</td><td>4000</td>"));
    CHECK_THAT(html,
               Catch::Contains("<tr><td class=\"text\">current</td><td class=\"text\"></td><td class=\"text\"></td>"
                               "<td class=\"text\"></td><td class=\"text\"></td><td>2000</td>"));
  }
  SECTION("Markdown: header, rule and rows") {
    const std::string md = reports::plan_to_markdown(plan);
    CHECK_THAT(
        md, Catch::Contains(
                "| plan | regions | probe x/n | breaker | data | USD/month steady | USD/month total | availability | "
                "RTO p95 s | RPO p95 s | Pareto | targets |\n"
                "| --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n"
                "| current |  |  |  |  | 2000 | 2100 | 99.95000 % | 1200 | 60 | yes | missed |\n"
                "| hw-central-3of4 | eastus2 > centralus | 3/4 | 50% / 100 calls / 60 s | "
                "cosmos-eastus2 sync; storage-eastus2 backup 1h | 2600 | 2650 | 99.98000 % | 600 | 30 | yes | met |\n"
                "| hh-west | eastus2 > westus3 | none | none | cosmos-eastus2 async; search-eastus2 rebuild 1d | "
                "4000 | 4010 | 99.99500 % | 90 | 0 | yes | met |\n"));
  }
  SECTION("only the columns some candidate has") {
    json doc = fixture();
    for (json& c : doc["candidates"]) {
      c.erase("probe_samples");
      c.erase("breaker");
      c.erase("stores");
    }
    const std::string md = reports::plan_to_markdown(contract::read_plan_document(doc, "plan.json"));
    CHECK_THAT(md, Catch::Contains("| plan | regions | USD/month steady |"));
    CHECK_THAT(md, Catch::Contains("| --- | --- | ---: |"));
    CHECK_THAT(md, Catch::Contains("| hh-west | eastus2 > westus3 | 4000 |"));
  }
  SECTION("without any of the keys the table is as before") {
    json doc = fixture();
    for (json& c : doc["candidates"]) {
      for (const char* key : {"regions", "probe_samples", "breaker", "stores", "stage"}) c.erase(key);
    }
    const std::string md = reports::plan_to_markdown(contract::read_plan_document(doc, "plan.json"));
    CHECK_THAT(
        md,
        Catch::Contains(
            "| plan | USD/month steady | USD/month total | availability | RTO p95 s | RPO p95 s | Pareto | targets |\n"
            "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n"
            "| current | 2000 | 2100 | 99.95000 % | 1200 | 60 | yes | missed |\n"));
    const std::string html = reports::plan_to_html(contract::read_plan_document(doc, "plan.json"));
    CHECK_THAT(html, Catch::Contains("<th class=\"text\">plan</th><th>USD/month steady</th>"));
    CHECK_THAT(html, !Catch::Contains("regions"));
  }
}

TEST_CASE("malformed candidate settings are refused with the JSON path and what is allowed", "[reports][planner]") {
  json doc = fixture();
  SECTION("an unknown replication mode") {
    doc["candidates"][1]["stores"][0]["mode"] = "semi";
    CHECK(read_error(doc) ==
          "doc.json: candidates[1].stores[0].mode: is \"semi\" (allowed: \"sync\", \"async\", "
          "\"backup_restore\" or \"scheduled_rebuild\")");
  }
  SECTION("more probe samples required than taken") {
    doc["candidates"][1]["probe_samples"] = json{{"required", 5}, {"of", 4}};
    CHECK(read_error(doc) == "doc.json: candidates[1].probe_samples: asks 5 of 4 (allowed: 1 <= required <= of)");
  }
  SECTION("a region that is not a string") {
    doc["candidates"][2]["regions"][1] = 3;
    CHECK(read_error(doc) == "doc.json: candidates[2].regions[1]: is a number (allowed: a string)");
  }
  SECTION("a breaker without minimum_calls") {
    doc["candidates"][1]["breaker"].erase("minimum_calls");
    CHECK(read_error(doc) == "doc.json: candidates[1].breaker.minimum_calls: missing (allowed: a value of the key)");
  }
  SECTION("an unknown stage") {
    doc["candidates"][2]["stage"] = "final";
    CHECK(read_error(doc) == "doc.json: candidates[2].stage: is \"final\" (allowed: \"screen\" or \"combine\")");
  }
  SECTION("a search-space backup interval that is not a number") {
    doc["search_space"]["backup_intervals_s"][0] = "1h";
    CHECK(read_error(doc) == "doc.json: search_space.backup_intervals_s[0]: is a string (allowed: a number)");
  }
}
