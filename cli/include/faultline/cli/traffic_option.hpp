#pragma once
// `--traffic fast|exact` of `mc`, `plan` and `faultline-mpi` (docs/planner.md "Traffic mode").

#include <CLI/CLI.hpp>

#include "faultline/engine/model/traffic_thinning.hpp"

namespace faultline::cli {

/// Adds `--traffic fast|exact` to `cmd`, writing the choice to `mode` (which keeps its default, fast, when absent).
CLI::Option* add_traffic_option(CLI::App& cmd, engine::TrafficMode& mode);

}  // namespace faultline::cli
