// GatewayServer's router timers, probes, flushing and signals.
#include <algorithm>
#include <utility>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "faultline/gateway/gateway_server.hpp"

namespace faultline::gateway {
namespace {

auto with(beast::error_code& ec) { return asio::redirect_error(asio::use_awaitable, ec); }

constexpr auto kMaxTimerSleep = std::chrono::seconds(1);

}  // namespace

asio::awaitable<void> GatewayServer::timer_loop() {
  while (!context_.is_stopping) {
    const std::shared_ptr<RouterGeneration> generation = context_.current;
    router::Router& router = *generation->router;
    const router::Micros now = context_.now();
    if (router.next_wakeup() <= now) {
      recorder_.record_tick(now);
      router.tick(now);
      for (std::size_t e = router.next_due_probe(now); e != router::kNoEndpoint; e = router.next_due_probe(now)) {
        asio::co_spawn(io_, probe(generation, e), [this](const std::exception_ptr& error) { log_failure(error); });
      }
    }
    const router::Micros next = router.next_wakeup();
    router::Micros sleep = next == router::kNever ? router::Micros{kMaxTimerSleep} : next - now;
    sleep = std::clamp(sleep, router::Micros{0}, router::Micros{kMaxTimerSleep});
    context_.wake->expires_at(context_.start + now + sleep);
    beast::error_code ec;
    co_await context_.wake->async_wait(with(ec));
  }
}

asio::awaitable<void> GatewayServer::probe(std::shared_ptr<RouterGeneration> generation, std::size_t endpoint) {
  const router_config::GatewayEndpoint& e = generation->config.endpoints[endpoint];
  const std::chrono::microseconds timeout = generation->config.router.probe
                                                ? generation->config.router.probe->timeout
                                                : generation->config.settings.first_byte_timeout;
  const auto started = std::chrono::steady_clock::now();
  UpstreamConnection connection(context_.executor, context_.tls, e.url);
  beast::error_code ec;
  int status = 0;
  co_await connection.connect(timeout, ec);
  if (!ec) {
    http::request<http::string_body> request{http::verb::get, e.url.base_path + generation->config.settings.probe_path,
                                             11};
    request.set(http::field::host, host_header(e.url));
    request.set(http::field::user_agent, "faultline-gateway-probe");
    const std::string& key = generation->keys[endpoint];
    if (!key.empty()) {
      request.set(e.auth == router_config::AuthScheme::kBearer ? "authorization" : "api-key",
                  e.auth == router_config::AuthScheme::kBearer ? "Bearer " + key : key);
    }
    request.keep_alive(false);
    http::response_parser<http::buffer_body> parser;
    const auto left =
        timeout - std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
    co_await connection.exchange(request, parser, left, ec);
    if (!ec) status = static_cast<int>(parser.get().result_int());
    connection.close();
  }
  const auto latency = std::chrono::duration_cast<router::Micros>(std::chrono::steady_clock::now() - started);
  if (generation != context_.current || context_.is_stopping) co_return;
  const router::Micros now = context_.now();
  recorder_.record_probe(now, endpoint, status, latency);
  generation->router->report_probe(endpoint, status, latency, now);
  context_.metrics.count_probe(endpoint, status >= 200 && status <= 399);
  context_.poke();
}

asio::awaitable<void> GatewayServer::flush_loop() {
  asio::steady_timer timer(io_);
  while (!context_.is_stopping) {
    timer.expires_after(std::chrono::seconds(1));
    beast::error_code ec;
    co_await timer.async_wait(with(ec));
    recorder_.flush();
  }
}

// The first SIGTERM/SIGINT starts the graceful stop; a second one during the drain is an
// operator who will not wait (Ctrl-C twice): the gateway abandons what is in flight, logs it
// and exits 0 at once instead of dying of the signal. SIGHUP during the drain is ignored.
asio::awaitable<void> GatewayServer::signal_loop() {
  while (true) {
    beast::error_code ec;
    const int signal = co_await signals_.async_wait(with(ec));
    if (ec) co_return;
    if (signal == SIGHUP) {
      if (!context_.is_stopping) reload();
      continue;
    }
    if (!context_.is_stopping) {
      asio::co_spawn(io_, stop_gracefully(), asio::detached);
      continue;
    }
    recorder_.log_line(context_.now(), "\"log\":\"forced_stop\", \"signal\":" + std::to_string(signal) +
                                           ", \"abandoned\":" + std::to_string(context_.in_flight));
    recorder_.flush();
    io_.stop();
    co_return;
  }
}

void GatewayServer::reload() {
  try {
    install(load_generation());
    recorder_.log_line(context_.now(),
                       "\"log\":\"reload\", \"ok\":true, \"config\":" + json_quoted(options_.config_path.string()));
    context_.wake->cancel();
  } catch (const GatewayConfigError& e) {
    recorder_.log_line(context_.now(),
                       "\"log\":\"reload\", \"ok\":false, \"kept\":\"the previous configuration\", "
                       "\"error\":" +
                           json_quoted(e.what()));
  }
  recorder_.flush();
}

asio::awaitable<void> GatewayServer::stop_gracefully() {
  context_.is_stopping = true;
  beast::error_code ignored;
  acceptor_.close(ignored);
  context_.wake->cancel();
  recorder_.log_line(context_.now(), "\"log\":\"stopping\", \"in_flight\":" + std::to_string(context_.in_flight));
  const auto deadline = std::chrono::steady_clock::now() + context_.current->config.settings.shutdown_timeout;
  asio::steady_timer timer(io_);
  while (context_.in_flight > 0 && std::chrono::steady_clock::now() < deadline) {
    timer.expires_after(std::chrono::milliseconds(20));
    co_await timer.async_wait(with(ignored));
  }
  if (context_.in_flight > 0) {
    recorder_.log_line(context_.now(),
                       "\"log\":\"shutdown_timeout\", \"abandoned\":" + std::to_string(context_.in_flight));
  }
  recorder_.flush();
  io_.stop();
}

}  // namespace faultline::gateway
