#include "faultline/base/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <thread>

extern char** environ;

namespace faultline::base {
namespace {

// Owns a posix_spawn_file_actions_t for the length of one spawn.
class SpawnActions {
 public:
  SpawnActions() { ::posix_spawn_file_actions_init(&actions_); }
  ~SpawnActions() { ::posix_spawn_file_actions_destroy(&actions_); }
  SpawnActions(const SpawnActions&) = delete;
  SpawnActions& operator=(const SpawnActions&) = delete;
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_{};
};

// Owns a posix_spawnattr_t for the length of one spawn.
class SpawnAttributes {
 public:
  SpawnAttributes() { ::posix_spawnattr_init(&attributes_); }
  ~SpawnAttributes() { ::posix_spawnattr_destroy(&attributes_); }
  SpawnAttributes(const SpawnAttributes&) = delete;
  SpawnAttributes& operator=(const SpawnAttributes&) = delete;
  posix_spawnattr_t* get() { return &attributes_; }

 private:
  posix_spawnattr_t attributes_{};
};

// Waits for `pid` (a process group leader), killing its group at `timeout` (0 = never); the raw wait status, or nothing
// when killed or lost.
std::optional<int> wait_bounded(pid_t pid, std::chrono::milliseconds timeout) {
  int status = 0;
  if (timeout.count() <= 0) {
    if (::waitpid(pid, &status, 0) < 0) return std::nullopt;
    return status;
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return status;
    if (done < 0) return std::nullopt;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid, SIGKILL);  // the whole group: a browser or shell leaves children otherwise
      ::waitpid(pid, &status, 0);
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace

bool is_executable(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

std::optional<std::filesystem::path> find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return std::nullopt;
  const std::string dirs = path;
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::filesystem::path folder = end > start ? dirs.substr(start, end - start) : ".";
    if (is_executable(folder / name)) return folder / name;
    start = end + 1;
  }
  return std::nullopt;
}

int run_program(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                const RunOptions& options) {
  std::vector<std::string> storage = arguments;
  storage.insert(storage.begin(), program.string());
  std::vector<char*> argv;
  for (std::string& a : storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  SpawnActions actions;
  if (options.log) {
    ::posix_spawn_file_actions_addopen(actions.get(), 0, "/dev/null", O_RDONLY, 0);
    ::posix_spawn_file_actions_addopen(actions.get(), 1, options.log->c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::posix_spawn_file_actions_adddup2(actions.get(), 1, 2);
  }
  SpawnAttributes attributes;
  if (options.timeout.count() > 0) {  // its own process group, so a timeout kills its children too
    ::posix_spawnattr_setflags(attributes.get(), POSIX_SPAWN_SETPGROUP);
    ::posix_spawnattr_setpgroup(attributes.get(), 0);
  }
  pid_t pid = 0;
  if (::posix_spawn(&pid, program.c_str(), actions.get(), attributes.get(), argv.data(), environ) != 0) return -1;
  const std::optional<int> status = wait_bounded(pid, options.timeout);
  if (!status || !WIFEXITED(*status)) return -1;
  return WEXITSTATUS(*status);
}

}  // namespace faultline::base
