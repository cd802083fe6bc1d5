#include "faultline/router_config/gateway_config.hpp"

#include <cctype>
#include <cmath>
#include <utility>

#include "faultline/router_config/router_config_loader.hpp"

namespace faultline::router_config {
namespace {

using base::JsonReader;
using nlohmann::json;

bool is_valid_host_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == '_';
}

// A duration in milliseconds (or seconds when `unit_us` is 1e6) in (0, 1 day].
void read_timeout(JsonReader& r, const json& s, const std::string& at, std::string_view key, std::int64_t unit_us,
                  router::Micros& out) {
  const double limit = 86400.0 * 1e6 / static_cast<double>(unit_us);
  const std::string allowed = unit_us == 1000 ? "milliseconds, > 0 and <= 86400000" : "seconds, > 0 and <= 86400";
  if (const auto v = r.number(s, at, key, {.min = 0, .max = limit, .allowed = allowed})) {
    if (*v <= 0) {
      r.error(JsonReader::at(at, key), "must be greater than 0, got 0", allowed);
      return;
    }
    out = router::Micros{static_cast<std::int64_t>(std::llround(*v * static_cast<double>(unit_us)))};
  }
}

GatewayEndpoint read_endpoint(JsonReader& r, const json& e, const std::string& at) {
  GatewayEndpoint g;
  if (const auto url = r.string(e, at, "url", {.is_required = true, .allowed = "an http:// or https:// base URL"})) {
    if (const auto parsed = parse_upstream_url(*url)) {
      g.url = *parsed;
    } else {
      r.error(JsonReader::at(at, "url"), "\"" + *url + "\" is not an http(s) base URL",
              "http://HOST[:PORT][/PATH] or https://HOST[:PORT][/PATH], without query or fragment");
    }
  }
  if (const auto env = r.string(e, at, "api_key_env", {.allowed = "the name of an environment variable"})) {
    g.api_key_env = *env;
  }
  if (const auto auth = r.one_of(e, at, "auth", {.is_required = false}, {"api-key", "bearer"})) {
    g.auth = *auth == "bearer" ? AuthScheme::kBearer : AuthScheme::kApiKey;
  }
  return g;
}

void read_settings(JsonReader& r, const json& root, GatewaySettings& settings) {
  if (const json* probe = r.object(root, "", "probe", {.is_required = false})) {
    if (const auto path = r.string(*probe, "probe", "path", {.allowed = "an absolute path such as \"/health\""})) {
      if (path->front() != '/') {
        r.error("probe.path", "\"" + *path + "\" does not start with '/'", "an absolute path such as \"/health\"");
      } else {
        settings.probe_path = *path;
      }
    }
  }
  const json* s = r.object(root, "", "gateway", {.is_required = false});
  if (s == nullptr) return;
  r.check_keys(
      *s, "gateway",
      {"boundary_header", "connect_timeout_ms", "first_byte_timeout_ms", "read_timeout_ms", "shutdown_timeout_s"});
  if (const auto name = r.string(*s, "gateway", "boundary_header", {.allowed = "an HTTP header name"})) {
    settings.boundary_header = *name;
  }
  read_timeout(r, *s, "gateway", "connect_timeout_ms", 1000, settings.connect_timeout);
  read_timeout(r, *s, "gateway", "first_byte_timeout_ms", 1000, settings.first_byte_timeout);
  read_timeout(r, *s, "gateway", "read_timeout_ms", 1000, settings.read_timeout);
  read_timeout(r, *s, "gateway", "shutdown_timeout_s", 1000000, settings.shutdown_timeout);
}

GatewayConfig config_or_throw(const std::optional<json>& root, const std::string& file,
                              std::vector<base::LoadError>& errors) {
  GatewayConfig config;
  if (root) {
    JsonReader reader(file, errors);
    auto router = read_router_config(reader, *root, "", KeySet::kGateway);
    if (router) {
      config.router = std::move(*router);
      const json& endpoints = root->at("endpoints");
      for (std::size_t i = 0; i < endpoints.size(); ++i) {
        config.endpoints.push_back(
            read_endpoint(reader, endpoints[i], JsonReader::at(JsonReader::at("", "endpoints"), i)));
      }
      read_settings(reader, *root, config.settings);
    }
  }
  if (errors.empty()) return config;
  std::string message;
  for (const base::LoadError& e : errors) message += (message.empty() ? "" : "\n") + e.to_string();
  throw RouterConfigError(message);
}

}  // namespace

std::optional<UpstreamUrl> parse_upstream_url(std::string_view text) {
  UpstreamUrl url;
  std::string_view rest;
  if (text.starts_with("https://")) {
    url.is_tls = true;
    rest = text.substr(8);
  } else if (text.starts_with("http://")) {
    rest = text.substr(7);
  } else {
    return std::nullopt;
  }
  if (rest.find_first_of("?#@") != std::string_view::npos) return std::nullopt;
  const std::size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (slash != std::string_view::npos) url.base_path = std::string(rest.substr(slash));
  while (!url.base_path.empty() && url.base_path.back() == '/') url.base_path.pop_back();
  const std::size_t colon = authority.rfind(':');
  url.port = url.is_tls ? "443" : "80";
  if (colon != std::string_view::npos) {
    const std::string_view port = authority.substr(colon + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos ||
        std::stoi(std::string(port)) > 65535) {
      return std::nullopt;
    }
    url.port = std::string(port);
    authority = authority.substr(0, colon);
  }
  if (authority.empty()) return std::nullopt;
  for (const char c : authority) {
    if (!is_valid_host_char(c)) return std::nullopt;
  }
  url.host = std::string(authority);
  return url;
}

GatewayConfig parse_gateway_config(std::string_view text, const std::string& source) {
  std::vector<base::LoadError> errors;
  const auto root = JsonReader::parse(text, source, errors);
  return config_or_throw(root, source, errors);
}

GatewayConfig load_gateway_config(const std::filesystem::path& path) {
  std::vector<base::LoadError> errors;
  const auto root = JsonReader::parse_file(path, errors);
  return config_or_throw(root, path.string(), errors);
}

}  // namespace faultline::router_config
