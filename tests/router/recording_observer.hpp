#pragma once
// Test observer: records every state change as a replay-format-like string.

#include <string>
#include <vector>

#include "faultline/router/router.hpp"

namespace faultline::router::testing {

/// Records "T_MS endpoint state cause" and "T_MS controller state to" lines.
class RecordingObserver final : public RouterObserver {
 public:
  void on_endpoint_state(Micros now, std::size_t endpoint, EndpointState state, StateCause cause) override {
    lines.push_back(std::to_string(now.count() / 1000) + " " + std::to_string(endpoint) + " " + to_string(state) + " " +
                    to_string(cause));
  }
  void on_controller_state(Micros now, ControllerState state, std::size_t target) override {
    lines.push_back(std::to_string(now.count() / 1000) + " controller " + to_string(state) + " " +
                    std::to_string(target));
  }
  std::vector<std::string> lines;
};

/// Milliseconds as router time.
inline Micros ms(std::int64_t value) { return Micros{value * 1000}; }

/// `count` endpoints named e0, e1, ... with priority 1, weight 50, latency 0.
inline RouterConfig endpoints_config(std::size_t count) {
  RouterConfig config;
  for (std::size_t i = 0; i < count; ++i) {
    EndpointConfig e;
    e.name = "e" + std::to_string(i);
    config.endpoints.push_back(e);
  }
  return config;
}

}  // namespace faultline::router::testing
