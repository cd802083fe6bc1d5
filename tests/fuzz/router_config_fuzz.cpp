// Fuzzes the router configuration loader; a configuration that loads routes a few requests
// while probes fail and recover (faultline replay).

#include <cstdint>

#include "faultline/router_config/router_config_loader.hpp"
#include "faultline/router/router.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using faultline::router::Micros;
  faultline::router::RouterConfig config;
  try {
    config = faultline::router_config::parse_router_config(faultline::fuzz::as_text(data, size), "fuzz.json");
  } catch (const faultline::router_config::RouterConfigError&) {
    return 0;
  }
  faultline::router::Router router(config, nullptr);
  faultline::router::Request request;
  for (int second = 0; second < 120; ++second) {
    const Micros now{static_cast<std::int64_t>(second) * 1'000'000};
    for (std::size_t e = 0; e < config.endpoints.size(); ++e) {
      router.report_probe(e, second > 30 && second < 60 && e == 0 ? 503 : 200, Micros{20'000}, now);
    }
    const auto pick = router.pick(request, now);
    if (pick.has_endpoint()) router.report_call(pick.endpoint, second % 7 == 0 ? 429 : 200, Micros{50'000}, now);
    router.tick(now);
  }
  return 0;
}
