// Distinct incidents are shared work (issue 17 item 3): split among MPI ranks
// (here: two MonteCarlo instances on two threads with an in-process exchange),
// each measured once, the result byte-identical to one process; the exchange
// format; and the RTO p95 precision rule.
#include <catch2/catch.hpp>

#include <condition_variable>
#include <limits>
#include <mutex>
#include <numeric>
#include <thread>

#include "command_runner.hpp"
#include "faultline/engine/scenario/scenario_loader.hpp"
#include "faultline/contract/mc_json.hpp"
#include "faultline/planner/mc_summary.hpp"
#include "faultline/planner/monte_carlo.hpp"
#include "faultline/planner/reliability_loader.hpp"

using namespace faultline::contract;
using namespace faultline::planner;
using faultline::testing::source_path;

namespace {

struct Loaded {
  faultline::engine::Scenario scenario;
  ReliabilityModel model;
};

Loaded load_two_region() {
  auto s = faultline::engine::ScenarioLoader::load_file(source_path("scenarios/reliability-two-region.json"));
  REQUIRE(s.scenario);
  auto r = ReliabilityLoader::load_file(*s.scenario);
  REQUIRE(r.model);
  return {*s.scenario, *r.model};
}

// MPI_Allgatherv between `count` threads: each round, every caller gets every caller's bytes in rank order.
class InProcessExchange {
 public:
  explicit InProcessExchange(std::size_t count) : count_(count), parts_(count) {}
  std::vector<std::string> exchange(std::size_t rank, const std::string& mine) {
    std::unique_lock lock(mutex_);
    const std::uint64_t round = round_;
    parts_[rank] = mine;
    if (++arrived_ == count_) {
      result_ = parts_;
      arrived_ = 0;
      ++round_;
      changed_.notify_all();
    } else {
      changed_.wait(lock, [&] { return round_ != round; });
    }
    return result_;
  }

 private:
  std::size_t count_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> parts_;
  std::vector<std::string> result_;
  std::size_t arrived_ = 0;
  std::uint64_t round_ = 0;
};

McOptions small_run() {
  McOptions options;
  options.years = 3;
  options.replications = 5;
  options.threads = 1;
  return options;
}

}  // namespace

TEST_CASE("two ranks share the distinct incidents and give the bytes of one process", "[planner][mc]") {
  const Loaded l = load_two_region();
  const StructureFunction structure = StructureFunction::serving(l.scenario, l.model);
  MonteCarlo one(l.scenario, l.model, structure, small_run());
  const std::string expected = to_mc_json_text(one.run());
  REQUIRE(one.traffic_simulations() > 0);

  InProcessExchange exchange(2);
  std::vector<std::string> texts(2);
  std::vector<std::uint64_t> runs(2);
  {
    std::vector<std::jthread> ranks;
    for (std::size_t rank = 0; rank < 2; ++rank) {
      ranks.emplace_back([&, rank] {
        McOptions options = small_run();
        options.threads = rank == 0 ? 2 : 1;  // threads and ranks together
        options.rank_index = rank;
        options.rank_count = 2;
        options.exchange = [&, rank](const std::string& mine) { return exchange.exchange(rank, mine); };
        MonteCarlo mc(l.scenario, l.model, structure, options);
        texts[rank] = to_mc_json_text(mc.run());
        runs[rank] = mc.traffic_simulations();
      });
    }
  }
  CHECK(texts[0] == expected);
  CHECK(texts[1] == expected);
  // Every distinct incident is measured exactly once in all: the ranks' traffic runs add up to one process's.
  CHECK(runs[0] + runs[1] == one.traffic_simulations());
  CHECK(runs[0] > 0);
  CHECK(runs[1] > 0);
}

TEST_CASE("a rank count without an exchange is refused", "[planner][mc]") {
  const Loaded l = load_two_region();
  McOptions options = small_run();
  options.rank_count = 2;
  CHECK_THROWS_AS(MonteCarlo(l.scenario, l.model, StructureFunction::serving(l.scenario, l.model), options),
                  std::invalid_argument);
}

TEST_CASE("incident outcomes cross between ranks bit for bit", "[planner][mc]") {
  IncidentOutcome with_rpo{612.5, 300.0, 1234.75, 18.0625, 4242};
  IncidentOutcome without_rpo{std::numeric_limits<double>::denorm_min(), std::nullopt, 0, 0};
  const std::string bytes = encode_outcomes({{7, with_rpo}, {0, without_rpo}});
  CHECK(bytes.size() == 2 * 56);  // index, RTO, RPO flag, RPO, cost, downtime, lost writes: 7 x 8 bytes each
  const auto back = decode_outcomes(bytes);
  REQUIRE(back.size() == 2);
  CHECK(back[0].first == 7);
  CHECK(back[0].second == with_rpo);
  CHECK(back[1].first == 0);
  CHECK(back[1].second == without_rpo);
  CHECK_THROWS_AS(decode_outcomes(bytes.substr(1)), std::invalid_argument);
}

TEST_CASE("the 99 % interval of a p95 comes from two order statistics", "[planner][mc]") {
  SECTION("400 values 1..400: ranks 368 and 392, half-width 12") {
    // n q = 380, z sqrt(n q (1 - q)) = 2.5758 x sqrt(19) = 11.228: floor(368.77) = 368, ceil(391.23) = 392.
    std::vector<double> values(400);
    std::iota(values.rbegin(), values.rend(), 1.0);  // any order
    CHECK(quantile_half_width_99(values, 0.95) == 12.0);
  }
  SECTION("fewer than 127 values: the upper rank falls beyond n, no interval") {
    // n = 126: n q = 119.7, z sqrt(5.985) = 6.3015, ceil(126.0015) = 127 > 126; n = 127: ceil(126.98) = 127.
    CHECK_FALSE(quantile_half_width_99(std::vector<double>(126, 1.0), 0.95).has_value());
    CHECK(quantile_half_width_99(std::vector<double>(127, 1.0), 0.95) == 0.0);
  }
}

TEST_CASE("the RTO p95 precision rule stops at the first batch with an RTO p95 interval that narrow", "[planner][mc]") {
  const Loaded l = load_two_region();
  McOptions options = small_run();
  options.years = 10;
  options.replications = 1000;
  options.batch_size = 1;
  options.precision_rto_p95_s = 1e9;  // any interval: the stop is where the first pattern has 127 incidents
  const McResult r = MonteCarlo(l.scenario, l.model, StructureFunction::serving(l.scenario, l.model), options).run();
  std::uint64_t incidents = 0;
  for (const auto& rec : r.records) incidents += rec.patterns.front().incidents;
  const std::uint64_t last = r.records.back().patterns.front().incidents;
  CHECK(incidents >= 127);
  CHECK(incidents - last < 127);
  CHECK(r.precision_rto_p95_s == 1e9);
}
