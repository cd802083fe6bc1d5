#include "faultline/base/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace faultline::base {

std::filesystem::path make_temporary_beside(const std::filesystem::path& target) {
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string pattern = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  const int fd = ::mkstemp(buffer.data());
  if (fd < 0) {
    throw std::runtime_error("cannot create a temporary file in " + folder.string() + ": " + std::strerror(errno));
  }
  // mkstemp creates the file 0600; give it the permissions a plain new file would get (0666 minus the umask).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, static_cast<mode_t>(0666 & ~mask));
  ::close(fd);
  return std::filesystem::path(buffer.data());
}

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
  const std::filesystem::path temporary = make_temporary_beside(target);
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_TRUNC);
  bool is_written = fd >= 0;
  std::size_t done = 0;
  while (is_written && done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    is_written = n > 0;
    if (is_written) done += static_cast<std::size_t>(n);
  }
  if (fd >= 0) is_written = (::close(fd) == 0) && is_written;
  std::error_code ec;
  if (!is_written) {
    std::filesystem::remove(temporary, ec);
    throw std::runtime_error("cannot write " + target.string() + ": " + std::strerror(errno));
  }
  std::filesystem::rename(temporary, target, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    throw std::runtime_error("cannot replace " + target.string() + ": " + ec.message());
  }
}

}  // namespace faultline::base
