#include <catch2/catch.hpp>

#include "command_runner.hpp"
#include "faultline/topology/topology_loader.hpp"
#include "topology_test_support.hpp"

using faultline::base::LoadError;
using faultline::testing::error_lines;
using faultline::testing::load_json;
using faultline::testing::load_ok;
using faultline::testing::read_source_json;
using faultline::topology::LoadResult;
using faultline::topology::NodeKind;
using faultline::topology::TopologyLoader;
using nlohmann::json;

namespace {

// A minimal valid topology: one region with two zones, one deployment, a gateway, a store.
json minimal() {
  return json::parse(R"({
    "name": "t",
    "regions": [{
      "id": "r1", "geography": "us", "data_boundary": "US",
      "zones": [{"id": "r1-az1"}, {"id": "r1-az2"}],
      "model_deployments": [{"id": "m1", "model": "gpt-4.1-mini", "version": "2025-04-14",
        "deployment_name": "chat", "deployment_type": "standard",
        "capacity": {"tokens_per_minute": 1000}, "quota_tokens_per_minute": 1000, "zones": ["r1-az1"]}],
      "gateways": [{"id": "g1", "backends": ["m1"]}],
      "agent_services": [{"id": "a1", "threads_persisted": true, "thread_store": "db1"}],
      "data_stores": [{"id": "db1", "kind": "database"}]
    }],
    "global_entry": {"id": "fd", "origins": [{"gateway": "g1"}]},
    "clients": [{"id": "c1", "geography": "us", "traffic_share": 1, "entry": "fd"}]
  })");
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a valid topology loads with typed nodes and edges", "[topology][loader]") {
  SECTION("the minimal file") {
    const auto topology = load_ok(minimal());
    CHECK(topology.name() == "t");
    // r1, r1-az1, r1-az2, m1, g1, a1, db1, fd, c1
    CHECK(topology.node_count() == 9);
    // containment: 2 zones + 4 components -> region, m1 -> r1-az1 = 7; dependency: g1->m1, a1->db1, fd->g1, c1->fd = 4
    CHECK(topology.edge_count() == 11);
    CHECK(topology.node("m1").kind == NodeKind::kModelDeployment);
    CHECK(topology.node("m1").region == "r1");
    CHECK(topology.node("m1").json_path == "regions[0].model_deployments[0]");
    CHECK(topology.node("db1").kind == NodeKind::kDatabase);
    CHECK_THROWS_WITH(topology.node("nope"), "topology t has no node \"nope\"");
  }
  SECTION("every shipped topology loads") {
    for (const char* file :
         {"foundry-two-region", "three-region-active", "eu-residency", "foundry-two-region-mistakes"}) {
      INFO(file);
      const LoadResult result = TopologyLoader::load_file(
          faultline::testing::source_path(std::string("scenarios/topologies/") + file + ".json"));
      INFO(result.error_report());
      CHECK(result.is_ok());
    }
  }
}

TEST_CASE("bad input: every error names file, JSON path, problem and what is allowed", "[topology][loader]") {
  SECTION("1 syntax error with line and column") {
    const LoadResult r = TopologyLoader::load_text("{\"name\": \"t\",\n  \"regions\": [,]}", "t.json");
    REQUIRE(r.errors.size() == 1);
    // Line 2 is `  "regions": [,]}`: two spaces, "regions" (9), ':' (12), ' ' (13), '[' (14), ',' at column 15.
    CHECK(r.errors[0].line == 2);
    CHECK(r.errors[0].column == 15);
    CHECK(r.errors[0].to_string() ==
          "t.json:2:15: syntax error while parsing value - unexpected ','; expected '[', '{', or a literal "
          "(allowed: JSON (RFC 8259): no comments, no trailing commas)");
  }
  SECTION("2 the root is not an object") {
    CHECK(
        error_lines(json::array({1})) ==
        Lines{"t.json: the file holds a JSON array, not an object (allowed: an object with \"name\" and \"regions\")"});
  }
  SECTION("3 unknown key: the nearest valid key is suggested") {
    json doc = minimal();
    doc["regions"][0]["geograpy"] = doc["regions"][0]["geography"];
    doc["regions"][0].erase("geography");
    CHECK(error_lines(doc) ==
          Lines{"t.json: regions[0].geograpy: unknown key \"geograpy\"; did you mean \"geography\"? (allowed: id, "
                "description, geography, paired_region, data_boundary, zones, private_endpoints, private_dns_zones, "
                "model_deployments, gateways, agent_services, data_stores)",
                "t.json: regions[0].geography: missing required key \"geography\" (allowed: a geography name, e.g. "
                "\"united_states\")"});
  }
  SECTION("4 missing required field") {
    json doc = minimal();
    doc["regions"][0]["model_deployments"][0].erase("version");
    CHECK(error_lines(doc) == Lines{"t.json: regions[0].model_deployments[0].version: missing required key \"version\" "
                                    "(allowed: a pinned model version, e.g. \"2025-04-14\")"});
  }
  SECTION("5 wrongly typed field") {
    json doc = minimal();
    doc["regions"] = "eastus2";
    // Without regions the gateway g1 does not exist either: the origin that names it is reported too.
    CHECK(error_lines(doc) ==
          Lines{"t.json: regions: expected an array, got string (allowed: an array)",
                "t.json: global_entry.origins[0].gateway: unknown id \"g1\" (allowed: the id of a gateway)"});
  }
  SECTION("6 duplicate id") {
    json doc = minimal();
    doc["regions"][0]["zones"][1]["id"] = "r1-az1";
    CHECK(error_lines(doc) == Lines{"t.json: regions[0].zones[1].id: duplicate id \"r1-az1\", first defined at "
                                    "regions[0].zones[0].id (allowed: ids unique across the whole topology)"});
  }
  SECTION("7 unknown id, with the nearest id of the right kind suggested") {
    json doc = minimal();
    doc["regions"][0]["gateways"][0]["backends"] = {"m2"};
    CHECK(error_lines(doc) ==
          Lines{"t.json: regions[0].gateways[0].backends[0]: unknown id \"m2\"; did you mean \"m1\"? "
                "(allowed: the id of a model_deployment or agent_service)"});
  }
  SECTION("8 reference to a node of the wrong kind") {
    json doc = minimal();
    doc["clients"][0]["entry"] = "db1";
    CHECK(error_lines(doc) ==
          Lines{"t.json: clients[0].entry: \"db1\" is a database (allowed: the id of a global_entry or gateway)"});
  }
}

TEST_CASE("bad input: values, durations, enumerations, zones, probes and cycles", "[topology][loader]") {
  SECTION("9 negative value") {
    json doc = minimal();
    doc["regions"][0]["model_deployments"][0]["price"] = {{"per_hour_usd", -1}};
    CHECK(error_lines(doc) == Lines{"t.json: regions[0].model_deployments[0].price.per_hour_usd: negative value -1 "
                                    "(allowed: a number from 0 to 1000000)"});
  }
  SECTION("10 absurd latency (more than 10 minutes)") {
    json doc = minimal();
    doc["regions"].push_back({{"id", "r2"}, {"geography", "us"}});
    doc["network_links"] = {{{"from", "r1"}, {"to", "r2"}, {"latency", "11m"}}};
    CHECK(error_lines(doc) == Lines{"t.json: network_links[0].latency: \"11m\" is absurdly long (allowed: a number of "
                                    "seconds >= 0 or a string like \"500ms\", \"90s\", \"15m\", \"2h\", at most 10m)"});
  }
  SECTION("11 traffic shares that do not sum to 1") {
    json doc = minimal();
    doc["clients"][0]["traffic_share"] = 0.6;
    doc["clients"].push_back({{"id", "c2"}, {"geography", "eu"}, {"traffic_share", 0.3}, {"entry", "fd"}});
    CHECK(error_lines(doc) == Lines{"t.json: clients: traffic shares sum to 0.9 (allowed: shares that sum to 1)"});
  }
  SECTION("12 duration with an unknown unit") {
    json doc = minimal();
    doc["regions"][0]["model_deployments"][0]["warm_up"] = "5d";
    CHECK(error_lines(doc) == Lines{"t.json: regions[0].model_deployments[0].warm_up: unknown unit \"d\" in \"5d\" "
                                    "(allowed: a number of seconds >= 0 or a string like \"500ms\", \"90s\", \"15m\", "
                                    "\"2h\", at most 24h)"});
  }
  SECTION("13 misspelt enumeration value") {
    json doc = minimal();
    doc["regions"][0]["model_deployments"][0]["deployment_type"] = "provisoned";
    CHECK(error_lines(doc) ==
          Lines{"t.json: regions[0].model_deployments[0].deployment_type: unknown value \"provisoned\"; did you mean "
                "\"provisioned\"? (allowed: global_standard, data_zone_standard, standard, provisioned, batch, "
                "developer)"});
  }
  SECTION("14 zone of another region") {
    json doc = minimal();
    doc["regions"][0]["model_deployments"][0]["zones"] = {"r1-az3"};
    CHECK(error_lines(doc) ==
          Lines{"t.json: regions[0].model_deployments[0].zones[0]: unknown zone \"r1-az3\" in region "
                "\"r1\"; did you mean \"r1-az1\"? (allowed: zones of this region: r1-az1, r1-az2)"});
  }
  SECTION("15 probe needing more successes than samples") {
    json doc = minimal();
    doc["global_entry"]["health_probe"] = {{"path", "/status"}, {"sample_size", 2}, {"successful_samples_required", 3}};
    CHECK(error_lines(doc) == Lines{"t.json: global_entry.health_probe.successful_samples_required: 3 is more than the "
                                    "sample size 2 (allowed: 1 to sample_size)"});
  }
  SECTION("16 dependency cycle") {
    json doc = minimal();
    doc["regions"][0]["data_stores"][0]["depends_on"] = {"a1"};
    CHECK(error_lines(doc) == Lines{"t.json: regions[0].agent_services[0]: dependency cycle: a1 -> db1 -> a1 (allowed: "
                                    "dependencies without cycles (a node cannot need itself, even through others))"});
  }
}

TEST_CASE("bad input: fractions, replication kinds, thread stores, unreadable files and every error reported",
          "[topology][loader]") {
  SECTION("17 integer field given a fraction, and an origin weight out of range") {
    json doc = minimal();
    doc["global_entry"]["health_probe"] = {{"path", "/status"}, {"sample_size", 2.5}};
    doc["global_entry"]["origins"][0]["weight"] = 5000;
    CHECK(
        error_lines(doc) ==
        Lines{
            "t.json: global_entry.health_probe.sample_size: 2.5 is not an integer (allowed: an integer from 1 to 255)",
            "t.json: global_entry.origins[0].weight: 5000 is absurdly large (allowed: an integer from 1 to 1000)"});
  }
  SECTION("18 replication between stores of different kinds, and a link to itself") {
    json doc = minimal();
    doc["regions"][0]["data_stores"].push_back({{"id", "kv1"}, {"kind", "key_vault"}});
    doc["regions"].push_back({{"id", "r2"}, {"geography", "us"}});
    doc["replication_links"] = {{{"from", "db1"}, {"to", "kv1"}, {"mode", "async"}}};
    doc["network_links"] = {{{"from", "r2"}, {"to", "r2"}, {"latency", 0.01}}};
    CHECK(
        error_lines(doc) ==
        Lines{"t.json: network_links[0].to: a link from \"r2\" to itself (allowed: two different regions)",
              "t.json: replication_links[0].to: replicates a database to a key_vault (allowed: two data stores of the "
              "same kind)"});
  }
  SECTION("19 persisted threads without a store, and a key only a key vault may have") {
    json doc = minimal();
    doc["regions"][0]["agent_services"][0].erase("thread_store");
    doc["regions"][0]["data_stores"][0]["secrets"] = {"x"};
    CHECK(error_lines(doc) ==
          Lines{"t.json: regions[0].agent_services[0].thread_store: threads_persisted is true but no thread_store is "
                "named (allowed: the id of a database or object_storage holding the threads)",
                "t.json: regions[0].data_stores[0].secrets: unknown key \"secrets\" (allowed: id, description, kind, "
                "service, price_per_month_usd, zones, zone_redundant_sla, depends_on, consistency, "
                "multi_region_writes, automatic_failover, max_staleness_writes, max_staleness)"});
  }
  SECTION("20 an unreadable file") {
    const LoadResult r = TopologyLoader::load_file("/nonexistent/topology.json");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].to_string() ==
          "/nonexistent/topology.json: cannot open the file (allowed: a readable topology JSON file)");
  }
  SECTION("22 a key given twice in one object") {
    const LoadResult r = TopologyLoader::load_text(
        R"({"name": "t", "regions": [{"id": "r1", "geography": "us"},
                                      {"id": "r2", "geography": "us", "zones": [{"id": "z1", "id": "z2"}]}]})",
        "t.json");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].to_string() ==
          "t.json: regions[1].zones[0].id: duplicate key \"id\" (the last one would win) (allowed: each key once per "
          "object)");
  }
  SECTION("21 every error is reported, not just the first") {
    json doc = minimal();
    doc["nme"] = "x";
    doc["regions"][0]["id"] = "r 1";
    doc["regions"][0]["model_deployments"][0]["capacity"]["tokens_per_minute"] = 2e9;
    doc["regions"][0]["data_stores"][0]["kind"] = "databse";
    const Lines errors = error_lines(doc);
    REQUIRE(errors.size() == 4);
    CHECK(errors[0] ==
          "t.json: nme: unknown key \"nme\"; did you mean \"name\"? (allowed: $schema, name, description, "
          "regions, global_entry, network_links, replication_links, clients)");
    CHECK(errors[1] ==
          "t.json: regions[0].id: id \"r 1\" has characters outside the allowed set (allowed: a non-empty "
          "id of letters, digits, '.', '_' and '-', unique in the file)");
    CHECK(errors[2] ==
          "t.json: regions[0].model_deployments[0].capacity.tokens_per_minute: 2000000000 is absurdly "
          "large (allowed: a number from 0 to 1000000000)");
    CHECK(errors[3] ==
          "t.json: regions[0].data_stores[0].kind: unknown value \"databse\"; did you mean \"database\"? "
          "(allowed: database, search_index, object_storage, key_vault, container_registry, hsm)");
  }
}
