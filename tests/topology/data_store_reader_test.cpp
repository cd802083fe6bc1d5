// A database's bounded-staleness options: read with Cosmos DB's ranges and defaults,
// refused under any other consistency.

#include <catch2/catch.hpp>

#include "faultline/topology/topology_loader.hpp"
#include "topology_test_support.hpp"

using faultline::testing::error_lines;
using faultline::testing::load_json;
using faultline::testing::load_ok;
using faultline::topology::DataStoreInfo;
using nlohmann::json;

namespace {

json with_database(const json& options) {
  json db{{"id", "db1"}, {"kind", "database"}};
  for (const auto& [key, value] : options.items()) db[key] = value;
  return json{{"name", "t"}, {"regions", {{{"id", "r1"}, {"geography", "us"}, {"data_stores", {db}}}}}};
}

}  // namespace

TEST_CASE("bounded staleness: K writes and T, with Cosmos DB's defaults", "[topology][consistency]") {
  SECTION("defaults: the multi-region minimums, 100,000 writes and 300 s") {
    const auto topo = load_ok(with_database({{"consistency", "bounded_staleness"}}));
    const auto& info = std::get<DataStoreInfo>(topo.node("db1").details);
    CHECK(info.max_staleness_writes == 100000);
    CHECK(info.max_staleness == std::chrono::seconds(300));
  }
  SECTION("given") {
    const auto topo = load_ok(
        with_database({{"consistency", "bounded_staleness"}, {"max_staleness_writes", 50}, {"max_staleness", "1m"}}));
    const auto& info = std::get<DataStoreInfo>(topo.node("db1").details);
    CHECK(info.max_staleness_writes == 50);
    CHECK(info.max_staleness == std::chrono::seconds(60));
  }
  SECTION("under session consistency, and a bound under 5 s") {
    CHECK(error_lines(with_database({{"consistency", "session"}, {"max_staleness", "1m"}})) ==
          std::vector<std::string>{"t.json: regions[0].data_stores[0].max_staleness: only bounded staleness has a "
                                   "staleness bound (allowed: this key with \"consistency\": \"bounded_staleness\")"});
    CHECK(error_lines(with_database({{"consistency", "bounded_staleness"}, {"max_staleness", "2s"}})) ==
          std::vector<std::string>{"t.json: regions[0].data_stores[0].max_staleness: a staleness bound under 5 s "
                                   "(allowed: 5 s to 24 h)"});
  }
}
