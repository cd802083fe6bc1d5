#pragma once
// `--traffic fast|exact` of `mc`, `plan` and `faultline-mpi` (docs/planner.md "Traffic mode").

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

#include "faultline/engine/model/traffic_thinning.hpp"

namespace faultline::cli {

/// Adds `--traffic fast|exact` to `cmd`, writing the choice to `mode` (which keeps its default, fast, when absent).
CLI::Option* add_traffic_option(CLI::App& cmd, engine::TrafficMode& mode);

/// The table line naming how incident windows were replayed, `mode` "fast" (with its cap in requests/s) or
/// "exact", newline-terminated; "" for "" (a structure-only run replays no traffic).
std::string traffic_mode_line(std::string_view mode);

}  // namespace faultline::cli
