#pragma once
// faultline-gateway's server: listener, client sessions, operations endpoints, the router's
// timers and probes, signals (SIGTERM graceful stop, SIGHUP reload). One io_context thread.

#include <utility>  // before Boost: 1.74 awaitable.hpp uses std::exchange without including it
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>

#include "faultline/gateway/gateway_context.hpp"

namespace faultline::gateway {

/// Command-line settings.
struct GatewayOptions {
  std::filesystem::path config_path;
  std::string listen_host = "127.0.0.1";
  std::string listen_port = "8080";
  std::filesystem::path record_path;  // empty: no recording
};

/// A configuration that cannot be used (bad file, missing key variable); the message says why.
class GatewayConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The running gateway.
class GatewayServer {
 public:
  /// Loads the configuration (throws GatewayConfigError) and binds the listener (throws
  /// boost::system::system_error); `record` may be null, `log` receives JSON lines.
  GatewayServer(GatewayOptions options, std::FILE* record, std::FILE* log);

  /// Serves until SIGTERM or SIGINT and the graceful stop; returns the exit code (0).
  int run();

 private:
  std::shared_ptr<RouterGeneration> load_generation() const;
  void install(std::shared_ptr<RouterGeneration> generation);
  asio::awaitable<void> accept_loop();
  asio::awaitable<void> session(asio::ip::tcp::socket socket);
  asio::awaitable<void> timer_loop();
  asio::awaitable<void> flush_loop();
  asio::awaitable<void> probe(std::shared_ptr<RouterGeneration> generation, std::size_t endpoint);
  asio::awaitable<void> signal_loop();
  asio::awaitable<void> stop_gracefully();
  void reload();
  std::string state_json() const;
  /// Logs an exception that ended a session or probe (the gateway keeps serving).
  void log_failure(const std::exception_ptr& error);

  GatewayOptions options_;
  asio::io_context io_;
  GatewayContext context_;
  EventRecorder recorder_;
  asio::ip::tcp::acceptor acceptor_;
  asio::signal_set signals_;  // installed before the listening line, so no early signal kills the process
};

}  // namespace faultline::gateway
