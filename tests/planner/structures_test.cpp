// k of n origin regions (`reliability.regions_needed`) and service-scope data
// store components: the loader, the serving structure function, the exact
// Markov answer against the closed forms of domain-facts "Repairable systems"
// (k-of-n with independent repair; serial dependencies multiply), and Monte
// Carlo within its 99 % interval of it.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "command_runner.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/planner/markov_chain.hpp"
#include "faultline/contract/mc_result.hpp"
#include "faultline/planner/monte_carlo.hpp"
#include "faultline/planner/reliability_loader.hpp"

using namespace faultline::contract;
using namespace faultline::planner;
using faultline::engine::Distribution;
using faultline::testing::source_path;

namespace {

const char* kScenario = "scenarios/reliability-k-of-n.json";

faultline::engine::Scenario load_scenario() {
  auto loaded = faultline::engine::ScenarioLoader::load_file(source_path(kScenario));
  INFO(loaded.error_report());
  REQUIRE(loaded.scenario);
  return *loaded.scenario;
}

nlohmann::json scenario_json() { return nlohmann::json::parse(faultline::testing::read_text(source_path(kScenario))); }

ReliabilityModel load_model(const faultline::engine::Scenario& scenario) {
  const ReliabilityLoadResult r = ReliabilityLoader::load_file(scenario);
  INFO(r.error_report());
  REQUIRE(r.model);
  return *r.model;
}

std::string errors_of(const nlohmann::json& doc) {
  const auto scenario = load_scenario();
  const ReliabilityLoadResult r = ReliabilityLoader::load_json(doc, "s.json", scenario);
  CHECK_FALSE(r.model.has_value());
  return r.error_report();
}

// 2-of-3 with independent repair: sum over i = 2..3 of C(3,i) A^i (1-A)^(3-i) = 3 A^2 (1 - A) + A^3.
double two_of_three(double a) { return 3 * a * a * (1 - a) + a * a * a; }

void check_relative(double value, double expected) {
  INFO("value " << value << ", expected " << expected);
  CHECK(std::abs(value - expected) <= 1e-12 * std::abs(expected));
}

}  // namespace

TEST_CASE("the k-of-n scenario loads with regions_needed and a service-scope store", "[planner][reliability]") {
  const auto scenario = load_scenario();
  const ReliabilityModel m = load_model(scenario);
  CHECK(m.regions_needed == 2);
  REQUIRE(m.components.size() == 4);
  // The "kind": "region" entry expands in the topology's order; the store comes last.
  CHECK(m.components[0].name == "eastus2/region_outage");
  CHECK(m.components[1].name == "centralus/region_outage");
  CHECK(m.components[2].name == "westus3/region_outage");
  CHECK(m.components[3].name == "cosmos-account");
  CHECK(m.components[3].target == "cosmos-eastus2");
  CHECK(m.components[3].is_service_scope);
  CHECK_FALSE(m.components[0].is_service_scope);
  // "1y" = 31,536,000 s, "12h" = 43,200 s, "6mo" = 6 x 730 h = 15,768,000 s, "2h" = 7,200 s.
  CHECK(m.components[0].time_between_failures.mean() == 31536000.0);
  CHECK(m.components[0].time_to_repair.mean() == 43200.0);
  CHECK(m.components[3].time_between_failures.mean() == 15768000.0);
  CHECK(m.components[3].time_to_repair.mean() == 7200.0);
  CHECK(origin_regions(*scenario.topology) == std::vector<std::string>{"eastus2", "centralus", "westus3"});
}

TEST_CASE("serving structure: k of n origin regions, a service-scope store in series", "[planner][structure]") {
  const auto scenario = load_scenario();
  ReliabilityModel model = load_model(scenario);
  // Bits 0..2: regions eastus2, centralus, westus3; bit 3: the store.
  SECTION("2 of 3 regions and the store") {
    const StructureFunction f = StructureFunction::serving(scenario, model);
    CHECK(f.is_up(0b0000));
    CHECK(f.is_up(0b0001));
    CHECK(f.is_up(0b0100));
    CHECK_FALSE(f.is_up(0b0011));
    CHECK_FALSE(f.is_up(0b0101));
    CHECK_FALSE(f.is_up(0b0111));
    CHECK_FALSE(f.is_up(0b1000));  // the store alone: no writes anywhere
    CHECK_FALSE(f.is_up(0b1001));
    CHECK(f.describe() ==
          "serving: global entry, 2 of 3 origin regions with every workload model, and data store(s) cosmos-eastus2");
  }
  SECTION("regions_needed 1 keeps the original structure and text") {
    model.regions_needed = 1;
    model.components[3].is_service_scope = false;
    const StructureFunction f = StructureFunction::serving(scenario, model);
    CHECK(f.is_up(0b0011));
    CHECK_FALSE(f.is_up(0b0111));
    // A node-scope cosmos-eastus2 outage takes down nothing the chat tier needs (no dependency edge).
    CHECK(f.is_up(0b1000));
    CHECK(f.describe() == "serving: global entry and one origin region with every workload model");
  }
  SECTION("3 of 3 regions") {
    model.regions_needed = 3;
    const StructureFunction f = StructureFunction::serving(scenario, model);
    CHECK(f.is_up(0b0000));
    CHECK_FALSE(f.is_up(0b0010));
  }
  SECTION("more regions than the global entry has are refused") {
    model.regions_needed = 4;
    CHECK_THROWS_WITH(StructureFunction::serving(scenario, model),
                      Catch::Contains("regions_needed 4 with 3 origin regions (allowed: 1 to 3)"));
  }
}

TEST_CASE("Markov chain equals k-of-n and series closed forms on the shipped scenario", "[planner][markov]") {
  const auto scenario = load_scenario();
  ReliabilityModel model = load_model(scenario);
  // Region: l = 1 / 1 y, m = 1 / 12 h: A_r = m / (l + m) = 8760 / (8760 + 12) = 730 / 731.
  // Store:  l = 1 / 6 mo, m = 1 / 2 h:  A_db = 4380 / (4380 + 2) = 2190 / 2191.
  const double a_region = 730.0 / 731.0;
  const double a_store = 2190.0 / 2191.0;
  SECTION("2 of 3 regions and the store: A = [3 A_r^2 (1 - A_r) + A_r^3] x A_db = 0.99953798...") {
    const MarkovAnswer answer = solve_markov(model, StructureFunction::serving(scenario, model));
    REQUIRE(answer.availability.has_value());
    const double expected = two_of_three(a_region) * a_store;
    check_relative(*answer.availability, expected);
    CHECK(std::abs(expected - 0.99953798090098) < 1e-13);
    // Annual downtime (1 - A) x 8760 h = 4.0472873... h.
    check_relative(*answer.annual_downtime_h, (1 - expected) * 8760.0);
    CHECK(answer.note.find("16-state chain") != std::string::npos);
    CHECK(answer.note.find("exact (exponential times)") != std::string::npos);
  }
  SECTION("2 of 3 regions without the store: 1 - U = 3 A^2 (1 - A) + A^3") {
    model.components.pop_back();
    const double a = MarkovChain::from_model(model).availability(StructureFunction::serving(scenario, model));
    check_relative(a, two_of_three(a_region));
  }
  SECTION("the store in series multiplies: A_service = A_structure x A_store") {
    model.regions_needed = 1;
    const double a = MarkovChain::from_model(model).availability(StructureFunction::serving(scenario, model));
    // 1 of 3 regions: 1 - (1 - A_r)^3.
    check_relative(a, (1 - std::pow(1 - a_region, 3)) * a_store);
  }
  SECTION("the default (1 of 3, node-scope store) is today's answer: the store does not count") {
    model.regions_needed = 1;
    model.components[3].is_service_scope = false;
    const double a = MarkovChain::from_model(model).availability(StructureFunction::serving(scenario, model));
    check_relative(a, 1 - std::pow(1 - a_region, 3));
  }
}

TEST_CASE("Monte Carlo of 2 of 3 regions and a store is within its 99 % interval of the exact answer",
          "[planner][mc]") {
  const auto scenario = load_scenario();
  ReliabilityModel model = load_model(scenario);
  // Failing often, so that 200 years resolve the answer: regions MTBF 10 h, MTTR 1 h (A_r = 10 / 11);
  // store MTBF 20 h, MTTR 1 h (A_db = 20 / 21). A = (10/11)^2 (3 - 2 x 10/11) x 20/21 = 26000 / 27951.
  for (std::size_t i = 0; i < 3; ++i) {
    model.components[i].time_between_failures = Distribution::exponential(36000);
    model.components[i].time_to_repair = Distribution::exponential(3600);
  }
  model.components[3].time_between_failures = Distribution::exponential(72000);
  model.components[3].time_to_repair = Distribution::exponential(3600);
  const double exact = 26000.0 / 27951.0;
  const StructureFunction structure = StructureFunction::serving(scenario, model);
  check_relative(MarkovChain::from_model(model).availability(structure), exact);
  McOptions options;
  options.years = 1;
  options.replications = 200;
  options.threads = 2;
  options.is_measuring_incidents = false;
  const McResult r = MonteCarlo(scenario, model, structure, options).run();
  const Estimate& e = r.summary.structure_availability;
  REQUIRE(e.half_width.has_value());
  INFO("MC " << e.mean << " +- " << *e.half_width << ", exact " << exact);
  CHECK(std::abs(e.mean - exact) <= *e.half_width);
  CHECK(*e.half_width < (1 - exact) / 2);
}

TEST_CASE("regions_needed and scope mistakes name the file, the path and what is allowed", "[planner][reliability]") {
  nlohmann::json doc = scenario_json();
  auto& rel = doc["reliability"];
  SECTION("more regions than the global entry has") {
    rel["regions_needed"] = 4;
    const std::string e = errors_of(doc);
    CHECK_THAT(e, Catch::Contains("s.json: reliability.regions_needed: 4 regions needed, but the global entry has 3 "
                                  "origin region(s)"));
    CHECK_THAT(e, Catch::Contains("an integer from 1 to 3 (the origin regions behind the global entry: eastus2, "
                                  "centralus, westus3)"));
  }
  SECTION("zero") {
    rel["regions_needed"] = 0;
    CHECK_THAT(errors_of(doc), Catch::Contains("reliability.regions_needed"));
  }
  SECTION("not an integer") {
    rel["regions_needed"] = 1.5;
    CHECK_THAT(errors_of(doc), Catch::Contains("reliability.regions_needed"));
  }
  SECTION("a string") {
    rel["regions_needed"] = "two";
    CHECK_THAT(errors_of(doc), Catch::Contains("reliability.regions_needed"));
  }
  SECTION("a misspelt key is suggested") {
    rel.erase("regions_needed");
    rel["region_needed"] = 2;
    CHECK_THAT(errors_of(doc), Catch::Contains("regions_needed"));
  }
  SECTION("an unknown scope") {
    rel["components"][1]["scope"] = "global";
    const std::string e = errors_of(doc);
    CHECK_THAT(e, Catch::Contains("s.json: reliability.components[1].scope"));
    CHECK_THAT(e, Catch::Contains("node"));
    CHECK_THAT(e, Catch::Contains("service"));
  }
  SECTION("service scope on a region outage") {
    rel["components"][0]["scope"] = "service";
    CHECK_THAT(errors_of(doc), Catch::Contains("reliability.components[0].scope: \"service\" scope on a region_outage "
                                               "component (allowed: \"service\" only with \"fault\": "
                                               "\"data_store_outage\""));
  }
  SECTION("service scope on a kind entry") {
    auto& c1 = rel["components"][1];
    c1.erase("target");
    c1.erase("name");
    c1["kind"] = "database";
    CHECK_THAT(errors_of(doc), Catch::Contains("reliability.components[1].scope: \"service\" scope on a \"kind\" "
                                               "entry (allowed: a \"target\" naming the one logical store"));
  }
  SECTION("a service-scope target that is not a data store") {
    rel["components"][1]["target"] = "apim-eastus2";
    CHECK_THAT(errors_of(doc), Catch::Contains("reliability.components[1].target: \"apim-eastus2\" is a gateway, "
                                               "which a data_store_outage cannot hit"));
  }
}
