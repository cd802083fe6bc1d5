#include <catch2/catch.hpp>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <utility>

#include "command_runner.hpp"
#include "faultline/topology/linter.hpp"
#include "topology_test_support.hpp"

using namespace faultline::topology;
using faultline::testing::load_ok;
using faultline::testing::read_source_json;
using nlohmann::json;

namespace {

using Finding = std::pair<std::string, std::vector<std::string>>;  // rule id, nodes
using Findings = std::vector<Finding>;

Findings findings_of(const json& doc) {
  Findings out;
  for (const LintFinding& f : lint(load_ok(doc))) out.emplace_back(f.rule_id, f.nodes);
  return out;
}

json reference() { return read_source_json("scenarios/topologies/foundry-two-region.json"); }

// Removes the string `value` from the JSON array `list`.
void remove_value(json& list, const std::string& value) {
  list.erase(std::remove(list.begin(), list.end(), json(value)), list.end());
}

// The reference file: regions[0] eastus2, regions[1] centralus; in each, model_deployments [chat, embed],
// gateways [apim], agent_services [agents], data_stores [cosmos, search, storage, kv, acr];
// replication_links eastus2 -> centralus [cosmos, storage, search, kv, acr].
struct RuleCase {
  std::string rule;
  std::function<void(json&)> mutate;
  Findings expected;
};

// Cases of rules FL001-FL013 (models, networking, agents, secrets, images).
std::vector<RuleCase> rule_cases_first() {
  return {
      {"FL001",
       [](json& d) { d["regions"][1]["model_deployments"][0]["version"] = "2024-07-18"; },
       {{"FL001", {"chat-centralus", "chat-eastus2"}}}},
      {"FL002",
       [](json& d) {
         d["regions"][1]["model_deployments"].erase(1);
         remove_value(d["regions"][1]["gateways"][0]["backends"], "embed-centralus");
       },
       {{"FL002", {"embed-eastus2", "centralus"}}}},
      {"FL003",
       [](json& d) { d["regions"][1]["model_deployments"][0]["deployment_type"] = "standard"; },
       {{"FL003", {"chat-centralus", "chat-eastus2"}}}},
      {"FL004",
       [](json& d) { d["regions"][1]["model_deployments"][0]["quota_tokens_per_minute"] = 100000; },
       {{"FL004", {"chat-centralus", "chat-eastus2"}}}},
      {"FL005",
       [](json& d) { remove_value(d["regions"][1]["private_endpoints"], "acr"); },
       {{"FL005", {"centralus", "eastus2"}}}},
      {"FL006",
       [](json& d) { d["regions"][0]["private_dns_zones"].push_back("privatelink.extra.net"); },
       {{"FL006", {"centralus", "eastus2"}}}},
      {"FL007",
       [](json& d) { d["regions"][1]["geography"] = "canada"; },
       {{"FL007", {"eastus2", "centralus"}}, {"FL007", {"centralus", "eastus2"}}}},
      {"FL008",
       [](json& d) { d["regions"][1]["data_boundary"] = "EU"; },
       {{"FL008", {"eastus2", "centralus"}},
        {"FL008", {"centralus", "eastus2"}},
        {"FL022", {"us-east-users", "eastus2"}},
        {"FL022", {"us-west-users", "eastus2"}}}},
      {"FL009",
       [](json& d) { d["regions"][0]["model_deployments"][0]["zones"] = {"eastus2-az1"}; },
       {{"FL009", {"chat-eastus2"}}}},
      {"FL010",
       [](json& d) {
         d["regions"][0]["agent_services"][0]["threads_persisted"] = false;
         d["regions"][0]["agent_services"][0].erase("thread_store");
       },
       {{"FL010", {"agents-eastus2"}}}},
      {"FL011",
       [](json& d) { d["replication_links"].erase(0); },
       {{"FL011", {"agents-eastus2", "cosmos-eastus2"}}, {"FL011", {"agents-centralus", "cosmos-centralus"}}}},
      {"FL012",
       [](json& d) { remove_value(d["regions"][1]["data_stores"][3]["secrets"], "tool-api-token"); },
       {{"FL012", {"kv-eastus2", "kv-centralus"}}}},
      {"FL013",
       [](json& d) { d["replication_links"].erase(4); },
       {{"FL013", {"acr-eastus2"}}, {"FL013", {"acr-centralus"}}}},
  };
}

// Cases of rules FL014 onwards (search, versions, probes, data stores, deployment types).
std::vector<RuleCase> rule_cases_second() {
  return {
      {"FL014",
       [](json& d) { d["replication_links"].erase(2); },
       {{"FL014", {"search-eastus2"}}, {"FL014", {"search-centralus"}}}},
      {"FL015",
       [](json& d) {
         d["regions"][0]["model_deployments"][1]["version"] = "latest";
         d["regions"][1]["model_deployments"][1]["version"] = "latest";
       },
       {{"FL015", {"embed-eastus2"}}, {"FL015", {"embed-centralus"}}}},
      {"FL016", [](json& d) { d["global_entry"].erase("health_probe"); }, {{"FL016", {"frontdoor"}}}},
      {"FL017",
       [](json& d) { d["regions"][1]["gateways"][0]["health_endpoint"] = "/health"; },
       {{"FL017", {"frontdoor", "apim-centralus"}}}},
      {"FL019",
       [](json& d) {
         d["regions"][0]["data_stores"][0]["consistency"] = "strong";
         d["regions"][0]["data_stores"][0]["multi_region_writes"] = true;
       },
       {{"FL019", {"cosmos-eastus2"}}}},
      {"FL020",
       [](json& d) { d["regions"][0]["data_stores"][0]["automatic_failover"] = false; },
       {{"FL020", {"cosmos-eastus2"}}}},
      {"FL022", [](json& d) { d["clients"][0]["data_boundary"] = "EU"; }, {{"FL022", {"us-east-users"}}}},
      {"FL023",
       [](json& d) {
         d["regions"][0]["model_deployments"][0]["deployment_type"] = "global_standard";
         d["regions"][1]["model_deployments"][0]["deployment_type"] = "global_standard";
       },
       {{"FL023", {"chat-eastus2"}}, {"FL023", {"chat-centralus"}}}},
      {"FL024",
       [](json& d) {
         d["regions"][0]["model_deployments"][1]["deployment_type"] = "developer";
         d["regions"][1]["model_deployments"][1]["deployment_type"] = "developer";
       },
       {{"FL024", {"embed-eastus2"}}, {"FL024", {"embed-centralus"}}}},
      {"FL025",
       [](json& d) { remove_value(d["regions"][0]["gateways"][0]["backends"], "chat-eastus2"); },
       {{"FL025", {"chat-eastus2"}}}},
      {"FL026",
       [](json& d) { d["regions"][0]["agent_services"][0]["definitions_in_source_control"] = false; },
       {{"FL026", {"agents-eastus2"}}}},
  };
}

// One case per rule checked by a mutation of the reference file: the mutation and the findings it must give.
std::vector<RuleCase> rule_cases() {
  std::vector<RuleCase> cases = rule_cases_first();
  for (RuleCase& c : rule_cases_second()) cases.push_back(std::move(c));
  return cases;
}

}  // namespace

TEST_CASE("every shipped topology except the mistakes file is lint clean", "[topology][lint]") {
  for (const char* file : {"foundry-two-region", "three-region-active", "eu-residency"}) {
    INFO(file);
    CHECK(findings_of(read_source_json(std::string("scenarios/topologies/") + file + ".json")).empty());
  }
  const Findings mistakes = findings_of(read_source_json("scenarios/topologies/foundry-two-region-mistakes.json"));
  std::set<std::string> rules;
  for (const auto& f : mistakes) rules.insert(f.first);
  CHECK(rules == std::set<std::string>{"FL001", "FL002", "FL004", "FL005", "FL006", "FL009", "FL010", "FL012", "FL013",
                                       "FL014", "FL015", "FL016"});
}

TEST_CASE("each lint rule fires on the mistake it names and only then", "[topology][lint]") {
  const std::vector<RuleCase> cases = rule_cases();
  for (const RuleCase& c : cases) {
    SECTION(c.rule + " (the clean reference does not trigger it; the mutation does)") {
      CHECK(findings_of(reference()).empty());
      json doc = reference();
      c.mutate(doc);
      CHECK(findings_of(doc) == c.expected);
    }
  }
  SECTION("FL018 fires on a single serving region (with FL007 and FL025), not on the reference") {
    const json doc = json::parse(R"({"name": "one", "regions": [{"id": "r1", "geography": "us",
      "model_deployments": [{"id": "m1", "model": "m", "version": "1", "deployment_name": "chat",
        "deployment_type": "standard", "capacity": {"tokens_per_minute": 1}, "quota_tokens_per_minute": 1}]}]})");
    CHECK(findings_of(doc) == Findings{{"FL007", {"r1"}}, {"FL018", {"r1"}}, {"FL025", {"m1"}}});
  }
  SECTION("FL021 fires on an unreplicated HSM, not on the EU residency file") {
    json doc = read_source_json("scenarios/topologies/eu-residency.json");
    CHECK(findings_of(doc).empty());
    doc["replication_links"].erase(doc["replication_links"].size() - 1);  // the HSM link is the last one
    CHECK(findings_of(doc) == Findings{{"FL021", {"hsm-swedencentral"}}, {"FL021", {"hsm-germanywestcentral"}}});
  }
}

TEST_CASE("findings carry severity, message and fix; rules are documented", "[topology][lint]") {
  SECTION("a finding spelled out") {
    json doc = reference();
    doc["regions"][1]["model_deployments"][0]["quota_tokens_per_minute"] = 100000;
    const auto findings = lint(load_ok(doc));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule_name == "secondary-quota-below-need");
    CHECK(findings[0].severity == Severity::kError);
    CHECK(findings[0].message ==
          "chat-centralus has a quota of 100000 tokens/min but must take over 300000 tokens/min from chat-eastus2 when "
          "eastus2 fails");
    CHECK(findings[0].fix ==
          "raise the quota of chat-centralus to at least 300000 tokens/min and re-check it on a schedule (quota is "
          "reclaimed from idle regions)");
    CHECK(has_errors(findings));
  }
  SECTION("26 rules with unique ids, each with a section in docs/lint-rules.md") {
    const auto rules = lint_rules();
    CHECK(rules.size() == 26);
    std::ifstream in(faultline::testing::source_path("docs/lint-rules.md"));
    std::stringstream text;
    text << in.rdbuf();
    std::set<std::string> ids;
    for (const LintRule& rule : rules) {
      ids.insert(rule.id);
      INFO(rule.id);
      CHECK(text.str().find("## " + rule.id + " " + rule.name) != std::string::npos);
    }
    CHECK(ids.size() == rules.size());
  }
  SECTION("warnings alone are not errors") {
    json doc = reference();
    doc["regions"][0]["agent_services"][0]["definitions_in_source_control"] = false;
    CHECK_FALSE(has_errors(lint(load_ok(doc))));
  }
}
