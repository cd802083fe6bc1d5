#include "faultline/router/router_types.hpp"

namespace faultline::router {

const char* to_string(EndpointState state) {
  switch (state) {
    case EndpointState::kHealthy:
      return "healthy";
    case EndpointState::kUnhealthy:
      return "unhealthy";
    case EndpointState::kOpen:
      return "open";
    case EndpointState::kHalfOpen:
      return "half_open";
    case EndpointState::kClosed:
      return "closed";
    case EndpointState::kCooldown:
      return "cooldown";
    case EndpointState::kCooldownEnd:
      return "cooldown_end";
    case EndpointState::kEjected:
      return "ejected";
    case EndpointState::kEjectionEnd:
      return "ejection_end";
  }
  return "?";
}

const char* to_string(StateCause cause) {
  switch (cause) {
    case StateCause::kProbe:
      return "probe";
    case StateCause::kBreaker:
      return "breaker";
    case StateCause::kThrottle:
      return "throttle";
    case StateCause::kOutlier:
      return "outlier";
    case StateCause::kCooldown:
      return "cooldown";
  }
  return "?";
}

const char* to_string(ControllerState state) {
  switch (state) {
    case ControllerState::kNormal:
      return "normal";
    case ControllerState::kSuspect:
      return "suspect";
    case ControllerState::kFailedOver:
      return "failed_over";
    case ControllerState::kFailingBack:
      return "failing_back";
  }
  return "?";
}

const char* to_string(NoEndpointReason reason) {
  switch (reason) {
    case NoEndpointReason::kNone:
      return "";
    case NoEndpointReason::kOutsideBoundary:
      return "no enabled endpoint inside the request's boundary";
    case NoEndpointReason::kNoneAvailable:
      return "no available endpoint and when_none_healthy is fail";
    case NoEndpointReason::kMaxAttempts:
      return "retry.max_attempts reached";
    case NoEndpointReason::kRetryBudget:
      return "retry budget exhausted";
  }
  return "?";
}

}  // namespace faultline::router
