#include "faultline/gui/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace faultline::gui {

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  const std::string pattern = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) throw std::runtime_error("cannot create a temporary file in " + folder.string() + ": " + std::strerror(errno));
  // mkstemp creates the file 0600; a plain new file gets 0666 minus the umask.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, static_cast<mode_t>(0666 & ~mask));
  bool is_written = true;
  int saved_errno = 0;
  for (std::size_t done = 0; is_written && done < content.size();) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    is_written = n > 0;
    if (!is_written) saved_errno = errno;
    if (is_written) done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0 && is_written) {
    is_written = false;
    saved_errno = errno;
  }
  const std::filesystem::path temporary(name.data());
  std::error_code ec;
  if (!is_written) {
    std::filesystem::remove(temporary, ec);
    throw std::runtime_error("cannot write " + target.string() + ": " + std::strerror(saved_errno));
  }
  std::filesystem::rename(temporary, target, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    throw std::runtime_error("cannot replace " + target.string() + ": " + ec.message());
  }
}

}  // namespace faultline::gui
