#include <catch2/catch.hpp>

#include "command_runner.hpp"

using faultline::testing::faultline_binary;
using faultline::testing::run_command;

TEST_CASE("faultline command line: version, help and usage errors", "[cli][e2e]") {
  const std::string bin = faultline_binary();
  SECTION("--version prints the version and the git commit") {
    const auto r = run_command(bin + " --version");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::StartsWith("faultline 0.1.0 (git "));
  }
  SECTION("--help on the command and on a subcommand exits 0") {
    CHECK(run_command(bin + " --help").exit_code == 0);
    const auto r = run_command(bin + " hold --help");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("--pending"));
  }
  SECTION("no subcommand, an unknown option or an out-of-range value exits 2 with the reason") {
    CHECK(run_command(bin).exit_code == 2);
    const auto unknown = run_command(bin + " hold --frobnicate");
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.output, Catch::Contains("--frobnicate"));
    const auto range = run_command(bin + " hold --pending 0");
    CHECK(range.exit_code == 2);
    CHECK_THAT(range.output, Catch::Contains("--pending: Value 0 not in range"));
  }
}
