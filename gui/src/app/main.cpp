// faultline-gui: the desktop app for architects (issue 8). See README, "The GUI".

#include <cstdlib>
#include <exception>
#include <iostream>

#include "app.hpp"
#include "faultline/gui/config_paths.hpp"
#include "faultline/version.hpp"
#include "gui_options.hpp"

int main(int argc, char** argv) {
  using namespace faultline::gui;
  const GuiOptionsParse parsed = parse_gui_options(argc, argv);
  if (!parsed.options) {
    (parsed.is_error ? std::cerr : std::cout) << parsed.message;
    return parsed.exit_code;
  }
  AppEnvironment environment;
  environment.config_dir = config_directory(std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME"));
  environment.version = std::string(faultline::kVersion) + " (git " + faultline::kGitCommit + ")";
  try {
    App app(*parsed.options, environment);
    return app.run();
  } catch (const std::exception& e) {
    std::cerr << "faultline-gui: " << e.what() << "\n";
    return 2;
  }
}
