#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "temp_folder.hpp"
#include "faultline/base/atomic_write.hpp"
#include "faultline/gui/config_paths.hpp"
#include "faultline/gui/export_format.hpp"
#include "faultline/gui/recent_files.hpp"
#include "faultline/reports/report_format.hpp"
#include "faultline/contract/result_json.hpp"

using namespace faultline;

namespace {

std::string read(const std::filesystem::path& p) { return faultline::testing::read_text(p.string()); }

std::size_t file_count(const std::filesystem::path& dir) {
  return static_cast<std::size_t>(
      std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()));
}

}  // namespace

TEST_CASE("config_directory: $XDG_CONFIG_HOME when absolute, else ~/.config, never the working folder",
          "[gui][files]") {
  CHECK(gui::config_directory("/xdg", "/home/ann") == "/xdg/faultline");
  CHECK(gui::config_directory(nullptr, "/home/ann") == "/home/ann/.config/faultline");
  CHECK(gui::config_directory("relative/dir", "/home/ann") == "/home/ann/.config/faultline");
  CHECK(gui::config_directory("", "/home/ann") == "/home/ann/.config/faultline");
  CHECK(gui::config_directory(nullptr, nullptr).empty());
  CHECK(gui::config_directory("", "relative").empty());
}

TEST_CASE("RecentFiles keeps the newest first, without duplicates, up to its capacity, across sessions",
          "[gui][files]") {
  const faultline::testing::TempFolder folder;
  const std::filesystem::path& dir = folder.path();
  const std::filesystem::path store = dir / "config" / "recent-files";
  gui::RecentFiles recent(store, 3);
  recent.load();
  CHECK(recent.items().empty());
  CHECK(recent.add("a.json").empty());
  recent.add("b.json");
  recent.add("a.json");
  CHECK(recent.items() == std::vector<std::string>{"a.json", "b.json"});
  recent.add("c.json");
  recent.add("d.json");
  CHECK(recent.items() == std::vector<std::string>{"d.json", "c.json", "a.json"});
  gui::RecentFiles again(store, 3);
  again.load();
  CHECK(again.items() == recent.items());
  CHECK(read(store) == "d.json\nc.json\na.json\n");
}

TEST_CASE("write_file_atomically replaces the file whole and leaves no temporary behind", "[gui][files]") {
  const faultline::testing::TempFolder folder;
  const std::filesystem::path& dir = folder.path();
  base::write_file_atomically(dir / "out.txt", "first");
  base::write_file_atomically(dir / "out.txt", "second");
  CHECK(read(dir / "out.txt") == "second");
  CHECK(file_count(dir) == 1);
  CHECK_THROWS_WITH(base::write_file_atomically(dir / "no" / "out.txt", "x"), Catch::Contains((dir / "no").string()));
  CHECK(file_count(dir) == 1);
}

TEST_CASE("export_result writes the reports module's JSON; formats without a writer are refused", "[gui][files]") {
  const faultline::testing::TempFolder folder;
  const std::filesystem::path& dir = folder.path();
  engine::RunResult result;
  result.faultline_version = "test";
  result.seed = 7;
  engine::PatternResult p;
  p.name = "hot-hot";
  result.patterns = {p};
  CHECK(gui::export_format_of_path("r.md") == gui::ExportFormat::kMarkdown);
  CHECK(gui::export_format_of_path("r.htm") == gui::ExportFormat::kHtml);
  CHECK(gui::export_format_of_path("r.pdf") == gui::ExportFormat::kPdf);
  CHECK(gui::export_format_of_path("r.json") == gui::ExportFormat::kJson);
  CHECK_FALSE(gui::export_format_of_path("r.txt").has_value());
  CHECK(gui::is_export_available(gui::ExportFormat::kJson));
  gui::export_result(result, gui::ExportFormat::kJson, dir / "r.json");
  CHECK(read(dir / "r.json") == contract::to_json_text(result));
  // Markdown and HTML come from the reports module's writers, byte for byte.
  gui::export_result(result, gui::ExportFormat::kMarkdown, dir / "r.md");
  CHECK(read(dir / "r.md") == reports::render_report_text(result, reports::ReportFormat::kMarkdown));
  gui::export_result(result, gui::ExportFormat::kHtml, dir / "r.html");
  CHECK(read(dir / "r.html") == reports::render_report_text(result, reports::ReportFormat::kHtml));
  for (gui::ExportFormat f : gui::kExportFormats) CHECK(gui::is_export_available(f));
}
