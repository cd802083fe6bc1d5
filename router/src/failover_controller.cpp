#include "faultline/router/failover_controller.hpp"

#include <algorithm>

namespace faultline::router {

FailoverController::FailoverController(const FailoverConfig& config, std::size_t primary, std::size_t secondary)
    : validate_for_(config.validate_for),
      failback_checks_(static_cast<std::uint32_t>(config.failback_checks)),
      hold_down_(config.hold_down),
      check_interval_(config.check_interval),
      primary_(primary),
      secondary_(secondary) {}

void FailoverController::enter(ControllerState next, Micros now) {
  if (next == ControllerState::kFailedOver || next == ControllerState::kFailingBack) {
    has_switched_ = true;
    last_switch_ = now;
  }
  if (state_ == ControllerState::kNormal) next_check_ = now;  // leaving normal: a check is due at once
  state_ = next;
  since_ = now;
  has_failed_check_ = false;
  good_checks_ = 0;
}

bool FailoverController::on_primary_result(bool is_good, Micros now) {
  switch (state_) {
    case ControllerState::kNormal:
      if (is_good) return false;
      enter(ControllerState::kSuspect, now);
      return true;
    case ControllerState::kSuspect:
      if (is_good) {
        enter(ControllerState::kNormal, now);
        return true;
      }
      has_failed_check_ = true;
      return advance(now);
    case ControllerState::kFailedOver:
      good_checks_ = is_good ? good_checks_ + 1 : 0;
      return advance(now);
    case ControllerState::kFailingBack:
      enter(is_good ? ControllerState::kNormal : ControllerState::kSuspect, now);
      return true;
  }
  return false;
}

Micros FailoverController::deadline() const {
  const Micros hold_end = has_switched_ ? last_switch_ + hold_down_ : Micros{std::numeric_limits<std::int64_t>::min()};
  if (state_ == ControllerState::kSuspect && has_failed_check_) return std::max(since_ + validate_for_, hold_end);
  if (state_ == ControllerState::kFailedOver && good_checks_ >= failback_checks_) return hold_end;
  return kNever;
}

bool FailoverController::advance(Micros now) {
  if (state_ == ControllerState::kSuspect && has_failed_check_ && now - since_ >= validate_for_ &&
      is_switch_allowed(now)) {
    enter(ControllerState::kFailedOver, now);
    return true;
  }
  if (state_ == ControllerState::kFailedOver && good_checks_ >= failback_checks_ && is_switch_allowed(now)) {
    enter(ControllerState::kFailingBack, now);
    return true;
  }
  return false;
}

}  // namespace faultline::router
