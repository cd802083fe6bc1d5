// End to end: `faultline mc` and `faultline plan` on the shipped reliability
// scenario, then `faultline report` on their documents.
#include <catch2/catch.hpp>

#include <filesystem>

#include "command_runner.hpp"
#include "temp_folder.hpp"

using faultline::testing::faultline_binary;
using faultline::testing::read_text;
using faultline::testing::run_command;
using faultline::testing::source_path;
using faultline::testing::TempFolder;

namespace {

const std::string kScenario = "scenarios/reliability-two-region.json";

void check_self_contained(const std::string& html) {
  CHECK_THAT(html, !Catch::Contains("http://") && !Catch::Contains("https://") && !Catch::Contains("url(") &&
                       !Catch::Contains("<script") && !Catch::Contains("src="));
  CHECK_THAT(html, Catch::EndsWith("</html>\n"));
}

}  // namespace

TEST_CASE("faultline report draws the distributions of a faultline mc document", "[reports][planner][cli][e2e]") {
  const TempFolder tmp;
  const std::string bin = faultline_binary();
  const auto mc = run_command(bin + " mc " + kScenario + " --years 5 --replications 4 -q --json " + (tmp / "mc.json"));
  REQUIRE(mc.exit_code == 0);
  SECTION("html: the CDF and histogram sections, one chart per pattern, nothing external") {
    const auto report = run_command(bin + " report " + (tmp / "mc.json") + " -o " + (tmp / "mc.html"));
    REQUIRE(report.exit_code == 0);
    const std::string html = read_text(tmp / "mc.html");
    CHECK_THAT(html,
               Catch::Contains("<section id=\"rto-cdf\">") && Catch::Contains("<section id=\"downtime-histogram\">"));
    CHECK_THAT(html, Catch::Contains("aria-label=\"empirical CDF of RTO for hot-hot\"") &&
                         Catch::Contains("aria-label=\"histogram of annual downtime for hot-warm\""));
    CHECK_THAT(html, Catch::Contains("class=\"cdf\""));
    check_self_contained(html);
  }
  SECTION("the same document gives the same bytes") {
    const auto first = run_command(bin + " report " + (tmp / "mc.json") + " --format html");
    const auto second = run_command(bin + " report " + (tmp / "mc.json") + " --format html");
    REQUIRE(first.exit_code == 0);
    CHECK(first.output == second.output);
  }
  SECTION("md on standard output") {
    const auto report = run_command(bin + " report " + (tmp / "mc.json") + " --format md");
    REQUIRE(report.exit_code == 0);
    CHECK_THAT(report.output, Catch::StartsWith("# Monte Carlo availability: scenarios/reliability-two-region.json"));
  }
  SECTION("csv is refused, naming the file, the schema and the allowed formats; nothing written") {
    const auto report = run_command(bin + " report " + (tmp / "mc.json") + " --format csv -o " + (tmp / "mc.csv"));
    CHECK(report.exit_code == 2);
    CHECK_THAT(
        report.output,
        Catch::Contains(tmp / "mc.json") &&
            Catch::Contains("a faultline.mc/v1 document has no report for --format csv (allowed: html, md, pdf)"));
    CHECK_FALSE(std::filesystem::exists(tmp / "mc.csv"));
  }
}

TEST_CASE("faultline report draws the Pareto front of a faultline plan document", "[reports][planner][cli][e2e]") {
  const TempFolder tmp;
  const std::string bin = faultline_binary();
  const auto plan =
      run_command(bin + " plan " + kScenario + " --years 2 --replications 2 -q --json " + (tmp / "plan.json"));
  REQUIRE(plan.exit_code == 0);
  const auto report = run_command(bin + " report " + (tmp / "plan.json") + " --format html -o " + (tmp / "plan.html"));
  REQUIRE(report.exit_code == 0);
  const std::string html = read_text(tmp / "plan.html");
  CHECK_THAT(html, Catch::Contains("<section id=\"pareto\">") && Catch::Contains("class=\"pareto\"") &&
                       Catch::Contains("class=\"dominated\"") && Catch::Contains("<section id=\"candidates\">"));
  CHECK_THAT(html, Catch::Contains("class=\"recommended\""));
  check_self_contained(html);
}
