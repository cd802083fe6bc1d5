#include <catch2/catch.hpp>

#include "faultline/topology/dot_writer.hpp"
#include "topology_test_support.hpp"

using namespace faultline::topology;
using faultline::testing::load_ok;
using nlohmann::json;

TEST_CASE("DOT: regions as clusters, zones nested, one style per edge kind", "[topology][dot]") {
  const json doc = json::parse(R"({"name": "tiny \"quoted\"",
    "regions": [
      {"id": "r1", "geography": "us", "zones": [{"id": "z1"}, {"id": "z2"}],
       "model_deployments": [
         {"id": "m1", "model": "gpt", "version": "1", "deployment_name": "chat", "deployment_type": "standard",
          "capacity": {"tokens_per_minute": 1}, "quota_tokens_per_minute": 1, "zones": ["z1"]},
         {"id": "m2", "model": "gpt", "version": "1", "deployment_name": "chat2", "deployment_type": "standard",
          "capacity": {"tokens_per_minute": 1}, "quota_tokens_per_minute": 1, "zones": ["z1", "z2"]}],
       "gateways": [{"id": "g1", "backends": ["m1"]}],
       "data_stores": [{"id": "db1", "kind": "database"}]},
      {"id": "r2", "geography": "us", "data_boundary": "US", "data_stores": [{"id": "db2", "kind": "database"}]}],
    "network_links": [{"from": "r1", "to": "r2", "latency": "25ms"}],
    "replication_links": [{"from": "db1", "to": "db2", "mode": "async"}],
    "global_entry": {"id": "fd", "origins": [{"gateway": "g1"}]},
    "clients": [{"id": "c1", "geography": "us", "traffic_share": 1, "entry": "fd", "latency": {"r1": 0.01}}]})");
  const std::string dot = to_dot(load_ok(doc));
  const auto has = [&dot](const std::string& text) {
    INFO(text);
    CHECK(dot.find(text) != std::string::npos);
  };
  has("digraph \"tiny \\\"quoted\\\"\" {\n");
  has("  subgraph \"cluster_r1\" {\n    label=\"r1 (us)\";");
  has("  subgraph \"cluster_r2\" {\n    label=\"r2 (us, US)\";");
  // The single-zone pool sits in its zone's cluster; the two-zone pool in the region's cluster.
  has("    subgraph \"cluster_z1\" {\n      label=\"z1\"; style=dashed; color=gray60;\n"
      "      \"z1\" [label=\"z1\\nzone\", shape=plaintext, fontsize=9, fontcolor=gray40];\n"
      "      \"m1\" [label=\"m1\\nmodel_deployment\\ngpt 1 (standard)\"");
  has("    \"m2\" [label=\"m2\\nmodel_deployment\\ngpt 1 (standard)\"");
  has("  \"m2\" -> \"z1\" [style=dotted, color=gray50, arrowhead=none];\n");
  has("  \"g1\" -> \"m1\" [style=dashed, color=\"#2e7d32\"];\n");
  has("  \"c1\" -> \"fd\" [style=solid, color=black];\n");
  has("  \"r1\" -> \"r2\" [style=dotted, color=\"#1565c0\", label=\"25 ms\", dir=both];\n");
  has("  \"c1\" -> \"r1\" [style=dotted, color=\"#1565c0\", label=\"10 ms\"];\n");
  has("  \"db1\" -> \"db2\" [style=bold, color=\"#c62828\", label=\"async\"];\n");
  CHECK(dot.find("\"r2\" -> \"r1\"") == std::string::npos);  // a link is drawn once
  CHECK(dot.find("\"m1\" -> \"r1\"") == std::string::npos);  // containment is shown by clusters
  CHECK(dot.substr(dot.size() - 2) == "}\n");
}
