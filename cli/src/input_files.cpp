#include "faultline/cli/input_files.hpp"

#include <filesystem>

namespace faultline::cli {

std::string input_files(const CLI::App& app) {
  std::string out = "faultline";
  for (const CLI::App* sub : app.get_subcommands()) {
    out += " " + sub->get_name();
    std::string files;
    for (const CLI::Option* option : sub->get_options()) {
      for (const std::string& value : option->results()) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(value, ec)) continue;
        files += (files.empty() ? "" : ", ") + value;
      }
    }
    if (!files.empty()) out += " (" + files + ")";
  }
  return out;
}

}  // namespace faultline::cli
