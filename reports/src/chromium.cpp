#include "faultline/reports/chromium.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "faultline/reports/atomic_write.hpp"

extern char** environ;

namespace faultline::reports {
namespace {

constexpr std::chrono::seconds kTimeout{180};

bool is_executable(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

std::optional<std::filesystem::path> find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream folders(path != nullptr ? path : "/usr/bin:/bin");
  std::string folder;
  while (std::getline(folders, folder, ':')) {
    if (folder.empty()) continue;
    const std::filesystem::path candidate = std::filesystem::path(folder) / name;
    if (is_executable(candidate)) return candidate;
  }
  return std::nullopt;
}

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

// Runs program with arguments, stdout and stderr to `log`; returns the exit status (-1: did not run or killed).
int run_logged(const std::filesystem::path& program, const std::vector<std::string>& arguments,
               const std::filesystem::path& log) {
  std::vector<std::string> storage = arguments;
  storage.insert(storage.begin(), program.string());
  std::vector<char*> argv;
  for (std::string& a : storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  ::posix_spawn_file_actions_init(&actions);
  ::posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  ::posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ::posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  const int rc = ::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  ::posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  const auto deadline = std::chrono::steady_clock::now() + kTimeout;
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) return -1;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

ChromiumNotFound::ChromiumNotFound()
    : std::runtime_error(
          "headless Chromium is needed for this output and was not found (looked for `chromium` and "
          "`chromium-browser` on PATH): install the Debian package `chromium` (tools/install-deps --reports, "
          "or apt-get install chromium)") {}

HeadlessChromium HeadlessChromium::find(const std::string& program) {
  if (!program.empty()) {
    if (!is_executable(program)) throw ChromiumNotFound();
    return HeadlessChromium(program);
  }
  for (const char* name : {"chromium", "chromium-browser"}) {
    if (auto found = find_on_path(name)) return HeadlessChromium(*found);
  }
  throw ChromiumNotFound();
}

void HeadlessChromium::render(std::string_view html, const std::string& output_flag_name, const std::string& output_name,
                              const std::vector<std::string>& extra_flags, const std::filesystem::path& target) const {
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
  const int status = run_logged(program_, args, log);
  std::error_code ec;
  if (status != 0 || !std::filesystem::is_regular_file(output, ec) || std::filesystem::file_size(output, ec) == 0) {
    std::string detail = read_all(log);
    if (detail.size() > 2000) detail = detail.substr(detail.size() - 2000);
    throw std::runtime_error(program_.string() + " failed (exit status " + std::to_string(status) +
                             ") and wrote no " + output_name + "; its output:\n" + detail);
  }
  write_file_atomically(target, read_all(output));
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
