#include "faultline/cli/traffic_option.hpp"

#include <map>
#include <string>

namespace faultline::cli {

CLI::Option* add_traffic_option(CLI::App& cmd, engine::TrafficMode& mode) {
  const std::map<std::string, engine::TrafficMode> modes{{"fast", engine::TrafficMode::kFast},
                                                         {"exact", engine::TrafficMode::kExact}};
  return cmd
      .add_option("--traffic", mode,
                  "how incident windows are replayed: fast (default; at most 5 requests/s simulated, each standing "
                  "for its share of the real rate, docs/decisions.md) or exact (every request)")
      ->transform(CLI::CheckedTransformer(modes));
}

}  // namespace faultline::cli
