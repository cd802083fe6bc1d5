#pragma once
// The application-level primary/secondary failover controller of seeds/004.

#include <cstdint>

#include "faultline/router/router_config.hpp"

namespace faultline::router {

/// normal --failure of the primary--> suspect (traffic stays on the primary;
/// background checks of the primary become due every check_interval).
/// suspect --a good check--> normal.
/// suspect --checks failed (>= 1 failed, none good) for validate_for since
///   suspicion, and >= hold_down since the last switch--> failed_over (primary excluded).
/// failed_over --a bad check--> (good-check count back to 0).
/// failed_over --failback_checks consecutive good checks and >= hold_down since
///   failing over--> failing_back (traffic returns to the primary).
/// failing_back --a good result--> normal; --a bad result--> suspect.
/// A result is any probe or call outcome of the primary; the failure that makes
/// the controller suspect is the trigger, not a check. Invariant: two switches
/// (to failed_over or to failing_back) are always >= hold_down apart.
class FailoverController {
 public:
  /// Controller for `config`; `primary` and `secondary` are endpoint indices.
  FailoverController(const FailoverConfig& config, std::size_t primary, std::size_t secondary);

  /// Current state.
  ControllerState state() const { return state_; }
  /// Endpoint the primary's traffic goes to in the current state.
  std::size_t target() const { return state_ == ControllerState::kFailedOver ? secondary_ : primary_; }
  /// The primary endpoint (first endpoint with the lowest priority value).
  std::size_t primary() const { return primary_; }
  /// True when selection must leave the primary out.
  bool is_primary_excluded() const { return state_ == ControllerState::kFailedOver; }
  /// Feeds one outcome of the primary at `now`; true if the state changed.
  bool on_primary_result(bool is_good, Micros now);
  /// Applies timers due at or before `now`; true if the state changed.
  bool advance(Micros now);
  /// Next time advance() may change the state, or kNever.
  Micros deadline() const;
  /// True when a background check of the primary is due at `now`.
  bool is_check_due(Micros now) const { return state_ != ControllerState::kNormal && now >= next_check_; }
  /// Records that the caller sends a check at `now`; the next is due check_interval later.
  void on_check_sent(Micros now) { next_check_ = now + check_interval_; }
  /// Next time a check becomes due, or kNever in state normal.
  Micros next_check() const { return state_ == ControllerState::kNormal ? kNever : next_check_; }

 private:
  void enter(ControllerState next, Micros now);
  bool is_switch_allowed(Micros now) const { return !has_switched_ || now - last_switch_ >= hold_down_; }

  Micros validate_for_;
  std::uint32_t failback_checks_;
  Micros hold_down_;
  Micros check_interval_;
  std::size_t primary_;
  std::size_t secondary_;

  ControllerState state_ = ControllerState::kNormal;
  Micros since_{0};  // when the current state was entered
  bool has_switched_ = false;
  Micros last_switch_{0};
  bool has_failed_check_ = false;  // suspect: a check failed since suspicion
  std::uint32_t good_checks_ = 0;  // failed_over: consecutive good checks
  Micros next_check_{0};
};

}  // namespace faultline::router
