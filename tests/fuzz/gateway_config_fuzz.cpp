// Fuzzes the faultline-gateway configuration (the router keys plus url, api_key_env, auth,
// probe.path and the gateway section), as `faultline-gateway --config` reads it at start
// and on SIGHUP; a configuration that loads builds its router and picks once, as the gateway does.

#include <cstdint>

#include "faultline/router_config/gateway_config.hpp"
#include "faultline/router_config/router_config_loader.hpp"
#include "faultline/router/router.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace rc = faultline::router_config;
  try {
    const rc::GatewayConfig config = rc::parse_gateway_config(faultline::fuzz::as_text(data, size), "fuzz.json");
    faultline::router::Router router(config.router, nullptr);
    faultline::router::Request request;
    (void)router.pick(request, faultline::router::Micros{0});
  } catch (const rc::RouterConfigError&) {
    return 0;
  }
  return 0;
}
