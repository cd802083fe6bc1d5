#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "command_runner.hpp"

using faultline::testing::faultline_binary;
using faultline::testing::run_command;
using faultline::testing::source_path;

namespace {

std::string replay(const std::string& config, const std::string& events) {
  return faultline_binary() + " replay " + source_path(config) + " " + source_path(events);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string kConfig = "tests/router/replay/mechanisms.config.json";

}  // namespace

TEST_CASE("faultline replay: every mechanism, exact output lines", "[router][replay][e2e]") {
  // Derived by hand from mechanisms.config.json (see the comments per line).
  const auto r = run_command(replay(kConfig, "tests/router/replay/mechanisms.events.jsonl"));
  CHECK(r.exit_code == 0);
  CHECK(r.output ==
        // priority 1 of the US endpoints
        "{\"t_ms\":0, \"request\":\"r1\", \"endpoint\":\"eastus2\"}\n"
        // 4 calls, 2 failures (503 and timeout) = 50 % >= 50 %
        "{\"t_ms\":400, \"endpoint\":\"eastus2\", \"state\":\"open\", \"cause\":\"breaker\"}\n"
        "{\"t_ms\":500, \"request\":\"r2\", \"endpoint\":\"centralus\"}\n"
        // retry of r2: centralus already tried, eastus2 open, westeurope outside US
        "{\"t_ms\":600, \"request\":\"r2\", \"endpoint\":null, \"reason\":\"no available endpoint inside boundary US "
        "and when_none_healthy is fail\"}\n"
        "{\"t_ms\":700, \"request\":\"r2\", \"endpoint\":null, \"reason\":\"retry.max_attempts (2) reached\"}\n"
        "{\"t_ms\":800, \"request\":\"r3\", \"endpoint\":\"westeurope\"}\n"
        "{\"t_ms\":900, \"request\":\"r4\", \"endpoint\":null, \"reason\":\"no enabled endpoint inside boundary "
        "APAC\"}\n"
        // Retry-After 2 s
        "{\"t_ms\":1000, \"endpoint\":\"centralus\", \"state\":\"cooldown\", \"cause\":\"throttle\"}\n"
        "{\"t_ms\":1100, \"request\":\"r5\", \"endpoint\":null, \"reason\":\"no available endpoint inside boundary US "
        "and when_none_healthy is fail\"}\n"
        "{\"t_ms\":3000, \"endpoint\":\"centralus\", \"state\":\"cooldown_end\", \"cause\":\"throttle\"}\n"
        // a 200 slower than timeout_ms fails; 2 of 2 required
        "{\"t_ms\":5000, \"endpoint\":\"westeurope\", \"state\":\"unhealthy\", \"cause\":\"probe\"}\n"
        "{\"t_ms\":5100, \"request\":\"r6\", \"endpoint\":null, \"reason\":\"no available endpoint inside boundary EU "
        "and when_none_healthy is fail\"}\n"
        "{\"t_ms\":5200, \"request\":\"r7\", \"endpoint\":\"centralus\"}\n"
        // open at 400 ms + open_wait 10 s
        "{\"t_ms\":10400, \"endpoint\":\"eastus2\", \"state\":\"half_open\", \"cause\":\"breaker\"}\n"
        "{\"t_ms\":10400, \"request\":\"r8\", \"endpoint\":\"eastus2\"}\n"
        "{\"t_ms\":10500, \"endpoint\":\"eastus2\", \"state\":\"closed\", \"cause\":\"breaker\"}\n"
        "{\"t_ms\":10600, \"request\":\"r9\", \"endpoint\":\"eastus2\"}\n"
        "{\"t_ms\":15000, \"endpoint\":\"westeurope\", \"state\":\"healthy\", \"cause\":\"probe\"}\n"
        // 429 without Retry-After: default_cooldown_s 3
        "{\"t_ms\":15100, \"endpoint\":\"westeurope\", \"state\":\"cooldown\", \"cause\":\"throttle\"}\n"
        "{\"t_ms\":18100, \"endpoint\":\"westeurope\", \"state\":\"cooldown_end\", \"cause\":\"throttle\"}\n");
}

TEST_CASE("faultline replay: the seeds/004 incident in docs/examples", "[router][replay][e2e]") {
  const std::string expected_path = source_path("docs/examples/seeds004_failover.expected.jsonl");
  const auto r = run_command(
      replay("docs/examples/seeds004_failover.config.json", "docs/examples/seeds004_failover.events.jsonl"));
  REQUIRE(r.exit_code == 0);
  if (std::getenv("FAULTLINE_REGENERATE_GOLDEN") != nullptr) {
    std::ofstream(expected_path, std::ios::binary) << r.output;  // review the diff before committing
  }
  CHECK(r.output == read_file(expected_path));
}

TEST_CASE("faultline replay: one trace per gateway mechanism in docs/examples", "[router][replay][e2e]") {
  // Each expected file was derived by hand (see docs/router.md, "Examples: gateway mechanisms").
  for (const std::string name : {"envoy_outlier", "envoy_priority_load", "litellm_cooldown"}) {
    const std::string base = "docs/examples/" + name;
    const std::string expected_path = source_path(base + ".expected.jsonl");
    const auto r = run_command(replay(base + ".config.json", base + ".events.jsonl"));
    INFO(name);
    REQUIRE(r.exit_code == 0);
    if (std::getenv("FAULTLINE_REGENERATE_GOLDEN") != nullptr) {
      std::ofstream(expected_path, std::ios::binary) << r.output;  // review the diff before committing
    }
    CHECK(r.output == read_file(expected_path));
  }
}

TEST_CASE("faultline replay: t_us places events at the router's microsecond resolution", "[router][replay][e2e]") {
  SECTION("a 0.5 ms cooldown ends between two picks of the same millisecond") {
    // westeurope is the only EU endpoint (when_none_healthy fail): cooling from 1000.1 ms to 1000.6 ms.
    const auto r = run_command(replay(kConfig, "tests/router/replay/t_us.events.jsonl"));
    CHECK(r.exit_code == 0);
    CHECK(r.output ==
          "{\"t_ms\":1000, \"endpoint\":\"westeurope\", \"state\":\"cooldown\", \"cause\":\"throttle\"}\n"
          "{\"t_ms\":1000, \"request\":\"a\", \"endpoint\":null, \"reason\":\"no available endpoint inside boundary "
          "EU and when_none_healthy is fail\"}\n"
          "{\"t_ms\":1000, \"endpoint\":\"westeurope\", \"state\":\"cooldown_end\", \"cause\":\"throttle\"}\n"
          "{\"t_ms\":1000, \"request\":\"b\", \"endpoint\":\"westeurope\"}\n");
  }
  SECTION("t_us outside its t_ms is refused") {
    const auto r = run_command(replay(kConfig, "tests/router/replay/t_us_mismatch.events.jsonl"));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("t_us_mismatch.events.jsonl:2: t_us 999 is not within t_ms 1 (t_ms must be "
                                         "t_us / 1000, rounded down)"));
  }
}

TEST_CASE("faultline replay: bad input stops with file, line number and exit code 2", "[router][replay][e2e]") {
  const std::string dir = source_path("tests/router/replay/");
  SECTION("malformed line (blank lines count)") {
    const auto r = run_command(replay(kConfig, "tests/router/replay/malformed.events.jsonl"));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output,
               Catch::Contains("faultline: error: " + dir +
                               "malformed.events.jsonl:3: malformed JSON: syntax error while parsing object"));
    CHECK_THAT(r.output, Catch::StartsWith("{\"t_ms\":0, \"request\":\"r1\", \"endpoint\":\"eastus2\"}\n"));
  }
  SECTION("decreasing time") {
    const auto r = run_command(replay(kConfig, "tests/router/replay/decreasing.events.jsonl"));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains(dir + "decreasing.events.jsonl:4: t_ms 15 is earlier than 20 on line 3 "
                                               "(t_ms must not decrease)"));
  }
  SECTION("unknown endpoint") {
    const auto r = run_command(replay(kConfig, "tests/router/replay/unknown_endpoint.events.jsonl"));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains(dir + "unknown_endpoint.events.jsonl:2: unknown endpoint \"northpole\"; "
                                               "the configuration has: eastus2, centralus, westeurope"));
  }
  SECTION("unknown kind") {
    const auto r = run_command(replay(kConfig, "tests/router/replay/unknown_kind.events.jsonl"));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains(dir + "unknown_kind.events.jsonl:2: unknown kind \"probes\"; allowed kinds: "
                                               "probe, call, pick, tick"));
  }
  SECTION("unknown key in an event") {
    const auto r = run_command(replay(kConfig, "tests/router/replay/unknown_key.events.jsonl"));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains(dir + "unknown_key.events.jsonl:1: unknown key \"latency\" in a call event "
                                               "(did you mean \"latency_ms\"?)"));
  }
  SECTION("bad configuration") {
    const auto r = run_command(
        replay("tests/router/replay/unknown_key.config.json", "tests/router/replay/mechanisms.events.jsonl"));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("faultline: error: " + dir +
                                         "unknown_key.config.json: breaker.open_wait: unknown key \"open_wait\"; "
                                         "did you mean \"open_wait_s\"? (allowed: window_type, window_size"));
  }
  SECTION("missing events file and missing arguments") {
    const auto r = run_command(replay(kConfig, "tests/router/replay/absent.jsonl"));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains(dir + "absent.jsonl: cannot open the events file"));
    CHECK(run_command(faultline_binary() + " replay").exit_code == 2);
  }
}
