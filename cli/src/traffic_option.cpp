#include "faultline/cli/traffic_option.hpp"

#include <string>

namespace faultline::cli {

CLI::Option* add_traffic_option(CLI::App& cmd, engine::TrafficMode& mode) {
  return cmd
      .add_option_function<std::string>(
          "--traffic", [&mode](const std::string& text) { mode = engine::parse_traffic_mode(text).value(); },
          "how incident windows are replayed: fast (default; at most 2 requests/s simulated, each standing for its "
          "share of the real rate, docs/decisions.md) or exact (every request)")
      ->check(CLI::IsMember({"fast", "exact"}));
}

}  // namespace faultline::cli
