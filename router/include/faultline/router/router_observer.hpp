#pragma once
// State-change notification: called synchronously by the router, no I/O or allocation on its side.

#include <cstddef>

#include "faultline/router/router_types.hpp"

namespace faultline::router {

/// Receives every state change in the order it happens. Implementations must not
/// call back into the router from these functions.
class RouterObserver {
 public:
  virtual ~RouterObserver() = default;
  /// Endpoint `endpoint` entered `state` at `now` because of mechanism `cause`.
  virtual void on_endpoint_state(Micros now, std::size_t endpoint, EndpointState state, StateCause cause) = 0;
  /// The failover controller entered `state` at `now`; `target` is where the primary's traffic now goes.
  virtual void on_controller_state(Micros now, ControllerState state, std::size_t target) = 0;
};

}  // namespace faultline::router
