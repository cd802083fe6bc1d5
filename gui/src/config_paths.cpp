#include "faultline/gui/config_paths.hpp"

namespace faultline::gui {

std::filesystem::path config_directory(const char* xdg_config_home, const char* home) {
  // XDG Base Directory: a relative $XDG_CONFIG_HOME is invalid and must be ignored.
  if (xdg_config_home != nullptr && xdg_config_home[0] == '/')
    return std::filesystem::path(xdg_config_home) / "faultline";
  if (home != nullptr && home[0] == '/') return std::filesystem::path(home) / ".config" / "faultline";
  return {};
}

}  // namespace faultline::gui
