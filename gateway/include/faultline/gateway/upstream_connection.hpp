#pragma once
// One HTTP/1.1 connection to an upstream, plain or TLS, used from coroutines.

#include <chrono>
#include <memory>
#include <utility>  // Boost 1.74 awaitable.hpp uses std::exchange without including it

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include "faultline/router_config/gateway_config.hpp"

namespace faultline::gateway {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

/// The Host header for `url`: the host, with the port when it is not the scheme's default.
std::string host_header(const router_config::UpstreamUrl& url);

/// A connection to `url`'s host; errors come back in `ec` (never thrown).
class UpstreamConnection {
 public:
  /// Not connected yet; `tls` is used for https upstreams.
  UpstreamConnection(asio::any_io_executor executor, asio::ssl::context& tls, const router_config::UpstreamUrl& url);

  /// Resolves and connects (and handshakes) within `timeout`.
  asio::awaitable<void> connect(std::chrono::microseconds timeout, beast::error_code& ec);
  /// Sends `request` and reads the response header within `timeout` (time to first byte).
  asio::awaitable<void> exchange(http::request<http::string_body>& request,
                                 http::response_parser<http::buffer_body>& parser, std::chrono::microseconds timeout,
                                 beast::error_code& ec);
  /// Reads more body into the parser's buffer within `timeout`; need_buffer is not an error.
  asio::awaitable<void> read_some(http::response_parser<http::buffer_body>& parser, std::chrono::microseconds timeout,
                                  beast::error_code& ec);
  /// Reads and discards the rest of a small body (up to `limit` bytes) into `body`.
  asio::awaitable<void> read_rest(http::response_parser<http::buffer_body>& parser, std::string& body,
                                  std::size_t limit, std::chrono::microseconds timeout, beast::error_code& ec);
  /// True when the connection may carry another request.
  bool is_reusable() const { return is_open_; }
  /// Marks it closed (after an error or `Connection: close`).
  void close();

 private:
  beast::tcp_stream& tcp() { return tls_ ? beast::get_lowest_layer(*tls_) : *plain_; }

  const router_config::UpstreamUrl& url_;
  std::unique_ptr<beast::tcp_stream> plain_;
  std::unique_ptr<beast::ssl_stream<beast::tcp_stream>> tls_;
  beast::flat_buffer buffer_;
  bool is_open_ = false;
};

}  // namespace faultline::gateway
