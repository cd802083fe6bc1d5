#pragma once
// Vocabulary shared by every part of the router: time, endpoint sets, states and reasons.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace faultline::router {

/// Time as microseconds since an arbitrary epoch chosen by the caller (simulated
/// time in the simulator, steady_clock in production). Same type as engine::SimDuration.
using Micros = std::chrono::duration<std::int64_t, std::micro>;

/// A time later than any deadline.
inline constexpr Micros kNever = Micros{std::numeric_limits<std::int64_t>::max()};

/// At most this many endpoints per router, so that endpoint sets fit one 64-bit mask.
inline constexpr std::size_t kMaxEndpoints = 64;

/// Set of endpoints: bit i is endpoint i (configuration order).
using EndpointMask = std::uint64_t;

/// Index of an interned residency boundary; see Router::boundary_id.
using BoundaryId = std::uint32_t;
/// A request without a boundary: any endpoint may serve it.
inline constexpr BoundaryId kAnyBoundary = std::numeric_limits<BoundaryId>::max();
/// A boundary no endpoint declares: no endpoint may serve it.
inline constexpr BoundaryId kUnknownBoundary = kAnyBoundary - 1;

/// "No endpoint" in a Pick or a probe schedule.
inline constexpr std::size_t kNoEndpoint = std::numeric_limits<std::size_t>::max();

/// Per-endpoint state changes, as named in the replay format.
enum class EndpointState : std::uint8_t {
  kHealthy,
  kUnhealthy,
  kOpen,
  kHalfOpen,
  kClosed,
  kCooldown,
  kCooldownEnd,
  kEjected,
  kEjectionEnd
};
/// Which mechanism changed an endpoint's state.
/// (kOutlier: Envoy outlier detection, the `outlier` section; kCooldown: LiteLLM cooldown, the `cooldown` section.)
enum class StateCause : std::uint8_t { kProbe, kBreaker, kThrottle, kOutlier, kCooldown };
/// States of the application-level failover controller (seeds/004).
enum class ControllerState : std::uint8_t { kNormal, kSuspect, kFailedOver, kFailingBack };
/// States of a circuit breaker.
enum class BreakerState : std::uint8_t { kClosed, kOpen, kHalfOpen };

/// Why a pick returned no endpoint (kNone: it returned one).
enum class NoEndpointReason : std::uint8_t { kNone, kOutsideBoundary, kNoneAvailable, kMaxAttempts, kRetryBudget };

/// What a reported call means to the router.
enum class CallOutcome : std::uint8_t { kSuccess, kFailure, kThrottled };

/// Classifies an HTTP status: 5xx, 408 and 0 (timeout) fail; 429 is throttling; the rest succeed.
constexpr CallOutcome classify_status(int status) {
  if (status == 429) return CallOutcome::kThrottled;
  if (status == 0 || status == 408 || (status >= 500 && status <= 599)) return CallOutcome::kFailure;
  return CallOutcome::kSuccess;
}

/// Replay-format name of a state ("healthy", "half_open", "cooldown_end", "ejected", "ejection_end", ...).
const char* to_string(EndpointState state);
/// Replay-format name of a cause ("probe", "breaker", "throttle", "outlier", "cooldown").
const char* to_string(StateCause cause);
/// Replay-format name of a controller state ("normal", "suspect", "failed_over", "failing_back").
const char* to_string(ControllerState state);
/// Short English reason for a pick without endpoint ("" for kNone).
const char* to_string(NoEndpointReason reason);

/// A routing decision: an endpoint, or kNoEndpoint with the reason.
struct Pick {
  std::size_t endpoint = kNoEndpoint;
  NoEndpointReason reason = NoEndpointReason::kNone;
  bool is_spread = false;  // true when chosen by when_none_healthy (spread or priority): nothing was available

  /// True when the pick names an endpoint.
  bool has_endpoint() const { return endpoint != kNoEndpoint; }
};

/// Per-request routing state kept by the caller between attempts (no allocation).
struct Request {
  BoundaryId boundary = kAnyBoundary;  // residency boundary of the request's data
  std::uint32_t attempts = 0;          // pick calls made for this request so far
  EndpointMask tried = 0;              // endpoints already returned for this request
};

}  // namespace faultline::router
