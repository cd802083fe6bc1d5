#include "faultline/gateway/upstream_connection.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace faultline::gateway {
namespace {

auto with(beast::error_code& ec) { return asio::redirect_error(asio::use_awaitable, ec); }

}  // namespace

std::string host_header(const router_config::UpstreamUrl& url) {
  return url.port == (url.is_tls ? "443" : "80") ? url.host : url.host + ":" + url.port;
}

UpstreamConnection::UpstreamConnection(asio::any_io_executor executor, asio::ssl::context& tls,
                                       const router_config::UpstreamUrl& url)
    : url_(url) {
  if (url.is_tls) {
    tls_ = std::make_unique<beast::ssl_stream<beast::tcp_stream>>(executor, tls);
  } else {
    plain_ = std::make_unique<beast::tcp_stream>(executor);
  }
}

asio::awaitable<void> UpstreamConnection::connect(std::chrono::microseconds timeout, beast::error_code& ec) {
  asio::ip::tcp::resolver resolver(tcp().get_executor());
  const auto results = co_await resolver.async_resolve(url_.host, url_.port, with(ec));
  if (ec) co_return;
  tcp().expires_after(timeout);
  co_await tcp().async_connect(results, with(ec));
  if (ec) co_return;
  beast::error_code ignored;
  tcp().socket().set_option(asio::ip::tcp::no_delay(true), ignored);
  if (tls_) {
    // SSL_set_tlsext_host_name without its C cast: SNI, so that name-based TLS front ends answer.
    if (SSL_ctrl(tls_->native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 const_cast<char*>(url_.host.c_str())) == 0) {
      ec = beast::error_code(static_cast<int>(::ERR_get_error()), asio::error::get_ssl_category());
      co_return;
    }
    tls_->set_verify_callback(asio::ssl::host_name_verification(url_.host));
    co_await tls_->async_handshake(asio::ssl::stream_base::client, with(ec));
    if (ec) co_return;
  }
  is_open_ = true;
}

asio::awaitable<void> UpstreamConnection::exchange(http::request<http::string_body>& request,
                                                   http::response_parser<http::buffer_body>& parser,
                                                   std::chrono::microseconds timeout, beast::error_code& ec) {
  tcp().expires_after(timeout);
  if (tls_) {
    co_await http::async_write(*tls_, request, with(ec));
    if (!ec) co_await http::async_read_header(*tls_, buffer_, parser, with(ec));
  } else {
    co_await http::async_write(*plain_, request, with(ec));
    if (!ec) co_await http::async_read_header(*plain_, buffer_, parser, with(ec));
  }
  if (ec) close();
}

asio::awaitable<void> UpstreamConnection::read_some(http::response_parser<http::buffer_body>& parser,
                                                    std::chrono::microseconds timeout, beast::error_code& ec) {
  tcp().expires_after(timeout);
  if (tls_) {
    co_await http::async_read_some(*tls_, buffer_, parser, with(ec));
  } else {
    co_await http::async_read_some(*plain_, buffer_, parser, with(ec));
  }
  if (ec == http::error::need_buffer) ec = {};
  if (ec) close();
  if (parser.is_done() && !parser.keep_alive()) close();
}

asio::awaitable<void> UpstreamConnection::read_rest(http::response_parser<http::buffer_body>& parser, std::string& body,
                                                    std::size_t limit, std::chrono::microseconds timeout,
                                                    beast::error_code& ec) {
  char chunk[4096];
  while (!parser.is_done()) {
    parser.get().body().data = chunk;
    parser.get().body().size = sizeof chunk;
    co_await read_some(parser, timeout, ec);
    if (ec) co_return;
    const std::size_t got = sizeof chunk - parser.get().body().size;
    if (body.size() < limit) body.append(chunk, std::min(got, limit - body.size()));
  }
}

void UpstreamConnection::close() {
  is_open_ = false;
  beast::error_code ignored;
  tcp().socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  tcp().socket().close(ignored);
}

}  // namespace faultline::gateway
