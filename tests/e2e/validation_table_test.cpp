// docs/validation.md stays true: every test it names exists. The table is the
// project's fidelity claim; a renamed or deleted test must take its row with it.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "command_runner.hpp"

namespace fs = std::filesystem;
using faultline::testing::read_text;

namespace {

// Adds the string literal that opens each `marker` call in `text` (e.g. `TEST_CASE("`).
void add_literals(const std::string& text, const std::string& marker, std::set<std::string>& names) {
  for (std::size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at + 1)) {
    std::string name;
    for (std::size_t i = at + marker.size(); i < text.size() && text[i] != '"'; ++i) {
      if (text[i] == '\\' && i + 1 < text.size()) ++i;
      name += text[i];
    }
    names.insert(name);
  }
}

// The names of every Catch2 TEST_CASE and SECTION in the C++ files under tests/.
std::set<std::string> catch_test_names(const fs::path& tests) {
  std::set<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(tests)) {
    if (entry.path().extension() != ".cpp" || entry.path().string().find("node_modules") != std::string::npos) continue;
    const std::string text = read_text(entry.path().string());
    add_literals(text, "TEST_CASE(\"", names);
    add_literals(text, "SECTION(\"", names);
  }
  return names;
}

struct Row {
  int line = 0;
  std::string test_cell;  // the last column
};

// The data rows of every four-column table (header and separator rows skipped).
std::vector<Row> table_rows(const fs::path& file) {
  std::vector<Row> rows;
  std::ifstream in(file);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.rfind("| ", 0) != 0 || line.rfind("| ---", 0) == 0 || line.rfind("| Semantic |", 0) == 0) continue;
    const std::size_t end = line.find_last_of('|');
    const std::size_t start = line.find_last_of('|', end - 1);
    rows.push_back({n, line.substr(start + 1, end - start - 1)});
  }
  return rows;
}

// Every text between a pair of `open` / `close` marks in `cell`.
std::vector<std::string> quoted(const std::string& cell, char open, char close) {
  std::vector<std::string> out;
  for (std::size_t a = cell.find(open); a != std::string::npos; a = cell.find(open, a + 1)) {
    const std::size_t b = cell.find(close, a + 1);
    if (b == std::string::npos) break;
    out.push_back(cell.substr(a + 1, b - a - 1));
    a = b;
  }
  return out;
}

bool names_a_test(const std::string& name, const std::set<std::string>& tests) {
  // A long name may be shortened to its start followed by " ...".
  const std::string ellipsis = " ...";
  if (name.size() > ellipsis.size() && name.compare(name.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0) {
    const std::string prefix = name.substr(0, name.size() - ellipsis.size());
    const auto it = tests.lower_bound(prefix);
    return it != tests.end() && it->rfind(prefix, 0) == 0;
  }
  return tests.count(name) == 1;
}

// A path of the repository, or a `stem.*` pattern that matches at least one file.
bool path_exists(const fs::path& root, const std::string& path) {
  if (path.size() > 2 && path.compare(path.size() - 2, 2, ".*") == 0) {
    const fs::path pattern = root / path.substr(0, path.size() - 2);
    if (!fs::is_directory(pattern.parent_path())) return false;
    const std::string stem = pattern.filename().string() + ".";
    for (const auto& entry : fs::directory_iterator(pattern.parent_path())) {
      if (entry.path().filename().string().rfind(stem, 0) == 0) return true;
    }
    return false;
  }
  return fs::exists(root / path);
}

}  // namespace

TEST_CASE("validation table: every test, file and scenario it names exists", "[validation]") {
  const fs::path root = faultline::testing::source_path("");
  const std::set<std::string> tests = catch_test_names(root / "tests");
  const std::vector<Row> rows = table_rows(root / "docs" / "validation.md");
  // The table has dozens of rows; finding none means the parse broke, not that all is well.
  REQUIRE(rows.size() > 50);
  REQUIRE(tests.size() > 300);

  SECTION("every quoted name is a Catch2 TEST_CASE or SECTION (or the start of one, ending in ' ...')") {
    for (const Row& row : rows) {
      for (const std::string& name : quoted(row.test_cell, '"', '"')) {
        INFO("docs/validation.md:" << row.line << ": test \"" << name << "\"");
        CHECK(names_a_test(name, tests));
      }
    }
  }
  SECTION("every file named in the test column exists") {
    for (const Row& row : rows) {
      for (const std::string& code : quoted(row.test_cell, '`', '`')) {
        // A path, or a command line whose arguments with a '/' are paths.
        std::istringstream words(code);
        for (std::string word; words >> word;) {
          if (word.find('/') == std::string::npos) continue;
          INFO("docs/validation.md:" << row.line << ": `" << code << "`: " << word);
          CHECK(path_exists(root, word));
        }
      }
    }
  }
  SECTION("every row names a test, or says it shares the row above's") {
    for (const Row& row : rows) {
      const bool has_name = !quoted(row.test_cell, '"', '"').empty();
      const bool has_test_file = row.test_cell.find("tests/") != std::string::npos;
      const bool shares = row.test_cell.find("same test") != std::string::npos;
      INFO("docs/validation.md:" << row.line << ": test column:" << row.test_cell);
      CHECK((has_name || has_test_file || shares));
    }
  }
}
