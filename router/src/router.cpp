#include "faultline/router/router.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace faultline::router {
namespace {

RouterConfig validated(RouterConfig config) {
  if (auto err = find_config_error(config)) {
    throw std::invalid_argument("router configuration: " + err->path + ": " + err->message);
  }
  return config;
}

std::size_t lowest_bit(EndpointMask mask) { return static_cast<std::size_t>(std::countr_zero(mask)); }

EndpointMask bit_of(std::size_t endpoint) { return EndpointMask{1} << endpoint; }

}  // namespace

Router::Router(RouterConfig config, RouterObserver* observer)
    : config_(validated(std::move(config))), observer_(observer) {
  const std::size_t n = config_.endpoints.size();
  endpoints_.resize(n);
  priority_.reserve(n);
  weight_.reserve(n);
  latency_.reserve(n);
  current_weight_.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const EndpointConfig& e = config_.endpoints[i];
    priority_.push_back(static_cast<std::uint32_t>(e.priority));
    weight_.push_back(e.weight);
    latency_.push_back(e.latency);
    if (e.is_enabled) enabled_ |= bit_of(i);
    if (config_.probe) endpoints_[i].probe.emplace(*config_.probe);
    if (config_.breaker) endpoints_[i].breaker.emplace(*config_.breaker);
    if (e.boundary) {
      auto it = std::find(boundaries_.begin(), boundaries_.end(), *e.boundary);
      if (it == boundaries_.end()) {
        boundaries_.push_back(*e.boundary);
        boundary_masks_.push_back(0);
        it = boundaries_.end() - 1;
      }
      boundary_masks_[static_cast<std::size_t>(it - boundaries_.begin())] |= bit_of(i);
    }
  }
  if (config_.failover) {
    // Primary: first endpoint with the lowest priority value; secondary: the same among the others.
    std::size_t primary = 0;
    for (std::size_t i = 1; i < n; ++i) {
      if (priority_[i] < priority_[primary]) primary = i;
    }
    std::size_t secondary = primary == 0 ? 1 : 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (i != primary && priority_[i] < priority_[secondary]) secondary = i;
    }
    controller_.emplace(*config_.failover, primary, secondary);
  }
  if (config_.retry) budget_.emplace(config_.retry->budget_percent);
  if (config_.outlier) outlier_.emplace(*config_.outlier, n);
  if (config_.cooldown) cooldown_.emplace(*config_.cooldown, n);
  if (config_.selection.spill) spill_.emplace(*config_.selection.spill, priority_);
  for (std::size_t i = 0; i < n; ++i) refresh(i);
}

std::size_t Router::find_endpoint(std::string_view name) const {
  for (std::size_t i = 0; i < config_.endpoints.size(); ++i) {
    if (config_.endpoints[i].name == name) return i;
  }
  return kNoEndpoint;
}

BoundaryId Router::boundary_id(std::string_view boundary) const {
  for (std::size_t i = 0; i < boundaries_.size(); ++i) {
    if (boundaries_[i] == boundary) return static_cast<BoundaryId>(i);
  }
  return kUnknownBoundary;
}

bool Router::is_probe_healthy(std::size_t endpoint) const {
  const auto& probe = endpoints_[endpoint].probe;
  return !probe || probe->is_healthy();
}

BreakerState Router::breaker_state(std::size_t endpoint) const {
  const auto& breaker = endpoints_[endpoint].breaker;
  return breaker ? breaker->state() : BreakerState::kClosed;
}

ControllerState Router::controller_state() const {
  return controller_ ? controller_->state() : ControllerState::kNormal;
}

void Router::notify(Micros now, std::size_t endpoint, EndpointState state, StateCause cause) {
  if (observer_ != nullptr) observer_->on_endpoint_state(now, endpoint, state, cause);
}

void Router::refresh(std::size_t endpoint) {
  const EndpointRuntime& e = endpoints_[endpoint];
  const bool is_ok = ((enabled_ >> endpoint) & 1U) != 0 && (!e.probe || e.probe->is_healthy()) &&
                     (!e.breaker || e.breaker->permits_call()) && !e.is_cooling &&
                     !(outlier_ && outlier_->is_ejected(endpoint)) &&
                     !(controller_ && controller_->is_primary_excluded() && controller_->primary() == endpoint);
  available_ = is_ok ? available_ | bit_of(endpoint) : available_ & ~bit_of(endpoint);
}

void Router::refresh_deadline() {
  Micros next = kNever;
  for (const EndpointRuntime& e : endpoints_) {
    if (e.is_cooling) next = std::min(next, e.cooldown_until);
    if (e.breaker) next = std::min(next, e.breaker->deadline());
  }
  if (controller_) next = std::min(next, controller_->deadline());
  if (outlier_) next = std::min(next, outlier_->deadline());
  next_deadline_ = next;
}

void Router::advance(Micros now) {
  if (now < next_deadline_) return;
  for (std::size_t i = 0; i < endpoints_.size(); ++i) {
    EndpointRuntime& e = endpoints_[i];
    if (e.is_cooling && now >= e.cooldown_until) {
      e.is_cooling = false;
      notify(now, i, EndpointState::kCooldownEnd, e.cooldown_cause);
    }
    if (e.breaker && now >= e.breaker->deadline()) {
      if (e.breaker->advance(now) == CircuitBreaker::Change::kHalfOpened) {
        notify(now, i, EndpointState::kHalfOpen, StateCause::kBreaker);
      }
    }
    refresh(i);
  }
  if (outlier_) release_ejections(now);
  if (controller_ && controller_->advance(now)) {
    refresh(controller_->primary());
    if (observer_ != nullptr) observer_->on_controller_state(now, controller_->state(), controller_->target());
  }
  refresh_deadline();
}

NoEndpointReason Router::may_retry(const Request& request, Micros now) const {
  if (!config_.retry || request.attempts == 0) return NoEndpointReason::kNone;
  if (request.attempts >= config_.retry->max_attempts) return NoEndpointReason::kMaxAttempts;
  if (!budget_->allows_retry(now)) return NoEndpointReason::kRetryBudget;
  return NoEndpointReason::kNone;
}

std::size_t Router::select(EndpointMask candidates) {
  // Front Door order: lowest priority value, then within latency_band of the fastest, then weighted.
  std::uint32_t best_priority = std::numeric_limits<std::uint32_t>::max();
  Micros fastest = kNever;
  for (EndpointMask m = candidates; m != 0; m &= m - 1) {
    const std::size_t i = lowest_bit(m);
    if (priority_[i] < best_priority) {
      best_priority = priority_[i];
      fastest = latency_[i];
    } else if (priority_[i] == best_priority) {
      fastest = std::min(fastest, latency_[i]);
    }
  }
  const Micros limit = fastest + config_.selection.latency_band;
  // Smooth weighted round-robin (as nginx): every member gains its weight, the
  // largest current weight wins (first on ties) and pays the total back. Over a
  // cycle of sum(weights) picks each member is chosen exactly weight times.
  std::int64_t total = 0;
  std::size_t chosen = kNoEndpoint;
  for (EndpointMask m = candidates; m != 0; m &= m - 1) {
    const std::size_t i = lowest_bit(m);
    if (priority_[i] != best_priority || latency_[i] > limit) continue;
    current_weight_[i] += weight_[i];
    total += weight_[i];
    if (chosen == kNoEndpoint || current_weight_[i] > current_weight_[chosen]) chosen = i;
  }
  current_weight_[chosen] -= total;
  return chosen;
}

std::size_t Router::spread(EndpointMask allowed) {
  // Round-robin over `allowed`, starting after the endpoint spread chose last.
  const std::size_t n = endpoints_.size();
  const EndpointMask after = spread_cursor_ >= n ? 0 : allowed & ~(bit_of(spread_cursor_) - 1);
  const std::size_t chosen = lowest_bit(after != 0 ? after : allowed);
  spread_cursor_ = chosen + 1;
  return chosen;
}

Pick Router::pick(Request& request, Micros now) {
  advance(now);
  EndpointMask allowed = enabled_;
  if (request.boundary != kAnyBoundary) {
    allowed &= request.boundary < boundary_masks_.size() ? boundary_masks_[request.boundary] : 0;
  }
  if (allowed == 0) return Pick{kNoEndpoint, NoEndpointReason::kOutsideBoundary, false};
  const NoEndpointReason gate = may_retry(request, now);
  if (gate != NoEndpointReason::kNone) return Pick{kNoEndpoint, gate, false};
  if (budget_) {
    if (request.attempts == 0) {
      budget_->record_request(now);
    } else {
      budget_->record_retry(now);
    }
  }
  ++request.attempts;
  Pick result;
  const EndpointMask candidates = available_ & allowed & ~request.tried;
  if (candidates != 0) {
    result.endpoint = spill_ ? select_by_load(allowed, candidates, request.tried) : select(candidates);
  } else if (config_.selection.when_none_healthy == WhenNoneHealthy::kFail) {
    result.reason = NoEndpointReason::kNoneAvailable;
    return result;
  } else {
    const EndpointMask untried = allowed & ~request.tried;
    const EndpointMask pool = untried != 0 ? untried : allowed;
    const bool is_by_priority = config_.selection.when_none_healthy == WhenNoneHealthy::kPriority;
    result.endpoint = is_by_priority ? select(pool) : spread(pool);
    result.is_spread = true;
  }
  request.tried |= bit_of(result.endpoint);
  EndpointRuntime& chosen = endpoints_[result.endpoint];
  if (chosen.breaker && chosen.breaker->state() == BreakerState::kHalfOpen) {
    chosen.breaker->take_permit(now);
    refresh(result.endpoint);
    next_deadline_ = std::min(next_deadline_, chosen.breaker->deadline());
  }
  return result;
}

std::size_t Router::select_by_load(EndpointMask allowed, EndpointMask candidates, EndpointMask tried) {
  // Envoy priority load: a level by load, then the usual order inside it; a level in panic
  // routes over all its endpoints (untried first), healthy or not.
  const LevelChoice level = spill_->choose(allowed, candidates);
  if (!level.is_panic) return select(candidates & level.endpoints);
  const EndpointMask untried = allowed & level.endpoints & ~tried;
  return select(untried != 0 ? untried : allowed & level.endpoints);
}

void Router::release_ejections(Micros now) {
  const EndpointMask released = outlier_->release(now);
  for (EndpointMask m = released; m != 0; m &= m - 1) {
    const std::size_t i = lowest_bit(m);
    notify(now, i, EndpointState::kEjectionEnd, StateCause::kOutlier);
    refresh(i);
  }
}

void Router::record_passive(std::size_t endpoint, int status, Micros now, Micros retry_after) {
  // Outlier detection and the LiteLLM cooldown see every call; a 429 goes to the cooldown only
  // when no `throttle` section handles it.
  if (outlier_ && outlier_->record(endpoint, status, now)) {
    notify(now, endpoint, EndpointState::kEjected, StateCause::kOutlier);
    refresh(endpoint);
    next_deadline_ = std::min(next_deadline_, outlier_->deadline());
  }
  if (cooldown_ && !(status == 429 && config_.throttle)) {
    start_cooldown(endpoint, cooldown_->record(endpoint, status, now, retry_after), now, StateCause::kCooldown);
  }
}

void Router::start_cooldown(std::size_t endpoint, Micros duration, Micros now, StateCause cause) {
  if (duration <= Micros{0}) return;
  EndpointRuntime& e = endpoints_[endpoint];
  const Micros until = now + duration;
  if (e.is_cooling) {
    e.cooldown_until = std::max(e.cooldown_until, until);
    return;
  }
  e.is_cooling = true;
  e.cooldown_cause = cause;
  e.cooldown_until = until;
  notify(now, endpoint, EndpointState::kCooldown, cause);
  refresh(endpoint);
  next_deadline_ = std::min(next_deadline_, until);
}

void Router::on_primary_result(std::size_t endpoint, bool is_good, Micros now) {
  if (!controller_ || endpoint != controller_->primary()) return;
  const Micros deadline_before = controller_->deadline();
  const bool is_changed = controller_->on_primary_result(is_good, now);
  if (is_changed) {
    refresh(endpoint);
    if (observer_ != nullptr) observer_->on_controller_state(now, controller_->state(), controller_->target());
  }
  if (is_changed || controller_->deadline() != deadline_before) refresh_deadline();
}

void Router::report_call(std::size_t endpoint, int status, Micros latency, Micros now, Micros retry_after) {
  advance(now);
  const CallOutcome outcome = classify_status(status);
  if (outlier_ || cooldown_) record_passive(endpoint, status, now, retry_after);
  if (outcome == CallOutcome::kThrottled) {
    // Throttling is not a failure: neither the breaker nor the controller sees it.
    if (config_.throttle) {
      const bool is_honored = config_.throttle->is_retry_after_honored && retry_after >= Micros{0};
      start_cooldown(endpoint, is_honored ? retry_after : config_.throttle->default_cooldown, now,
                     StateCause::kThrottle);
    }
    return;
  }
  const bool is_failure = outcome == CallOutcome::kFailure;
  EndpointRuntime& e = endpoints_[endpoint];
  if (e.breaker) {
    const CircuitBreaker::Change change = e.breaker->record(is_failure, latency, now);
    if (change != CircuitBreaker::Change::kNone) {
      notify(now, endpoint, change == CircuitBreaker::Change::kOpened ? EndpointState::kOpen : EndpointState::kClosed,
             StateCause::kBreaker);
      refresh(endpoint);
      refresh_deadline();
    }
  }
  if (controller_ && endpoint == controller_->primary()) on_primary_result(endpoint, !is_failure, now);
}

void Router::report_probe(std::size_t endpoint, int status, Micros latency, Micros now) {
  advance(now);
  EndpointRuntime& e = endpoints_[endpoint];
  bool is_good = status == 200;
  if (e.probe) {
    const bool is_changed = e.probe->record(status, latency);
    is_good = is_good && latency <= config_.probe->timeout;
    if (e.probe->has_latency()) latency_[endpoint] = e.probe->latency();
    if (is_changed) {
      notify(now, endpoint, e.probe->is_healthy() ? EndpointState::kHealthy : EndpointState::kUnhealthy,
             StateCause::kProbe);
      refresh(endpoint);
    }
  }
  if (controller_ && endpoint == controller_->primary()) on_primary_result(endpoint, is_good, now);
}

std::size_t Router::next_due_probe(Micros now) {
  advance(now);
  const bool is_check_due = controller_ && controller_->is_check_due(now);
  if (config_.probe) {
    for (std::size_t i = 0; i < endpoints_.size(); ++i) {
      EndpointRuntime& e = endpoints_[i];
      const bool is_primary_check = is_check_due && i == controller_->primary();
      if (now >= e.next_probe || is_primary_check) {
        e.next_probe = now + config_.probe->interval;
        if (controller_ && i == controller_->primary()) controller_->on_check_sent(now);
        return i;
      }
    }
    return kNoEndpoint;
  }
  if (is_check_due) {
    controller_->on_check_sent(now);
    return controller_->primary();
  }
  return kNoEndpoint;
}

Micros Router::next_wakeup() const {
  Micros next = next_deadline_;
  if (config_.probe) {
    for (const EndpointRuntime& e : endpoints_) next = std::min(next, e.next_probe);
  }
  if (controller_) next = std::min(next, controller_->next_check());
  return next;
}

}  // namespace faultline::router
