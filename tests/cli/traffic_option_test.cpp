// The traffic-mode line of the `mc` and `plan` tables (issue 17): which mode replayed the incident
// windows, and in the fast mode its cap in requests/s.
#include <catch2/catch.hpp>

#include <string>

#include "faultline/cli/traffic_option.hpp"

using faultline::cli::traffic_mode_line;

TEST_CASE("the table states the traffic mode and the fast mode's cap", "[cli][traffic]") {
  SECTION("fast: the cap, engine::kFastTrafficRatePerS = 2 requests/s, printed with %g") {
    CHECK(traffic_mode_line("fast") ==
          "traffic: fast (incident windows simulated at 2 requests/s at most, each request standing for its share "
          "of the real rate; --traffic exact simulates every request)\n");
  }
  SECTION("exact: every request") {
    CHECK(traffic_mode_line("exact") == "traffic: exact (every request of every incident window simulated)\n");
  }
  SECTION("a structure-only result replays no traffic: no line") { CHECK(traffic_mode_line("").empty()); }
}
