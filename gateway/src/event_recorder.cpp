#include "faultline/gateway/event_recorder.hpp"

#include <sstream>

#include <nlohmann/json.hpp>

namespace faultline::gateway {

// Invalid UTF-8 (a client header, a path) becomes U+FFFD rather than an exception.
std::string json_quoted(std::string_view text) {
  return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string micros_as_ms(router::Micros value) {
  const std::int64_t us = value.count();
  const std::string frac = std::to_string(1000 + us % 1000).substr(1);
  return std::to_string(us / 1000) + "." + frac;
}

void EventRecorder::set_router(const router::Router* router) {
  router_ = router;
  quoted_names_.clear();
  for (std::size_t i = 0; i < router->endpoint_count(); ++i)
    quoted_names_.push_back(json_quoted(router->endpoint_name(i)));
  since_.assign(router->endpoint_count(), EndpointSince{});
  controller_since_ = EndpointSince{router::Micros{0}, "normal"};
}

const std::string& EventRecorder::name(std::size_t endpoint) const { return quoted_names_[endpoint]; }

void EventRecorder::on_endpoint_state(router::Micros now, std::size_t endpoint, router::EndpointState state,
                                      router::StateCause cause) {
  since_[endpoint] = EndpointSince{now, router::to_string(state)};
  std::fprintf(log_, "{\"t_ms\":%lld, \"endpoint\":%s, \"state\":\"%s\", \"cause\":\"%s\"}\n",
               static_cast<long long>(now.count() / 1000), name(endpoint).c_str(), router::to_string(state),
               router::to_string(cause));
}

void EventRecorder::on_controller_state(router::Micros now, router::ControllerState state, std::size_t target) {
  controller_since_ = EndpointSince{now, router::to_string(state)};
  std::fprintf(log_, "{\"t_ms\":%lld, \"controller\":\"%s\", \"to\":%s}\n", static_cast<long long>(now.count() / 1000),
               router::to_string(state), name(target).c_str());
}

void EventRecorder::record_time(router::Micros now) {
  std::fprintf(record_, "{\"t_ms\":%lld, \"t_us\":%lld, ", static_cast<long long>(now.count() / 1000),
               static_cast<long long>(now.count()));
}

void EventRecorder::record_pick(router::Micros now, std::string_view id, std::string_view boundary) {
  if (record_ == nullptr) return;
  record_time(now);
  line_ = "\"kind\":\"pick\", \"request\":" + json_quoted(id);
  if (!boundary.empty()) line_ += ", \"boundary\":" + json_quoted(boundary);
  std::fprintf(record_, "%s}\n", line_.c_str());
}

void EventRecorder::log_pick(router::Micros now, std::string_view id, const router::Pick& pick,
                             std::string_view boundary) {
  line_ = "{\"t_ms\":" + std::to_string(now.count() / 1000) + ", \"request\":" + json_quoted(id) + ", \"endpoint\":";
  if (pick.has_endpoint()) {
    line_ += name(pick.endpoint) + "}\n";
  } else {
    line_ += "null, \"reason\":" + json_quoted(reason_text(pick.reason, boundary, router_->config())) + "}\n";
  }
  std::fputs(line_.c_str(), log_);
}

void EventRecorder::record_call(router::Micros now, std::size_t endpoint, int status, router::Micros latency,
                                router::Micros retry_after) {
  if (record_ == nullptr) return;
  record_time(now);
  std::fprintf(record_, "\"kind\":\"call\", \"endpoint\":%s, \"status\":%d, \"latency_ms\":%s", name(endpoint).c_str(),
               status, micros_as_ms(latency).c_str());
  if (retry_after.count() >= 0) {
    std::fprintf(record_, ", \"retry_after_s\":%lld.%06lld", static_cast<long long>(retry_after.count() / 1000000),
                 static_cast<long long>(retry_after.count() % 1000000));
  }
  std::fputs("}\n", record_);
}

void EventRecorder::record_probe(router::Micros now, std::size_t endpoint, int status, router::Micros latency) {
  if (record_ == nullptr) return;
  record_time(now);
  std::fprintf(record_, "\"kind\":\"probe\", \"endpoint\":%s, \"status\":%d, \"latency_ms\":%s}\n",
               name(endpoint).c_str(), status, micros_as_ms(latency).c_str());
}

void EventRecorder::record_tick(router::Micros now) {
  if (record_ == nullptr) return;
  record_time(now);
  std::fputs("\"kind\":\"tick\"}\n", record_);
}

void EventRecorder::log_line(router::Micros now, const std::string& fields) {
  std::fprintf(log_, "{\"t_ms\":%lld, %s}\n", static_cast<long long>(now.count() / 1000), fields.c_str());
}

void EventRecorder::flush() {
  if (record_ != nullptr) std::fflush(record_);
  std::fflush(log_);
}

std::string EventRecorder::reason_text(router::NoEndpointReason reason, std::string_view boundary,
                                       const router::RouterConfig& config) {
  const std::string where = boundary.empty() ? "" : " inside boundary " + std::string(boundary);
  switch (reason) {
    case router::NoEndpointReason::kOutsideBoundary:
      return "no enabled endpoint" + where;
    case router::NoEndpointReason::kNoneAvailable:
      return "no available endpoint" + where + " and when_none_healthy is fail";
    case router::NoEndpointReason::kMaxAttempts:
      if (!config.retry) return "no retry section: one attempt per request";
      return "retry.max_attempts (" + std::to_string(config.retry->max_attempts) + ") reached";
    case router::NoEndpointReason::kRetryBudget: {
      if (!config.retry) return "retry budget exhausted";
      std::ostringstream percent;
      percent << config.retry->budget_percent;
      return "retry budget exhausted (retry.budget_percent " + percent.str() + ")";
    }
    case router::NoEndpointReason::kNone:
      break;
  }
  return "";
}

}  // namespace faultline::gateway
