#include "faultline/cli/traffic_option.hpp"

#include <cstdio>
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

std::string traffic_mode_line(std::string_view mode) {
  if (mode == "exact") return "traffic: exact (every request of every incident window simulated)\n";
  if (mode != "fast") return {};
  char line[200];
  std::snprintf(line, sizeof line,
                "traffic: fast (incident windows simulated at %g requests/s at most, each request standing for its "
                "share of the real rate; --traffic exact simulates every request)\n",
                engine::kFastTrafficRatePerS);
  return line;
}

}  // namespace faultline::cli
