#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "faultline/base/duration_parser.hpp"

using faultline::base::parse_duration;
using faultline::base::parse_json_duration;
using std::chrono::microseconds;

TEST_CASE("durations: numbers are seconds, strings carry a unit", "[topology][duration]") {
  SECTION("each unit scales to microseconds") {
    CHECK(faultline::base::parse_duration("500ms").value == microseconds{500'000});
    CHECK(faultline::base::parse_duration("90s").value == microseconds{90'000'000});
    CHECK(faultline::base::parse_duration("15m").value == microseconds{900'000'000});     // 15 x 60 s
    CHECK(faultline::base::parse_duration("2h").value == microseconds{7'200'000'000});    // 2 x 3600 s
    CHECK(faultline::base::parse_duration("1.5h").value == microseconds{5'400'000'000});  // 1.5 x 3600 s
    CHECK(faultline::base::parse_duration("12.5").value == microseconds{12'500'000});     // no unit: seconds
    CHECK(faultline::base::parse_duration("0.0000015s").value == microseconds{2});        // 1.5 us rounds to 2
  }
  SECTION("JSON numbers are seconds, JSON strings are parsed") {
    CHECK(faultline::base::parse_json_duration(nlohmann::json(30)).value == microseconds{30'000'000});
    CHECK(faultline::base::parse_json_duration(nlohmann::json(0.25)).value == microseconds{250'000});
    CHECK(faultline::base::parse_json_duration(nlohmann::json("2m")).value == microseconds{120'000'000});
  }
  SECTION("bad text says why") {
    CHECK(faultline::base::parse_duration("5d").error == "unknown unit \"d\" in \"5d\"");
    CHECK(faultline::base::parse_duration("fast").error == "\"fast\" does not start with a number");
    CHECK(faultline::base::parse_duration("").error == "empty duration");
    CHECK(faultline::base::parse_duration("-3s").error == "negative duration");
    CHECK(faultline::base::parse_json_duration(nlohmann::json(-1)).error == "negative duration");
    CHECK(faultline::base::parse_json_duration(nlohmann::json(true)).error ==
          "a duration must be a number or a string, not boolean");
    CHECK(faultline::base::parse_duration("1000000h").error == "longer than 100 years");
    CHECK_FALSE(faultline::base::parse_duration("5d").value.has_value());
  }
}
