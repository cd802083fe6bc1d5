#pragma once
// What every part of a running gateway shares: the executor, the router generation in use,
// the recorder, the metrics and the gateway's clock. One io_context thread: no locks.

#include <utility>  // before Boost: 1.74 awaitable.hpp uses std::exchange without including it
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>

#include "faultline/gateway/event_recorder.hpp"
#include "faultline/gateway/gateway_metrics.hpp"
#include "faultline/gateway/upstream_connection.hpp"
#include "faultline/router/router.hpp"
#include "faultline/router_config/gateway_config.hpp"

namespace faultline::gateway {

/// One loaded configuration with its router, keys and idle upstream connections. A reload
/// makes a new generation; requests started before it finish on theirs.
struct RouterGeneration {
  router_config::GatewayConfig config;
  std::unique_ptr<router::Router> router;
  std::vector<std::string> keys;                                       // per endpoint, "" = none; never logged
  std::vector<std::vector<std::unique_ptr<UpstreamConnection>>> idle;  // per endpoint
};

/// Shared state of the running gateway.
struct GatewayContext {
  asio::any_io_executor executor;
  asio::ssl::context tls{asio::ssl::context::tls_client};
  std::shared_ptr<RouterGeneration> current;
  EventRecorder* recorder = nullptr;
  GatewayMetrics metrics;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  std::unique_ptr<asio::steady_timer> wake;  // the router timer loop's timer
  std::uint64_t next_request_id = 1;
  std::int64_t in_flight = 0;
  bool is_stopping = false;

  /// Router time: microseconds of the gateway's steady_clock since start.
  router::Micros now() const {
    return std::chrono::duration_cast<router::Micros>(std::chrono::steady_clock::now() - start);
  }
  /// Wakes the timer loop early when the router's next timer is sooner than it will look.
  void poke() {
    const router::Micros next = current->router->next_wakeup();
    if (wake && next != router::kNever && start + next < wake->expiry()) wake->cancel();
  }
};

}  // namespace faultline::gateway
