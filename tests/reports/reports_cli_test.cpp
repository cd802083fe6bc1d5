#include <catch2/catch.hpp>
#include <filesystem>

#include "command_runner.hpp"
#include "faultline/reports/chromium.hpp"
#include "faultline/reports/html_report.hpp"
#include "faultline/contract/result_json.hpp"
#include "faultline/contract/result_reader.hpp"
#include "image_stats.hpp"
#include "temp_folder.hpp"

using faultline::testing::faultline_binary;
using faultline::testing::read_text;
using faultline::testing::run_command;
using faultline::testing::TempFolder;

namespace {

const std::string kScenario = "tests/reports/fixtures/batch-good/b-impossible.json";

// Headless Chromium; the PDF and PNG tests need it (tools/test installs it with --reports).
faultline::reports::HeadlessChromium chromium() {
  try {
    return faultline::reports::HeadlessChromium::find();
  } catch (const faultline::reports::ChromiumNotFound& e) {
    FAIL(e.what());
    throw;
  }
}

}  // namespace

TEST_CASE("run writes reports, and report rewrites them from the result file alone", "[reports][cli][e2e]") {
  const TempFolder tmp;
  const std::string bin = faultline_binary();
  const auto run = run_command(bin + " run " + kScenario + " -q --json " + (tmp / "r.json") + " --report " +
                               (tmp / "run.html") + " --junit " + (tmp / "run.xml"));
  REQUIRE(run.exit_code == 1);  // the fixture's cost target cannot be met
  SECTION("the result file reads back and re-serialises to the same bytes") {
    const std::string text = read_text(tmp / "r.json");
    CHECK(faultline::contract::to_json_text(faultline::contract::read_result_file(tmp / "r.json")) == text);
  }
  SECTION("report gives the same HTML and JUnit as run did, and draws the topology") {
    CHECK(run_command(bin + " report " + (tmp / "r.json") + " -o " + (tmp / "again.html")).exit_code == 0);
    const std::string html = read_text(tmp / "run.html");
    CHECK(read_text(tmp / "again.html") == html);
    CHECK_THAT(html, Catch::Contains("aria-label=\"topology "));
    CHECK_THAT(html, !Catch::Contains("Topology diagram unavailable"));
    CHECK_THAT(html, !Catch::Contains("http://") && !Catch::Contains("https://") && !Catch::Contains("url(") &&
                         !Catch::Contains("@import") && !Catch::Contains("<script"));
    const auto junit = run_command(bin + " report " + (tmp / "r.json") + " --format junit");
    CHECK(junit.exit_code == 0);
    CHECK(junit.output == read_text(tmp / "run.xml"));
  }
  SECTION("markdown and csv go to standard output") {
    const auto md = run_command(bin + " report " + (tmp / "r.json") + " --format md");
    CHECK(md.exit_code == 0);
    CHECK_THAT(md.output, Catch::Contains("**MISSED**: hot-hot `monthly_cost_usd`"));
    const auto csv = run_command(bin + " report " + (tmp / "r.json") + " --format csv");
    CHECK(csv.exit_code == 0);
    CHECK_THAT(csv.output, Catch::StartsWith("pattern,bucket_start_s,"));
  }
  SECTION("bad input: unknown format, unreadable or malformed result, several results for html") {
    const auto fmt = run_command(bin + " report " + (tmp / "r.json") + " --format docx");
    CHECK(fmt.exit_code == 2);
    CHECK_THAT(fmt.output, Catch::Contains("--format docx is unknown (allowed: html, md, csv, junit, pdf)"));
    const auto missing = run_command(bin + " report " + (tmp / "none.json") + " --format md");
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.output, Catch::Contains("none.json: cannot be read"));
    const auto many = run_command(bin + " report " + (tmp / "r.json") + " " + (tmp / "r.json") + " --format html");
    CHECK(many.exit_code == 2);
    const auto ext = run_command(bin + " run " + kScenario + " -q --report " + (tmp / "r.docx"));
    CHECK(ext.exit_code == 2);
    CHECK_THAT(ext.output, Catch::Contains("cannot tell the report format of"));
  }
  SECTION("pdf without Chromium: exit 2, names the Debian package, writes nothing") {
    const auto pdf = run_command(bin + " report " + (tmp / "r.json") + " -o " + (tmp / "r.pdf") +
                                 " --chromium /nonexistent/chromium");
    CHECK(pdf.exit_code == 2);
    CHECK_THAT(pdf.output, Catch::Contains("install the Debian package `chromium`"));
    CHECK_FALSE(std::filesystem::exists(tmp / "r.pdf"));
    const auto run_pdf = run_command(bin + " run " + kScenario + " -q --report " + (tmp / "run.pdf") +
                                     " --chromium /nonexistent/chromium");
    CHECK(run_pdf.exit_code == 2);
    CHECK_THAT(run_pdf.output, Catch::Contains("`chromium`") && Catch::Contains("nothing was simulated"));
    CHECK_FALSE(std::filesystem::exists(tmp / "run.pdf"));
  }
}

TEST_CASE("PDF report: printed by headless Chromium, first page converts to a non-blank PNG", "[reports][pdf][e2e]") {
  const TempFolder tmp;
  const std::string bin = faultline_binary();
  (void)chromium();
  REQUIRE(run_command(bin + " run " + kScenario + " -q --json " + (tmp / "r.json")).exit_code == 1);
  const auto pdf = run_command(bin + " report " + (tmp / "r.json") + " -o " + (tmp / "r.pdf"));
  REQUIRE(pdf.exit_code == 0);
  SECTION("a PDF file whose first page pdftoppm turns into a PNG with content") {
    CHECK_THAT(read_text(tmp / "r.pdf"), Catch::StartsWith("%PDF-"));
    REQUIRE(
        run_command("pdftoppm -png -r 40 -f 1 -l 1 -singlefile " + (tmp / "r.pdf") + " " + (tmp / "page")).exit_code ==
        0);
    const auto stats = faultline::testing::png_stats(tmp / "page.png");
    CHECK(stats.width > 200);  // A4 at 40 dpi is 331 x 468 px
    CHECK(stats.distinct_colours > 20);
    CHECK(stats.non_white_share > 0.01);
  }
}

TEST_CASE("PDF of Monte Carlo and plan documents: the same Chromium printer as the run report",
          "[reports][pdf][planner][e2e]") {
  const TempFolder tmp;
  const std::string bin = faultline_binary();
  const std::string scenario = "scenarios/reliability-two-region.json";
  REQUIRE(
      run_command(bin + " mc " + scenario + " --years 5 --replications 4 -q --json " + (tmp / "mc.json")).exit_code ==
      0);
  REQUIRE(run_command(bin + " plan " + scenario + " --years 2 --replications 2 -q --json " + (tmp / "plan.json"))
              .exit_code == 0);
  SECTION("without Chromium: exit 2, names the Debian package, writes nothing") {
    const auto pdf = run_command(bin + " report " + (tmp / "mc.json") + " -o " + (tmp / "mc.pdf") +
                                 " --chromium /nonexistent/chromium");
    CHECK(pdf.exit_code == 2);
    CHECK_THAT(pdf.output, Catch::Contains("install the Debian package `chromium`"));
    CHECK_FALSE(std::filesystem::exists(tmp / "mc.pdf"));
  }
  SECTION("a PDF needs -o") {
    const auto pdf = run_command(bin + " report " + (tmp / "plan.json") + " --format pdf");
    CHECK(pdf.exit_code == 2);
    CHECK_THAT(pdf.output, Catch::Contains("a PDF needs an output file: -o FILE.pdf"));
  }
  SECTION("mc.pdf and plan.pdf: PDF files whose first page pdftoppm turns into a PNG with content") {
    (void)chromium();
    for (const std::string name : {"mc", "plan"}) {
      INFO(name);
      const auto pdf = run_command(bin + " report " + (tmp / (name + ".json")) + " -o " + (tmp / (name + ".pdf")));
      INFO(pdf.output);
      REQUIRE(pdf.exit_code == 0);
      CHECK_THAT(read_text(tmp / (name + ".pdf")), Catch::StartsWith("%PDF-"));
      REQUIRE(run_command("pdftoppm -png -r 40 -f 1 -l 1 -singlefile " + (tmp / (name + ".pdf")) + " " +
                          (tmp / (name + "-page")))
                  .exit_code == 0);
      const auto stats = faultline::testing::png_stats(tmp / (name + "-page.png"));
      CHECK(stats.width > 200);
      CHECK(stats.distinct_colours > 20);
      CHECK(stats.non_white_share > 0.01);
    }
  }
}

TEST_CASE("the reference report renders in headless Chromium to a PNG that is not blank", "[reports][png][e2e]") {
  const TempFolder tmp;
  const auto browser = chromium();
  const auto run = run_command(faultline_binary() + " run scenarios/reference.json -q --json " + (tmp / "r.json"));
  REQUIRE(run.exit_code == 1);  // hot-cold misses its RTO target
  const auto result = faultline::contract::read_result_file(tmp / "r.json");
  const auto topology = faultline::reports::load_report_topology(result);
  REQUIRE(topology.topology.has_value());
  browser.screenshot(faultline::reports::to_html(result, topology), tmp / "report.png", 1280, 2000);
  SECTION("the screenshot has the window's size, many colours and a good share of ink") {
    const auto stats = faultline::testing::png_stats(tmp / "report.png");
    CHECK(stats.width == 1280);
    CHECK(stats.height == 2000);
    CHECK(stats.distinct_colours > 50);
    CHECK(stats.non_white_share > 0.05);
  }
  SECTION("pdftoppm's PPM of the printed PDF has content too") {
    browser.print_to_pdf(faultline::reports::to_html(result, topology), tmp / "report.pdf");
    REQUIRE(
        run_command("pdftoppm -r 30 -f 1 -l 1 -singlefile " + (tmp / "report.pdf") + " " + (tmp / "page")).exit_code ==
        0);
    const auto stats = faultline::testing::ppm_stats(tmp / "page.ppm");
    CHECK(stats.distinct_colours > 10);
    CHECK(stats.non_white_share > 0.01);
  }
}
