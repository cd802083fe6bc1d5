#include "command_runner.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace faultline::testing {

CommandResult run_command(const std::string& command) {
  CommandResult result;
  // Braces: a command list ("a; b") has all of its stderr merged, not just the last command's.
  const std::string full = "{ " + command + "\n} 2>&1";
  FILE* pipe = ::popen(full.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("popen failed for: " + command);
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  if (status != -1 && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

std::string faultline_binary() { return FAULTLINE_CLI_PATH; }

std::string source_path(const std::string& relative) { return std::string(FAULTLINE_SOURCE_ROOT) + "/" + relative; }

std::string temp_path(const std::string& name) {
  const char* dir = std::getenv("FAULTLINE_BINARY_DIR");
  const std::filesystem::path root = dir != nullptr ? std::filesystem::path(dir) / "e2e-out"
                                                    : std::filesystem::temp_directory_path() / "faultline-e2e";
  const std::filesystem::path base = root / std::to_string(::getpid());
  std::filesystem::create_directories(base);
  return (base / name).string();
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace faultline::testing
