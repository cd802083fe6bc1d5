// The fast traffic mode of `mc` and `plan` (issue 17 item 1, docs/decisions.md "Fast traffic mode"): what
// thinning keeps, that it is the exact mode wherever the scenario offers at most 2 requests/s, and that at
// production traffic its availability, RTO and lost writes fall inside the exact mode's 99 % intervals.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "command_runner.hpp"
#include "faultline/engine/model/traffic_thinning.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/planner/markov_chain.hpp"
#include "faultline/planner/mc_summary.hpp"
#include "faultline/planner/monte_carlo.hpp"
#include "faultline/planner/reliability_loader.hpp"

using namespace faultline::contract;
using namespace faultline::planner;
using faultline::engine::TrafficMode;
using faultline::testing::source_path;

namespace {

faultline::engine::Scenario load_scenario(const std::string& file) {
  auto s = faultline::engine::ScenarioLoader::load_file(source_path(file));
  REQUIRE(s.scenario);
  return *s.scenario;
}

McResult run_mc(const faultline::engine::Scenario& scenario, TrafficMode traffic, double years,
                std::uint64_t replications) {
  auto r = ReliabilityLoader::load_file(scenario);
  REQUIRE(r.model);
  McOptions options;
  options.years = years;
  options.replications = replications;
  options.threads = 1;
  options.traffic = traffic;
  MonteCarlo mc(scenario, *r.model, StructureFunction::serving(scenario, *r.model), options);
  return mc.run();
}

// Per replication of pattern `p`: its availability, its incidents' RTOs (all replications together) and its
// lost writes.
struct PatternFigures {
  std::vector<double> availability;
  std::vector<double> rto_s;
  std::vector<double> lost_writes;
};

PatternFigures figures(const McResult& r, std::size_t p) {
  PatternFigures f;
  const double seconds = r.years * kSecondsPerYear;
  for (const ReplicationRecord& rec : r.records) {
    const PatternReplication& pr = rec.patterns.at(p);
    f.availability.push_back(1 - pr.downtime_s / seconds);
    f.rto_s.insert(f.rto_s.end(), pr.rto_s.begin(), pr.rto_s.end());
    double lost = 0;
    for (const ComponentTally& t : pr.by_component) lost += static_cast<double>(t.lost_writes);
    f.lost_writes.push_back(lost);
  }
  return f;
}

double mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return v.empty() ? 0 : sum / static_cast<double>(v.size());
}

// The fast mode's mean lies in the exact mode's two-sided 99 % Student-t interval of the same figure.
void check_inside(const std::vector<double>& fast, const std::vector<double>& exact, const char* what) {
  const Estimate e = estimate_99(exact);
  REQUIRE(e.half_width.has_value());
  INFO(what << ": fast " << mean(fast) << ", exact " << e.mean << " +- " << *e.half_width);
  CHECK(std::abs(mean(fast) - e.mean) <= *e.half_width);
}

}  // namespace

TEST_CASE("The fast traffic mode simulates at most 2 requests/s, each standing for its share", "[planner][fast]") {
  const auto base = load_scenario("scenarios/reliability-two-region.json");
  const auto production = load_scenario("scenarios/reliability-two-region-200rps.json");
  SECTION("spellings") {
    CHECK(faultline::engine::to_string(TrafficMode::kFast) == "fast");
    CHECK(faultline::engine::parse_traffic_mode("exact") == TrafficMode::kExact);
    CHECK_FALSE(faultline::engine::parse_traffic_mode("quick").has_value());
  }
  SECTION("1 request/s is below the cap: kept whole") {
    CHECK(faultline::engine::thinning_factor(base) == 1.0);
    CHECK(faultline::engine::thin_traffic(base).capacity_scale == 1.0);
  }
  SECTION("200 requests/s: f = 2 / 200 = 0.01") {
    CHECK(faultline::engine::offered_rate_per_s(production) == 200.0);
    CHECK(faultline::engine::thinning_factor(production) == Approx(0.01));
    const auto thin = faultline::engine::thin_traffic(production);
    CHECK(faultline::engine::offered_rate_per_s(thin) == Approx(2.0));
    CHECK(thin.capacity_scale == Approx(0.01));
    // 1 write per request / 0.01: each simulated request stands for 100.
    CHECK(thin.workloads.front().writes_per_request == Approx(100.0));
    // 0.05 USD per failed request / 0.01 = 5 USD.
    CHECK(thin.costs.per_failed_request_usd == Approx(5.0));
  }
  SECTION("scale_traffic raises the rate and the capacity alike") {
    const auto scaled = faultline::engine::scale_traffic(base, 40);
    CHECK(faultline::engine::offered_rate_per_s(scaled) == Approx(40.0));
    CHECK(scaled.capacity_scale == 40.0);
    CHECK(scaled.workloads.front().writes_per_request == 1.0);
  }
}

TEST_CASE("At most 2 requests/s the fast mode is the exact mode on every shipped reliability scenario",
          "[planner][fast]") {
  for (const char* file : {"scenarios/reliability-two-region.json", "scenarios/reliability-k-of-n.json",
                           "scenarios/plan-three-region.json"}) {
    INFO(file);
    const auto scenario = load_scenario(file);
    const McResult fast = run_mc(scenario, TrafficMode::kFast, 5, 4);
    const McResult exact = run_mc(scenario, TrafficMode::kExact, 5, 4);
    CHECK(fast.traffic == "fast");
    CHECK(exact.traffic == "exact");
    // Not thinned (f = 1): the same windows replayed by the same model with the same random numbers.
    CHECK(fast.records == exact.records);
  }
}

TEST_CASE("At 40 requests/s the fast mode's availability, RTO and lost writes are inside the exact 99 % intervals",
          "[planner][fast]") {
  // The two-region scenario at 40 requests/s (capacity x40, nothing refused): the fast mode simulates 2 of
  // them (f = 1/20). Both modes measure the same incidents (same seed, same failure histories).
  const auto scenario = faultline::engine::scale_traffic(load_scenario("scenarios/reliability-two-region.json"), 40);
  const McResult fast = run_mc(scenario, TrafficMode::kFast, 2, 12);
  const McResult exact = run_mc(scenario, TrafficMode::kExact, 2, 12);
  for (std::size_t p = 0; p < exact.pattern_names.size(); ++p) {
    INFO(exact.pattern_names[p]);
    const PatternFigures f = figures(fast, p);
    const PatternFigures e = figures(exact, p);
    REQUIRE(f.rto_s.size() == e.rto_s.size());
    REQUIRE(e.rto_s.size() >= 10);
    check_inside(f.availability, e.availability, "availability");
    check_inside(f.rto_s, e.rto_s, "RTO, s");
    check_inside(f.lost_writes, e.lost_writes, "lost writes");
  }
}
