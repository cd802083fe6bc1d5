#pragma once
// How a caller follows and stops a long simulation.

#include <atomic>
#include <functional>

namespace faultline::engine {

/// Progress is reported about every 1 % of simulated time, from the thread that
/// runs the simulation; a set `cancel` flag stops it at the next report.
struct RunControl {
  std::function<void(double fraction_done)> on_progress;  // may be empty
  const std::atomic<bool>* cancel = nullptr;              // may be null
};

}  // namespace faultline::engine
