#pragma once
// The gateway's configuration file: a router configuration (docs/router.md) whose endpoints
// also carry an upstream URL and credentials, plus the gateway's own settings (docs/gateway.md).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "faultline/base/json_reader.hpp"
#include "faultline/router/router_config.hpp"

namespace faultline::router_config {

/// An upstream base URL split into its parts.
struct UpstreamUrl {
  bool is_tls = false;  // https
  std::string host;
  std::string port;       // "80"/"443" when the URL has none
  std::string base_path;  // without the trailing '/', "" for the root
};

/// How the upstream's key is sent (`auth`): Azure's `api-key` header or `Authorization: Bearer`.
enum class AuthScheme : std::uint8_t { kApiKey, kBearer };

/// The gateway part of one endpoint (same index as in RouterConfig::endpoints).
struct GatewayEndpoint {
  UpstreamUrl url;
  std::string api_key_env;  // environment variable holding the key; "" = no key sent
  AuthScheme auth = AuthScheme::kApiKey;
};

/// The `gateway` section.
struct GatewaySettings {
  std::string probe_path = "/health";                            // `probe.path`
  std::string boundary_header = "x-faultline-boundary";          // `gateway.boundary_header`
  router::Micros connect_timeout = std::chrono::seconds(2);      // `gateway.connect_timeout_ms`
  router::Micros first_byte_timeout = std::chrono::seconds(60);  // `gateway.first_byte_timeout_ms`
  router::Micros read_timeout = std::chrono::seconds(60);        // `gateway.read_timeout_ms` (between bytes)
  router::Micros shutdown_timeout = std::chrono::seconds(30);    // `gateway.shutdown_timeout_s`
};

/// A whole gateway file.
struct GatewayConfig {
  router::RouterConfig router;
  std::vector<GatewayEndpoint> endpoints;
  GatewaySettings settings;
};

/// `text` as an http(s) base URL, or nothing when it is not one.
std::optional<UpstreamUrl> parse_upstream_url(std::string_view text);

/// Parses a gateway file's text; `source` names it in messages. Throws RouterConfigError
/// with every problem (file, JSON path, what is wrong, what is allowed), one per line.
GatewayConfig parse_gateway_config(std::string_view text, const std::string& source);

/// Reads and parses the gateway file at `path`. Throws RouterConfigError.
GatewayConfig load_gateway_config(const std::filesystem::path& path);

}  // namespace faultline::router_config
