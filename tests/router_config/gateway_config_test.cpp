#include <catch2/catch.hpp>

#include <string>

#include "faultline/router_config/gateway_config.hpp"
#include "faultline/router_config/router_config_loader.hpp"

using faultline::router_config::AuthScheme;
using faultline::router_config::GatewayConfig;
using faultline::router_config::parse_gateway_config;
using faultline::router_config::parse_upstream_url;
using faultline::router_config::RouterConfigError;

namespace {

// The error message for gateway file `text`, or "" if it parsed.
std::string error_of(const std::string& text) {
  try {
    parse_gateway_config(text, "gw.json");
  } catch (const RouterConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("gateway config: upstream URLs", "[router_config][gateway]") {
  SECTION("http with port and base path, trailing slash dropped") {
    const auto u = parse_upstream_url("http://127.0.0.1:8081/openai/");
    REQUIRE(u);
    CHECK_FALSE(u->is_tls);
    CHECK(u->host == "127.0.0.1");
    CHECK(u->port == "8081");
    CHECK(u->base_path == "/openai");
  }
  SECTION("https defaults to port 443 and the root") {
    const auto u = parse_upstream_url("https://eu.example.azure-api.net");
    REQUIRE(u);
    CHECK(u->is_tls);
    CHECK(u->port == "443");
    CHECK(u->base_path.empty());
  }
  SECTION("not a base URL") {
    CHECK_FALSE(parse_upstream_url("ftp://x"));
    CHECK_FALSE(parse_upstream_url("http://"));
    CHECK_FALSE(parse_upstream_url("http://h:99999"));
    CHECK_FALSE(parse_upstream_url("http://h/p?q=1"));
    CHECK_FALSE(parse_upstream_url("http://user@h"));
  }
}

TEST_CASE("gateway config: gateway keys with their defaults", "[router_config][gateway]") {
  const GatewayConfig c = parse_gateway_config(R"({
    "endpoints": [
      {"name": "eu", "url": "http://127.0.0.1:9001", "api_key_env": "EU_KEY", "boundary": "EU"},
      {"name": "us", "url": "https://us.example.com/v", "auth": "bearer", "priority": 2}],
    "probe": {"interval_s": 1, "path": "/status"},
    "gateway": {"boundary_header": "x-residency", "first_byte_timeout_ms": 1500}})",
                                               "gw.json");
  REQUIRE(c.endpoints.size() == 2);
  CHECK(c.router.endpoints[1].priority == 2);
  CHECK(c.endpoints[0].api_key_env == "EU_KEY");
  CHECK(c.endpoints[0].auth == AuthScheme::kApiKey);  // default: Azure's api-key header
  CHECK(c.endpoints[1].auth == AuthScheme::kBearer);
  CHECK(c.endpoints[1].url.base_path == "/v");
  CHECK(c.settings.probe_path == "/status");
  CHECK(c.settings.boundary_header == "x-residency");
  CHECK(c.settings.first_byte_timeout == std::chrono::milliseconds(1500));
  CHECK(c.settings.connect_timeout == std::chrono::seconds(2));  // default
  CHECK(c.router.probe->interval == std::chrono::seconds(1));
}

TEST_CASE("gateway config: bad gateway files name the path and what is allowed", "[router_config][gateway]") {
  CHECK(error_of(R"({"endpoints": [{"name": "a"}]})") ==
        "gw.json: endpoints[0].url: missing required key \"url\" (allowed: an http:// or https:// base URL)");
  CHECK(error_of(R"({"endpoints": [{"name": "a", "url": "tcp://h"}]})") ==
        "gw.json: endpoints[0].url: \"tcp://h\" is not an http(s) base URL (allowed: http://HOST[:PORT][/PATH] or "
        "https://HOST[:PORT][/PATH], without query or fragment)");
  CHECK_THAT(error_of(R"({"endpoints": [{"name": "a", "url": "http://h", "auth": "basic"}]})"),
             Catch::StartsWith("gw.json: endpoints[0].auth: "));
  CHECK_THAT(error_of(R"({"endpoints": [{"name": "a", "url": "http://h", "uri": "x"}]})"),
             Catch::StartsWith("gw.json: endpoints[0].uri: unknown key"));
  CHECK(error_of(R"({"endpoints": [{"name": "a", "url": "http://h"}], "gateway": {"read_timeout_ms": 0}})") ==
        "gw.json: gateway.read_timeout_ms: must be greater than 0, got 0 (allowed: milliseconds, > 0 and <= "
        "86400000)");
  CHECK(error_of(R"({"endpoints": [{"name": "a", "url": "http://h"}], "probe": {"path": "health"}})") ==
        "gw.json: probe.path: \"health\" does not start with '/' (allowed: an absolute path such as \"/health\")");
}

TEST_CASE("gateway config: the router loader takes a gateway file only when asked", "[router_config][gateway]") {
  const std::string text =
      R"({"endpoints": [{"name": "a", "url": "http://h", "auth": "bearer"}], "probe": {"path": "/h"}})";
  CHECK_THROWS_WITH(faultline::router_config::parse_router_config(text, "r.json"),
                    Catch::StartsWith("r.json: endpoints[0].auth: unknown key"));
}
