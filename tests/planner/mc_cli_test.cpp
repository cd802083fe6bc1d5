// End to end: the built `faultline mc` and `faultline merge` on the shipped
// reliability scenario: determinism across threads and shards, the exact answer
// next to the estimate, exit codes and errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "command_runner.hpp"

namespace {

using faultline::testing::faultline_binary;
using faultline::testing::read_text;
using faultline::testing::run_command;
using faultline::testing::source_path;
using faultline::testing::temp_path;
using nlohmann::json;

// The scenario path is passed the same way to every run, so `inputs.scenario` matches.
const std::string kScenario = source_path("scenarios/reliability-two-region.json");

faultline::testing::CommandResult mc(const std::string& args, const std::string& out) {
  std::filesystem::remove(out);
  return run_command(faultline_binary() + " mc " + kScenario + " --years 20 --replications 6 -q --json " + out + " " +
                     args);
}

}  // namespace

TEST_CASE("faultline mc gives byte-identical results for any thread count and shard split", "[planner][mc][e2e]") {
  const std::string one = temp_path("mc-threads1.json");
  const auto r1 = mc("--threads 1", one);
  INFO(r1.output);
  REQUIRE(r1.exit_code != 2);
  const std::string whole = read_text(one);
  const json doc = json::parse(whole);
  CHECK(doc["schema"] == "faultline.mc/v1");
  CHECK(doc["replications"] == 6);
  CHECK(doc["simulated_years"] == 120.0);
  CHECK(doc["patterns"].size() == 2);
  CHECK(doc["shard"].is_null());
  CHECK(doc["traffic"] == "fast");  // the default (docs/planner.md "--traffic")
  // Exit code 1 exactly when a target is missed.
  bool is_all_met = true;
  for (const auto& p : doc["patterns"]) {
    for (const auto& t : p["targets"]) is_all_met = is_all_met && t["met"].get<bool>();
  }
  CHECK(r1.exit_code == (is_all_met ? 0 : 1));

  // Criticality (docs/planner.md): per pattern, the attributed incidents add up to the pattern's incidents
  // and every share sums to 1; the records' tallies carry them, so threads and shards must agree on them too.
  for (std::size_t k = 0; k < doc["patterns"].size(); ++k) {
    const json& p = doc["patterns"][k];
    REQUIRE(p["criticality"].size() == doc["components"].size());
    std::uint64_t incidents = 0;
    double incident_share = 0;
    double downtime_share = 0;
    for (const auto& c : p["criticality"]) {
      incidents += c["incidents"].get<std::uint64_t>();
      if (!c["incident_share"].is_null()) incident_share += c["incident_share"].get<double>();
      if (!c["downtime_share"].is_null()) downtime_share += c["downtime_share"].get<double>();
    }
    std::uint64_t recorded = 0;
    for (const auto& rec : doc["records"]) recorded += rec["patterns"][k]["incidents"].get<std::uint64_t>();
    CHECK(incidents == recorded);
    CHECK(std::abs(incident_share - 1) < 1e-12);
    CHECK(std::abs(downtime_share - 1) < 1e-12);
  }
  CHECK(doc["records"][0]["patterns"][0].contains("by_component"));
  CHECK(doc["markov"]["birnbaum"].size() == 4);
  CHECK(doc["defaulted_components"].empty());

  SECTION("--threads 2") {
    const std::string two = temp_path("mc-threads2.json");
    REQUIRE(mc("--threads 2", two).exit_code == r1.exit_code);
    CHECK(read_text(two) == whole);
  }
  SECTION("--shard 1/2 and 2/2, merged") {
    const std::string s1 = temp_path("mc-shard1.json");
    const std::string s2 = temp_path("mc-shard2.json");
    const std::string merged = temp_path("mc-merged.json");
    REQUIRE(mc("--threads 2 --shard 2/2", s2).exit_code == 0);
    REQUIRE(mc("--threads 1 --shard 1/2", s1).exit_code == 0);
    CHECK(json::parse(read_text(s1))["replications"] == 3);
    std::filesystem::remove(merged);
    const auto m = run_command(faultline_binary() + " merge " + s2 + " " + s1 + " -q --json " + merged);
    INFO(m.output);
    CHECK(m.exit_code == r1.exit_code);
    CHECK(read_text(merged) == whole);
  }
}

TEST_CASE("faultline mc states the traffic mode in its table", "[planner][mc][e2e]") {
  // The table (no -q) names the mode that replayed the incident windows; fast is the default.
  const std::string base = faultline_binary() + " mc " + kScenario + " --years 2 --replications 2 --threads 1";
  SECTION("default: fast, with its cap of 2 requests/s") {
    const auto r = run_command(base);
    REQUIRE(r.exit_code != 2);
    CHECK(r.output.find("traffic: fast (incident windows simulated at 2 requests/s at most") != std::string::npos);
  }
  SECTION("--traffic exact") {
    const auto r = run_command(base + " --traffic exact");
    REQUIRE(r.exit_code != 2);
    CHECK(r.output.find("traffic: exact (every request of every incident window simulated)") != std::string::npos);
  }
}

TEST_CASE("faultline mc reports the Markov answer next to the estimate", "[planner][mc][e2e]") {
  const std::string out = temp_path("mc-markov.json");
  const auto r = mc("--threads 2", out);
  REQUIRE(r.exit_code != 2);
  const json doc = json::parse(read_text(out));
  // 4 components: 16 states; the times are not all exponential but the crews are independent.
  CHECK(doc["markov"]["note"].get<std::string>().find("16-state chain") != std::string::npos);
  const double exact = doc["markov"]["availability"];
  // Serving fails only when both regions are unavailable (region or its chat pool down):
  // per region U = 1 - A_region A_pool (the embedding pools serve no workload) with A = MTBF / (MTBF + MTTR) of each
  // component. lognormal(median 4 h, p95 12 h): sigma = ln(3) / z(0.95), mean = median exp(sigma^2 / 2).
  const double region_mttr = 14400.0 * std::exp(std::pow(std::log(3.0) / 1.6448536269514722, 2) / 2);
  const double region = 63072000.0 / (63072000.0 + region_mttr);
  const double pool_mtbf = 31536000.0 * std::tgamma(1.0 + 1.0 / 1.5);
  const double pool = pool_mtbf / (pool_mtbf + 7200.0);
  const double u = 1 - region * pool;
  CHECK(std::abs(exact - (1 - u * u)) < 1e-9);
  CHECK(std::abs(doc["markov"]["annual_downtime_h"].get<double>() - u * u * 8760.0) < 1e-6);
  // Both regions down at once is rare (U^2 = 2.9e-7: about 20 minutes in 120 years), so
  // this run cannot test the estimate against it; monte_carlo_test.cpp does that on
  // systems that fail often. Here: the interval is well formed around the mean.
  const auto& s = doc["structure_availability"];
  CHECK(s["ci99_low"].get<double>() <= s["mean"].get<double>());
  CHECK(s["ci99_high"].get<double>() >= s["mean"].get<double>());
  CHECK(s["mean"].get<double>() <= 1.0);
}

TEST_CASE("faultline mc --rare-events reports the rare-event estimate next to the Markov answer",
          "[planner][mc][e2e]") {
  // Both regions down at once: U = 2.9e-7 (see the test above), which 120 simulated years cannot see; the
  // rare-event estimate reaches 10 % relative error and agrees with the Markov unavailability within 3 s.e.
  const std::string one = temp_path("mc-rare1.json");
  std::filesystem::remove(one);
  const auto r = run_command(faultline_binary() + " mc " + kScenario + " --years 20 --replications 6 --threads 1 " +
                             "--rare-events --json " + one);
  INFO(r.output);
  REQUIRE(r.exit_code != 2);
  CHECK_THAT(r.output,
             Catch::Contains("rare events (regenerative, balanced failure biasing (p = 0.5)): unavailability "));
  CHECK_THAT(r.output, Catch::Contains("Markov unavailability "));
  const std::string whole = read_text(one);
  const json e = json::parse(whole)["rare_event"];
  CHECK(e["converged"] == true);
  CHECK(e["relative_error"].get<double>() <= 0.1);
  const double exact = e["markov_unavailability"];
  CHECK(std::abs(exact - (1 - json::parse(whole)["markov"]["availability"].get<double>())) < 1e-15);
  CHECK(std::abs(e["unavailability"].get<double>() - exact) <= 3 * e["std_error"].get<double>());
  CHECK(e["ratio"].get<double>() == e["unavailability"].get<double>() / exact);
  for (const char* threads : {"2", "3"}) {
    SECTION(std::string("--threads ") + threads + " writes the same bytes") {
      const std::string other = temp_path(std::string("mc-rare") + threads + ".json");
      REQUIRE(mc(std::string("--rare-events --threads ") + threads, other).exit_code == r.exit_code);
      CHECK(read_text(other) == whole);
    }
  }
  SECTION("faultline merge reads rare_event back and writes the same bytes") {
    const std::string merged = temp_path("mc-rare-merged.json");
    std::filesystem::remove(merged);
    const auto m = run_command(faultline_binary() + " merge " + one + " -q --json " + merged);
    INFO(m.output);
    CHECK(m.exit_code == r.exit_code);
    CHECK(read_text(merged) == whole);
  }
  SECTION("--rare-relative-error needs --rare-events") {
    const std::string bad = temp_path("mc-rare-bad.json");
    CHECK(mc("--rare-relative-error 0.05", bad).exit_code == 2);
    CHECK_FALSE(std::filesystem::exists(bad));
  }
}

TEST_CASE("faultline mc gives the exact answer of 2 of 3 regions and a store in series", "[planner][mc][e2e]") {
  const std::string out = temp_path("mc-k-of-n.json");
  std::filesystem::remove(out);
  const auto r = run_command(faultline_binary() + " mc " + source_path("scenarios/reliability-k-of-n.json") +
                             " --years 5 --replications 4 --threads 2 --json " + out);
  INFO(r.output);
  REQUIRE(r.exit_code != 2);
  const json doc = json::parse(read_text(out));
  // Regions: MTBF 1 y = 8760 h, MTTR 12 h, so A_r = 8760 / 8772 = 730/731; 2 of 3 needed:
  // 3 A_r^2 (1 - A_r) + A_r^3. The account: MTBF 6 mo = 4380 h, MTTR 2 h, so A_db = 2190/2191,
  // in series. A = (730/731)^2 (3 - 2 x 730/731) x 2190/2191 = 0.99953798090098.
  const double a_r = 730.0 / 731.0;
  const double expected = (3 * a_r * a_r * (1 - a_r) + a_r * a_r * a_r) * (2190.0 / 2191.0);
  const double exact = doc["markov"]["availability"];
  CHECK(std::abs(exact - expected) <= 1e-12 * expected);
  CHECK(std::abs(exact - 0.99953798090098) < 1e-13);
  // (1 - A) x 8760 h = 4.0472873 h down per year.
  CHECK(std::abs(doc["markov"]["annual_downtime_h"].get<double>() - (1 - expected) * 8760.0) < 1e-9);
  CHECK(doc["markov"]["note"] == "16-state chain, rates 1/mean; exact (exponential times)");
  CHECK(doc["structure"] ==
        "serving: global entry, 2 of 3 origin regions with every workload model, and data store(s) cosmos-eastus2");
  CHECK(doc["components"].size() == 4);
  CHECK_THAT(r.output, Catch::Contains("Markov (exact): availability 0.999538, 4.047 h down per year"));
}

TEST_CASE("faultline mc on a scenario without a reliability section uses the defaults and says so",
          "[planner][mc][e2e]") {
  const std::string out = temp_path("mc-defaults.json");
  std::filesystem::remove(out);
  const auto r = run_command(faultline_binary() + " mc " + source_path("scenarios/reference.json") +
                             " --years 0.25 --replications 2 --threads 2 --json " + out);
  INFO(r.output);
  REQUIRE(r.exit_code != 2);
  CHECK_THAT(r.output, Catch::Contains("defaulted: 25 of 25 component(s) from published data"));
  CHECK_THAT(r.output, Catch::Contains("criticality (each incident counts against the component"));
  const json doc = json::parse(read_text(out));
  REQUIRE(doc["defaulted_components"].size() == 25);
  CHECK(doc["defaulted_components"][0]["component"] == "eastus2/region_outage");
  CHECK(doc["defaulted_components"][0]["source"] == "region: public cloud post-incident reviews (no region SLA)");
  // 25 components: too many for the exact chain, so no Birnbaum importance either.
  CHECK(doc["markov"]["birnbaum"].empty());
}

TEST_CASE("faultline mc and merge refuse bad input with exit code 2 and no output file", "[planner][mc][e2e]") {
  const std::string out = temp_path("mc-bad.json");
  SECTION("a malformed shard") {
    CHECK(mc("--shard 3/2", out).exit_code == 2);
    CHECK_FALSE(std::filesystem::exists(out));
  }
  SECTION("--precision with --shard") { CHECK(mc("--shard 1/2 --precision 0.001", out).exit_code == 2); }
  SECTION("an unknown traffic mode") {
    const auto r = mc("--traffic quick", out);
    CHECK(r.exit_code == 2);
    CHECK_FALSE(std::filesystem::exists(out));
  }
  SECTION("merge of shards run in different traffic modes") {
    const std::string s1 = temp_path("mc-fast-shard.json");
    const std::string s2 = temp_path("mc-exact-shard.json");
    REQUIRE(mc("--shard 1/2", s1).exit_code == 0);
    REQUIRE(mc("--shard 2/2 --traffic exact", s2).exit_code == 0);
    CHECK(json::parse(read_text(s2))["traffic"] == "exact");
    std::filesystem::remove(out);
    const auto m = run_command(faultline_binary() + " merge " + s1 + " " + s2 + " -q --json " + out);
    CHECK(m.exit_code == 2);
    CHECK_THAT(m.output, Catch::Contains("traffic mode"));
    CHECK_FALSE(std::filesystem::exists(out));
  }
  SECTION("merge of an incomplete set of shards") {
    const std::string s1 = temp_path("mc-lonely-shard.json");
    REQUIRE(mc("--shard 1/3", s1).exit_code == 0);
    std::filesystem::remove(out);
    const auto m = run_command(faultline_binary() + " merge " + s1 + " -q --json " + out);
    CHECK(m.exit_code == 2);
    CHECK_THAT(m.output, Catch::Contains("every shard"));
    CHECK_FALSE(std::filesystem::exists(out));
  }
}

TEST_CASE("faultline plan evaluates the search space and recommends", "[planner][plan][e2e]") {
  const std::string out = temp_path("plan.json");
  std::filesystem::remove(out);
  const auto r = run_command(faultline_binary() + " plan " + kScenario +
                             " --years 5 --replications 2 --threads 2 --budget 10000 -q --json " + out);
  INFO(r.output);
  REQUIRE(r.exit_code != 2);
  const json doc = json::parse(read_text(out));
  CHECK(doc["schema"] == "faultline.plan/v1");
  // Screen (default space, docs/planner.md): hot-hot: own + probe {10, 60} + x/n {1/2, 2/4} (own 3/4)
  // + database {sync, backup 15m/1h/4h} + object_storage {backup 15m/1h/4h} = 1 + 2 + 2 + 4 + 3 = 12;
  // hot-warm adds standby {0.5, 1} (own 0.25): 14. No region pair: the topology replicates one way only.
  const json& space = doc["search_space"];
  CHECK(space["screened"] == 26);
  CHECK(space["strategy"] == "screen-then-combine");
  CHECK(space["region_pairs"].empty());
  REQUIRE(doc["candidates"].size() >= 26);
  CHECK(doc["candidates"].size() == space["evaluated"].get<std::size_t>());
  const json& own = doc["candidates"][0];
  CHECK(own["label"] == "hot-hot probe 30s");
  CHECK(own["changes"] == 0);
  CHECK(own["regions"] == json::array({"eastus2", "centralus"}));
  CHECK(own["probe_samples"] == json{{"required", 3}, {"of", 4}});
  CHECK(own["stores"].size() == 2);
  // No precision asked: every candidate runs all 2 replications x 5 years = 10 simulated years.
  CHECK(own["replications_run"] == 2);
  CHECK(own["simulated_years"] == 10.0);
  CHECK(doc["precision"].is_null());
  CHECK(doc["candidates"][5]["label"] == "hot-hot probe 30s database sync");
  CHECK(doc["candidates"][9]["label"] == "hot-hot probe 30s object_storage backup 15m");
  CHECK(doc["candidates"][12]["label"] == "hot-warm standby 0.25 probe 30s");
  CHECK(doc["candidates"][12]["changes"] == 2);  // pattern and standby fraction (hot-hot's is 1)
  for (std::size_t i = 0; i < doc["candidates"].size(); ++i) {
    CHECK(doc["candidates"][i]["stage"] == (i < 26 ? "screen" : "combine"));
  }
  // The shipped topology prices neither sync nor copies: the plan says so, and they cost nothing.
  CHECK(space["notes"].size() == 3);
  CHECK(doc["candidates"][5]["monthly_cost_usd"] == own["monthly_cost_usd"]);
  // Exit code 0 exactly when some candidate meets every target.
  bool is_any_met = false;
  for (const auto& c : doc["candidates"]) is_any_met = is_any_met || c["meets_targets"].get<bool>();
  CHECK(r.exit_code == (is_any_met ? 0 : 1));
  // The best-within-budget choice respects the budget, and the cheapest is on the front or tied with it.
  const auto& rec = doc["recommendations"];
  for (const auto& c : doc["candidates"]) {
    if (c["label"] == rec["best_within_budget"]["label"]) CHECK(c["monthly_cost_usd"].get<double>() <= 10000.0);
  }
  // Hot/Warm at standby 0.25 costs less per month than Hot/Hot (a quarter of the secondary's reserved capacity).
  CHECK(doc["candidates"][12]["monthly_cost_usd"].get<double>() < own["monthly_cost_usd"].get<double>());
}

TEST_CASE("faultline plan prices replication and searches region pairs on three regions", "[planner][plan][e2e]") {
  const std::string out = temp_path("plan-three-region.json");
  std::filesystem::remove(out);
  const auto r = run_command(faultline_binary() + " plan " + source_path("scenarios/plan-three-region.json") +
                             " --years 2 --replications 2 --threads 2 -q --json " + out);
  INFO(r.output);
  REQUIRE(r.exit_code != 2);
  const json doc = json::parse(read_text(out));
  const json& c = doc["candidates"];
  const json& space = doc["search_space"];
  // Screen: hot-hot own + pairs {e>c, e>w, c>w} (either direction replicates) + probe 10 s + database sync
  // + object_storage backup 1h = 7; hot-warm own + pairs {e>c, c>w, w>e} + standby 0.5 + probe 10 s + sync
  // + backup 1h = 8; hot-cold own + 3 pairs + probe 10 s = 5 (no live copy to replicate to: no sync/async).
  CHECK(space["screened"] == 20);
  CHECK(space["notes"].empty());  // the topology prices sync and copies
  REQUIRE(c.size() >= 20);
  CHECK(c[0]["label"] == "hot-hot probe 30s");
  CHECK(c[1]["label"] == "hot-hot probe 30s regions eastus2>centralus");
  CHECK(c[1]["regions"] == json::array({"eastus2", "centralus"}));
  CHECK(c[1]["stores"].size() == 2);  // cosmos-eastus2 and storage-eastus2, which replicate to centralus
  CHECK(c[10]["label"] == "hot-warm standby 0.25 probe 30s regions westus3>eastus2");
  const auto cost = [&](std::size_t i) { return c[i]["monthly_cost_usd"].get<double>(); };
  // Sync adds 584 USD/month per Cosmos DB link in use: 3 links.
  CHECK(c[5]["label"] == "hot-hot probe 30s database sync");
  CHECK(cost(5) - cost(0) == Approx(3 * 584.0).epsilon(1e-12));
  CHECK(cost(13) - cost(7) == Approx(3 * 584.0).epsilon(1e-12));
  // Hourly Storage copies: 730 a month x 0.5 USD on each of 3 links.
  CHECK(c[6]["label"] == "hot-hot probe 30s object_storage backup 1h");
  CHECK(cost(6) - cost(0) == Approx(3 * 730 * 0.5).epsilon(1e-12));
  CHECK(c[6]["stores"][3] ==
        json{{"store", "storage-centralus"}, {"mode", "backup_restore"}, {"backup_interval_s", 3600.0}});
  // Hot/Cold keeps hourly copies of eastus2's Storage only (the other regions run nothing): 365 USD on top of
  // one full region and Front Door, 6,379.8808 USD as in reference.json's Hot/Cold (same regional prices).
  CHECK(c[15]["label"] == "hot-cold probe 30s");
  CHECK(cost(15) == Approx(6379.8808 + 365).epsilon(1e-12));
  // A pair leaves the third region unbuilt: every pair of the symmetric topology costs the same, less than three.
  CHECK(cost(1) == cost(3));
  CHECK(cost(8) == cost(9));
  CHECK(cost(9) == cost(10));
  CHECK(cost(8) < cost(7));
  for (std::size_t i = 0; i < c.size(); ++i) CHECK(c[i]["stage"] == (i < 20 ? "screen" : "combine"));
  CHECK(c.size() <= 40);  // plan.max_candidates
}
