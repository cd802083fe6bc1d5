// The progress line of `mc`, `plan` and `batch`: bar, percent, time spent and ETA.
#include <catch2/catch.hpp>

#include <string>

#include "faultline/cli/progress_bar.hpp"

using faultline::cli::format_duration;
using faultline::cli::format_progress;

TEST_CASE("durations read as seconds, minutes and seconds, or hours and minutes", "[cli][progress]") {
  SECTION("under a minute: whole seconds, rounded") {
    CHECK(format_duration(0) == "0 s");
    CHECK(format_duration(42.4) == "42 s");
    CHECK(format_duration(-3) == "0 s");  // never negative
  }
  SECTION("under an hour: 185 s = 3 min 05 s; 59.6 s rounds to 60 s = 1 min 00 s") {
    CHECK(format_duration(185) == "3 min 05 s");
    CHECK(format_duration(59.6) == "1 min 00 s");
  }
  SECTION("an hour and more: 7,620 s = 2 h 07 min (seconds dropped)") {
    CHECK(format_duration(7620) == "2 h 07 min");
    CHECK(format_duration(7679) == "2 h 07 min");
  }
}

TEST_CASE("the progress line estimates the time left from the time spent", "[cli][progress]") {
  const std::string bar_quarter = std::string(10, '#') + std::string(30, '.');  // 0.25 x 40 characters
  SECTION("a quarter done after 30 s: 30 x 0.75 / 0.25 = 90 s left") {
    CHECK(format_progress("mc x", 0.25, 30) == "mc x [" + bar_quarter + "]  25%  30 s, ETA 1 min 30 s");
  }
  SECTION("nothing done yet: no estimate") {
    CHECK(format_progress("plan y", 0, 5) == "plan y [" + std::string(40, '.') + "]   0%  5 s, ETA -");
  }
  SECTION("done: nothing left; fractions outside 0..1 are clamped") {
    CHECK(format_progress("mc x", 1.5, 3725) == "mc x [" + std::string(40, '#') + "] 100%  1 h 02 min, ETA 0 s");
  }
}
