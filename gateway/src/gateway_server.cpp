#include "faultline/gateway/gateway_server.hpp"

#include <csignal>
#include <cstdlib>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <nlohmann/json.hpp>

#include "faultline/gateway/proxy_call.hpp"
#include "faultline/router_config/router_config_loader.hpp"

namespace faultline::gateway {
namespace {

auto with(beast::error_code& ec) { return asio::redirect_error(asio::use_awaitable, ec); }

constexpr std::size_t kRequestBodyLimit = 32 * 1024 * 1024;
constexpr auto kIdleClientTimeout = std::chrono::seconds(120);

bool is_proxied(beast::string_view target) { return target.starts_with("/v1/") || target.starts_with("/openai/"); }

}  // namespace

GatewayServer::GatewayServer(GatewayOptions options, std::FILE* record, std::FILE* log)
    : options_(std::move(options)), recorder_(record, log), acceptor_(io_), signals_(io_, SIGTERM, SIGINT, SIGHUP) {
  context_.executor = io_.get_executor();
  context_.recorder = &recorder_;
  context_.tls.set_default_verify_paths();
  context_.tls.set_verify_mode(asio::ssl::verify_peer);
  install(load_generation());
  asio::ip::tcp::resolver resolver(io_);
  const auto endpoint = *resolver.resolve(options_.listen_host, options_.listen_port).begin();
  acceptor_.open(endpoint.endpoint().protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint.endpoint());
  acceptor_.listen(asio::socket_base::max_listen_connections);
}

std::shared_ptr<RouterGeneration> GatewayServer::load_generation() const {
  auto generation = std::make_shared<RouterGeneration>();
  try {
    generation->config = router_config::load_gateway_config(options_.config_path);
  } catch (const router_config::RouterConfigError& e) {
    throw GatewayConfigError(e.what());
  }
  const auto& endpoints = generation->config.endpoints;
  for (std::size_t i = 0; i < endpoints.size(); ++i) {
    std::string key;
    if (!endpoints[i].api_key_env.empty()) {
      const char* value = std::getenv(endpoints[i].api_key_env.c_str());
      if (value == nullptr || *value == '\0') {
        throw GatewayConfigError(options_.config_path.string() + ": endpoints[" + std::to_string(i) +
                                 "].api_key_env: the environment variable " + endpoints[i].api_key_env +
                                 " is not set (allowed: the name of a set, non-empty variable holding the key)");
      }
      key = value;
    }
    generation->keys.push_back(std::move(key));
  }
  generation->idle.resize(endpoints.size());
  return generation;
}

void GatewayServer::install(std::shared_ptr<RouterGeneration> generation) {
  generation->router = std::make_unique<router::Router>(generation->config.router, &recorder_);
  context_.current = std::move(generation);
  recorder_.set_router(context_.current->router.get());
  context_.metrics.reset(*context_.current->router);
}

int GatewayServer::run() {
  context_.wake = std::make_unique<asio::steady_timer>(io_);
  asio::co_spawn(io_, accept_loop(), asio::detached);
  asio::co_spawn(io_, timer_loop(), asio::detached);
  asio::co_spawn(io_, flush_loop(), asio::detached);
  asio::co_spawn(io_, signal_loop(), asio::detached);
  const auto address = acceptor_.local_endpoint();
  recorder_.log_line(context_.now(),
                     "\"log\":\"listening\", \"address\":" +
                         json_quoted(address.address().to_string() + ":" + std::to_string(address.port())));
  recorder_.flush();
  io_.run();
  // The stop is decided: a late signal must not turn it into death by signal once the
  // signal set is gone (asio restores the default action when it is destroyed).
  beast::error_code ignored;
  signals_.clear(ignored);
  std::signal(SIGTERM, SIG_IGN);
  std::signal(SIGINT, SIG_IGN);
  recorder_.log_line(context_.now(), "\"log\":\"stopped\", \"in_flight\":" + std::to_string(context_.in_flight));
  recorder_.flush();
  return 0;
}

asio::awaitable<void> GatewayServer::accept_loop() {
  while (acceptor_.is_open()) {
    beast::error_code ec;
    asio::ip::tcp::socket socket = co_await acceptor_.async_accept(with(ec));
    if (ec) continue;
    asio::co_spawn(io_, session(std::move(socket)), [this](const std::exception_ptr& error) { log_failure(error); });
  }
}

asio::awaitable<void> GatewayServer::session(asio::ip::tcp::socket socket) {
  beast::error_code ignored;
  socket.set_option(asio::ip::tcp::no_delay(true), ignored);
  beast::tcp_stream client(std::move(socket));
  beast::flat_buffer buffer;
  bool is_open = true;
  while (is_open && !context_.is_stopping) {
    http::request_parser<http::string_body> parser;
    parser.body_limit(kRequestBodyLimit);
    beast::error_code ec;
    client.expires_after(kIdleClientTimeout);
    co_await http::async_read(client, buffer, parser, with(ec));
    if (ec) break;
    http::request<http::string_body> request = parser.release();
    ++context_.in_flight;
    const auto started = context_.now();
    if (is_proxied(request.target())) {
      ProxyCall call(context_, client, request);
      is_open = co_await call.run();
      recorder_.log_line(context_.now(),
                         "\"log\":\"access\", \"method\":" + json_quoted(std::string(request.method_string())) +
                             ", \"path\":" + json_quoted(std::string(request.target())) +
                             ", \"ms\":" + micros_as_ms(context_.now() - started));
    } else {
      http::response<http::string_body> res{http::status::ok, 11};
      if (request.target() == "/healthz") {
        res.set(http::field::content_type, "application/json");
        res.result(context_.is_stopping ? http::status::service_unavailable : http::status::ok);
        res.body() = context_.is_stopping ? "{\"status\":\"stopping\"}" : "{\"status\":\"ok\"}";
      } else if (request.target() == "/metrics") {
        res.set(http::field::content_type, "text/plain; version=0.0.4");
        res.body() = context_.metrics.render(*context_.current->router, recorder_, context_.now());
      } else if (request.target() == "/router/state") {
        res.set(http::field::content_type, "application/json");
        res.body() = state_json();
      } else {
        res.result(http::status::not_found);
        res.set(http::field::content_type, "application/json");
        res.body() = R"({"error":{"type":"faultline_not_found","message":"faultline-gateway serves /v1/..., )"
                     R"(/openai/..., /healthz, /metrics and /router/state"}})";
      }
      is_open = request.keep_alive() && !context_.is_stopping;
      res.keep_alive(is_open);
      res.prepare_payload();
      co_await http::async_write(client, res, with(ec));
      if (ec) is_open = false;
    }
    --context_.in_flight;
  }
  client.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
}

void GatewayServer::log_failure(const std::exception_ptr& error) {
  if (!error) return;
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    recorder_.log_line(context_.now(), "\"log\":\"error\", \"error\":" + json_quoted(e.what()));
  }
}

std::string GatewayServer::state_json() const {
  const router::Router& router = *context_.current->router;
  const router::Micros now = context_.now();
  nlohmann::json endpoints = nlohmann::json::array();
  const char* breaker[] = {"closed", "open", "half_open"};
  for (std::size_t e = 0; e < router.endpoint_count(); ++e) {
    const auto& config = router.config().endpoints[e];
    const EndpointSince& since = recorder_.endpoint_since(e);
    nlohmann::json j{{"name", config.name},
                     {"available", router.is_available(e)},
                     {"probe_healthy", router.is_probe_healthy(e)},
                     {"breaker", breaker[static_cast<int>(router.breaker_state(e))]},
                     {"cooling_down", router.is_cooling_down(e)},
                     {"last_state", since.state},
                     {"since_ms", since.since.count() / 1000},
                     {"effective_latency_ms", static_cast<double>(router.effective_latency(e).count()) / 1000.0}};
    if (config.boundary) j["boundary"] = *config.boundary;
    endpoints.push_back(j);
  }
  const EndpointSince& controller = recorder_.controller_since();
  return nlohmann::json{{"t_ms", now.count() / 1000},
                        {"controller", {{"state", controller.state}, {"since_ms", controller.since.count() / 1000}}},
                        {"endpoints", endpoints}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace faultline::gateway
