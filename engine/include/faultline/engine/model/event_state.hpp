#pragma once
// The new state an event-log entry reports; spelt in result JSON and the GUI by one table.

#include <optional>
#include <string_view>

#include "faultline/base/spelling_table.hpp"
#include "faultline/router/router_types.hpp"

namespace faultline::engine {

/// The state of an EventRecord; which states go with which EventKind is in docs/metrics.md.
enum class EventState {
  kStart,        ///< fault
  kEnd,          ///< fault
  kReclaimed,    ///< quota
  kKept,         ///< quota
  kHealthy,      ///< endpoint (router::EndpointState from here to kEjectionEnd)
  kUnhealthy,    ///< endpoint
  kOpen,         ///< endpoint
  kHalfOpen,     ///< endpoint
  kClosed,       ///< endpoint
  kCooldown,     ///< endpoint
  kCooldownEnd,  ///< endpoint
  kEjected,      ///< endpoint
  kEjectionEnd,  ///< endpoint
  kNormal,       ///< controller (router::ControllerState from here to kFailingBack)
  kSuspect,      ///< controller
  kFailedOver,   ///< controller
  kFailingBack,  ///< controller
  kDone,         ///< runbook step
  kFailed,       ///< runbook step
  kPromoted,     ///< data store
  kPaused,       ///< failback: writes paused
  kResumed,      ///< failback: writes resumed
  kTrafficBack,  ///< failback: traffic back on a region
  kComplete,     ///< failback complete
};

/// The one spelling of each EventState, in enumerator order.
inline constexpr base::SpellingTable<EventState, 24> kEventStateSpellings{{
    {EventState::kStart, "start"},
    {EventState::kEnd, "end"},
    {EventState::kReclaimed, "reclaimed"},
    {EventState::kKept, "kept"},
    {EventState::kHealthy, "healthy"},
    {EventState::kUnhealthy, "unhealthy"},
    {EventState::kOpen, "open"},
    {EventState::kHalfOpen, "half_open"},
    {EventState::kClosed, "closed"},
    {EventState::kCooldown, "cooldown"},
    {EventState::kCooldownEnd, "cooldown_end"},
    {EventState::kEjected, "ejected"},
    {EventState::kEjectionEnd, "ejection_end"},
    {EventState::kNormal, "normal"},
    {EventState::kSuspect, "suspect"},
    {EventState::kFailedOver, "failed_over"},
    {EventState::kFailingBack, "failing_back"},
    {EventState::kDone, "done"},
    {EventState::kFailed, "failed"},
    {EventState::kPromoted, "promoted"},
    {EventState::kPaused, "paused"},
    {EventState::kResumed, "resumed"},
    {EventState::kTrafficBack, "traffic_back"},
    {EventState::kComplete, "complete"},
}};
static_assert(base::is_complete(kEventStateSpellings, EventState::kComplete));

/// The JSON spelling of `state` ("start", "unhealthy", ...).
constexpr std::string_view to_string(EventState state) { return base::spelling(kEventStateSpellings, state); }
/// The state spelt `text`, or nothing.
constexpr std::optional<EventState> event_state_from_string(std::string_view text) {
  return base::from_spelling(kEventStateSpellings, text);
}

/// The event state for a router endpoint state (same names, no text in between).
constexpr EventState event_state(router::EndpointState state) {
  using router::EndpointState;
  switch (state) {
    case EndpointState::kHealthy:
      return EventState::kHealthy;
    case EndpointState::kUnhealthy:
      return EventState::kUnhealthy;
    case EndpointState::kOpen:
      return EventState::kOpen;
    case EndpointState::kHalfOpen:
      return EventState::kHalfOpen;
    case EndpointState::kClosed:
      return EventState::kClosed;
    case EndpointState::kCooldown:
      return EventState::kCooldown;
    case EndpointState::kCooldownEnd:
      return EventState::kCooldownEnd;
    case EndpointState::kEjected:
      return EventState::kEjected;
    case EndpointState::kEjectionEnd:
      return EventState::kEjectionEnd;
  }
  return EventState::kHealthy;
}

/// The event state for a failover controller state.
constexpr EventState event_state(router::ControllerState state) {
  using router::ControllerState;
  switch (state) {
    case ControllerState::kNormal:
      return EventState::kNormal;
    case ControllerState::kSuspect:
      return EventState::kSuspect;
    case ControllerState::kFailedOver:
      return EventState::kFailedOver;
    case ControllerState::kFailingBack:
      return EventState::kFailingBack;
  }
  return EventState::kNormal;
}

}  // namespace faultline::engine
