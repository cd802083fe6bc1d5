#include <catch2/catch.hpp>

#include "command_runner.hpp"
#include "faultline/cli/hold_command.hpp"

using namespace faultline::cli;

TEST_CASE("the hold model runs exactly the events asked for, deterministically", "[cli][hold]") {
  SECTION("end time equals the independent heapq model of tests/engine/reference/random_reference.py") {
    const HoldResult r = run_hold_model(HoldOptions{10, 100, 1});
    CHECK(r.events == 100);
    CHECK(r.simulated_s == 10.888511);
  }
  SECTION("the same seed gives the same end time; another seed another") {
    const HoldResult a = run_hold_model(HoldOptions{1000, 20000, 7});
    const HoldResult b = run_hold_model(HoldOptions{1000, 20000, 7});
    const HoldResult c = run_hold_model(HoldOptions{1000, 20000, 8});
    CHECK(a.simulated_s == b.simulated_s);
    CHECK(a.simulated_s != c.simulated_s);
  }
  SECTION("`faultline hold` prints the run") {
    const auto r = faultline::testing::run_command(faultline::testing::faultline_binary() +
                                                   " hold --pending 10 --events 100 --seed 1");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("simulated time reached: 10.8885 s"));
  }
}
