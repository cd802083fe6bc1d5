#include "faultline/reports/chromium.hpp"

#include <stdlib.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "faultline/base/atomic_write.hpp"
#include "faultline/base/process.hpp"

namespace faultline::reports {
namespace {

constexpr std::chrono::seconds kTimeout{180};

// A temporary folder removed when this goes out of scope.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "faultline-chromium-XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (::mkdtemp(buffer.data()) == nullptr) throw std::runtime_error("cannot create a temporary folder for Chromium");
    path_ = buffer.data();
  }
  ~TemporaryFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

ChromiumNotFound::ChromiumNotFound()
    : std::runtime_error(
          "headless Chromium is needed for this output and was not found (looked for `chromium` and "
          "`chromium-browser` on PATH): install the Debian package `chromium` (tools/install-deps --reports, "
          "or apt-get install chromium)") {}

HeadlessChromium HeadlessChromium::find(const std::string& program) {
  if (!program.empty()) {
    if (!base::is_executable(program)) throw ChromiumNotFound();
    return HeadlessChromium(program);
  }
  for (const char* name : {"chromium", "chromium-browser"}) {
    if (auto found = base::find_on_path(name)) return HeadlessChromium(*found);
  }
  throw ChromiumNotFound();
}

void HeadlessChromium::render(std::string_view html, const std::string& output_flag_name,
                              const std::string& output_name, const std::vector<std::string>& extra_flags,
                              const std::filesystem::path& target) const {
  const TemporaryFolder folder;
  const std::filesystem::path page = folder.path() / "report.html";
  const std::filesystem::path output = folder.path() / output_name;
  const std::filesystem::path log = folder.path() / "chromium.log";
  {
    std::ofstream out(page, std::ios::binary);
    out << html;
    if (!out.flush()) throw std::runtime_error("cannot write " + page.string());
  }
  std::vector<std::string> args{"--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--user-data-dir=" + (folder.path() / "profile").string()};
  args.insert(args.end(), extra_flags.begin(), extra_flags.end());
  args.push_back(output_flag_name + "=" + output.string());
  args.push_back("file://" + page.string());
  const int status = base::run_program(program_, args, {.log = log, .timeout = kTimeout});
  std::error_code ec;
  if (status != 0 || !std::filesystem::is_regular_file(output, ec) || std::filesystem::file_size(output, ec) == 0) {
    std::string detail = read_all(log);
    if (detail.size() > 2000) detail = detail.substr(detail.size() - 2000);
    throw std::runtime_error(program_.string() + " failed (exit status " + std::to_string(status) + ") and wrote no " +
                             output_name + "; its output:\n" + detail);
  }
  base::write_file_atomically(target, read_all(output));
}

void HeadlessChromium::print_to_pdf(std::string_view html, const std::filesystem::path& pdf_path) const {
  render(html, "--print-to-pdf", "report.pdf", {"--no-pdf-header-footer"}, pdf_path);
}

void HeadlessChromium::screenshot(std::string_view html, const std::filesystem::path& png_path, int width,
                                  int height) const {
  render(html, "--screenshot", "report.png",
         {"--hide-scrollbars", "--window-size=" + std::to_string(width) + "," + std::to_string(height)}, png_path);
}

}  // namespace faultline::reports
