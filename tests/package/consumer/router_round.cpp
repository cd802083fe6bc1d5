// One pick/report round through the installed faultline::router: a breaker opens
// on the primary, traffic moves to the secondary, the breaker's trial call closes
// it again. Prints the picks; exits 0 when they are the ones derived below.
#include <chrono>
#include <cstdio>
#include <string>

#include "faultline/router/router.hpp"

namespace router = faultline::router;
using std::chrono::seconds;

int main() {
  router::RouterConfig config;
  router::EndpointConfig primary;
  primary.name = "eastus2";
  primary.priority = 1;
  router::EndpointConfig secondary;
  secondary.name = "centralus";
  secondary.priority = 2;
  config.endpoints = {primary, secondary};
  router::BreakerConfig breaker;
  breaker.window_size = 4;
  breaker.minimum_calls = 4;
  breaker.failure_rate_threshold = 50;
  breaker.open_wait = seconds(10);
  breaker.half_open_calls = 1;
  config.breaker = breaker;
  router::Router r(config);

  // Calls at 1..4 s answer 200, 200, 503, 503: the 4th fills the minimum of 4 calls
  // with 2 failures, 50 % >= 50 %, so the breaker opens at 4 s until 4 + 10 = 14 s.
  // The call at 5 s goes to centralus; at 14 s eastus2 is half-open and takes the
  // one trial call (priority 1), whose 200 closes the breaker; 15 s is eastus2 again.
  struct Step {
    int at_s;
    int status;
  };
  const Step steps[] = {{1, 200}, {2, 200}, {3, 503}, {4, 503}, {5, 200}, {14, 200}, {15, 200}};
  std::string picks;
  for (const Step& step : steps) {
    router::Request request;
    const router::Pick pick = r.pick(request, seconds(step.at_s));
    if (!pick.has_endpoint()) return 1;
    picks += (picks.empty() ? "" : " ") + r.endpoint_name(pick.endpoint);
    r.report_call(pick.endpoint, step.status, std::chrono::milliseconds(40), seconds(step.at_s));
  }
  const bool is_closed = r.breaker_state(0) == router::BreakerState::kClosed;
  std::printf("picks: %s\neastus2 breaker closed: %s\n", picks.c_str(), is_closed ? "yes" : "no");
  const std::string expected = "eastus2 eastus2 eastus2 eastus2 centralus eastus2 eastus2";
  return picks == expected && is_closed ? 0 : 1;
}
