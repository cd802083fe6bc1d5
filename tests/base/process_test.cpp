// base::find_on_path and base::run_program: the one way faultline runs other programs
// (Graphviz `dot`, headless Chromium).

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "faultline/base/process.hpp"
#include "temp_folder.hpp"

using faultline::base::find_on_path;
using faultline::base::is_executable;
using faultline::base::run_program;

TEST_CASE("find_on_path finds programs in PATH's folders, in order", "[base][process]") {
  SECTION("sh is found on a Debian PATH and is executable") {
    const auto sh = find_on_path("sh");
    REQUIRE(sh.has_value());
    CHECK(sh->filename() == "sh");
    CHECK(is_executable(*sh));
  }
  SECTION("a name that exists nowhere is not found") {
    CHECK_FALSE(find_on_path("faultline-no-such-program-7f3a").has_value());
  }
  SECTION("a folder is not an executable") { CHECK_FALSE(is_executable("/tmp")); }
}

TEST_CASE("run_program returns the exit status and bounds the run in time", "[base][process]") {
  const auto sh = find_on_path("sh");
  REQUIRE(sh.has_value());
  SECTION("exit statuses pass through (0, 3)") {
    CHECK(run_program(*sh, {"-c", "exit 0"}) == 0);
    CHECK(run_program(*sh, {"-c", "exit 3"}) == 3);
  }
  SECTION("a program that cannot start gives -1") { CHECK(run_program("/nonexistent/faultline-program", {}) == -1); }
  SECTION("stdout and stderr go to the log, in order") {
    const faultline::testing::TempFolder folder;
    const std::filesystem::path log = folder.path() / "run.log";
    CHECK(run_program(*sh, {"-c", "echo out; echo err >&2"}, {.log = log, .timeout = std::chrono::milliseconds(0)}) ==
          0);
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str() == "out\nerr\n");
  }
  SECTION("a program past its time limit is killed and gives -1") {
    CHECK(run_program(*sh, {"-c", "sleep 30"}, {.log = std::nullopt, .timeout = std::chrono::milliseconds(200)}) == -1);
  }
}
