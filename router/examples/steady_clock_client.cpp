// A production-style client of faultline::router: real time from
// std::chrono::steady_clock, a (simulated) backend call per attempt, retries
// through the router, background probes when the router says they are due.
// The backend here is a stand-in: eastus2 returns 503 for requests 20000-59999
// and throttles now and then; centralus always answers. Exits 0 when every
// request was eventually served, 1 otherwise.

#include <chrono>
#include <cstdint>
#include <cstdio>

#include "faultline/router/router.hpp"

namespace {

using faultline::router::Micros;
namespace router = faultline::router;

// The router's time: steady_clock since its (arbitrary) epoch, in microseconds.
Micros steady_now() { return std::chrono::duration_cast<Micros>(std::chrono::steady_clock::now().time_since_epoch()); }

struct Response {
  int status = 200;
  Micros latency{0};
  Micros retry_after{-1};
};

// Stand-in for an HTTP call to `endpoint` while serving request number `request`.
Response call_backend(std::size_t endpoint, std::uint64_t request) {
  if (endpoint == 0 && request >= 20000 && request < 60000) return {503, std::chrono::milliseconds(900), Micros{-1}};
  if (endpoint == 0 && request % 5000 == 4999) return {429, std::chrono::milliseconds(5), std::chrono::milliseconds(2)};
  return {200, std::chrono::milliseconds(endpoint == 0 ? 40 : 55), Micros{-1}};
}

// Logs the first state changes with their time since the client started.
class PrintingObserver final : public router::RouterObserver {
 public:
  PrintingObserver(const router::Router*& router, Micros start) : router_(router), start_(start) {}
  void on_endpoint_state(Micros now, std::size_t endpoint, router::EndpointState state,
                         router::StateCause cause) override {
    if (++changes_ <= kShown) {
      std::printf("  %9.3f ms  %-10s %-12s (%s)\n", ms_since_start(now), router_->endpoint_name(endpoint).c_str(),
                  router::to_string(state), router::to_string(cause));
    }
  }
  void on_controller_state(Micros now, router::ControllerState state, std::size_t target) override {
    if (++changes_ <= kShown) {
      std::printf("  %9.3f ms  controller %-12s -> %s\n", ms_since_start(now), router::to_string(state),
                  router_->endpoint_name(target).c_str());
    }
  }
  std::uint64_t changes() const { return changes_; }

 private:
  static constexpr std::uint64_t kShown = 12;
  double ms_since_start(Micros now) const { return static_cast<double>((now - start_).count()) / 1000.0; }
  const router::Router*& router_;
  Micros start_;
  std::uint64_t changes_ = 0;
};

router::RouterConfig client_config() {
  router::RouterConfig config;
  router::EndpointConfig primary;
  primary.name = "eastus2";
  primary.priority = 1;
  router::EndpointConfig secondary;
  secondary.name = "centralus";
  secondary.priority = 2;
  config.endpoints = {primary, secondary};
  // Wall-clock durations sized for a run that lasts tens of milliseconds.
  router::BreakerConfig breaker;
  breaker.window_size = 20;
  breaker.minimum_calls = 10;
  breaker.open_wait = std::chrono::milliseconds(2);
  breaker.open_wait_multiplier = 2;
  breaker.half_open_calls = 3;
  config.breaker = breaker;
  config.throttle = router::ThrottleConfig{};
  router::RetryConfig retry;
  retry.max_attempts = 3;
  config.retry = retry;
  return config;
}

}  // namespace

int main() {
  const Micros start = steady_now();
  const router::Router* view = nullptr;
  PrintingObserver observer(view, start);
  router::Router router(client_config(), &observer);
  view = &router;

  constexpr std::uint64_t kRequests = 100000;
  std::uint64_t served = 0;
  std::uint64_t attempts = 0;
  std::uint64_t by_endpoint[2] = {0, 0};
  std::printf("steady_clock client: %llu requests, first state changes:\n", static_cast<unsigned long long>(kRequests));
  for (std::uint64_t i = 0; i < kRequests; ++i) {
    router::Request request;
    for (;;) {
      const router::Pick pick = router.pick(request, steady_now());
      if (!pick.has_endpoint()) break;
      ++attempts;
      const Response response = call_backend(pick.endpoint, i);
      router.report_call(pick.endpoint, response.status, response.latency, steady_now(), response.retry_after);
      if (response.status == 200) {
        ++served;
        ++by_endpoint[pick.endpoint];
        break;
      }
    }
    router.tick(steady_now());
  }
  const double elapsed_ms = static_cast<double>((steady_now() - start).count()) / 1000.0;
  std::printf(
      "served %llu of %llu requests in %llu attempts (%.1f ms): eastus2 %llu, centralus %llu; %llu state changes\n",
      static_cast<unsigned long long>(served), static_cast<unsigned long long>(kRequests),
      static_cast<unsigned long long>(attempts), elapsed_ms, static_cast<unsigned long long>(by_endpoint[0]),
      static_cast<unsigned long long>(by_endpoint[1]), static_cast<unsigned long long>(observer.changes()));
  return served == kRequests ? 0 : 1;
}
