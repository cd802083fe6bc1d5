#pragma once
// Where the GUI keeps its per-user files (window layout, recent files).

#include <filesystem>

namespace faultline::gui {

/// The user's faultline configuration folder: $XDG_CONFIG_HOME/faultline when
/// `xdg_config_home` is an absolute path, else $HOME/.config/faultline; empty
/// when neither is usable. Arguments are the variables' values (null when unset).
std::filesystem::path config_directory(const char* xdg_config_home, const char* home);

}  // namespace faultline::gui
