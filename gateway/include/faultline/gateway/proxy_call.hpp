#pragma once
// One client request proxied under /v1/ or /openai/: picks, attempts, retries and the
// streamed response, each outcome reported to the router (docs/gateway.md, "Failover semantics").

#include <utility>  // before Boost: 1.74 awaitable.hpp uses std::exchange without including it
#include <optional>
#include <string>

#include <boost/asio/awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "faultline/gateway/gateway_context.hpp"

namespace faultline::gateway {

/// A failed attempt's response, kept to be forwarded when no other attempt may follow.
struct FailedAttempt {
  std::size_t endpoint = router::kNoEndpoint;
  int status = 0;     // 0: no response (connect or read error, timeout)
  std::string error;  // what went wrong, for the JSON body when status is 0
  std::string content_type;
  std::string body;
  std::string retry_after;
};

/// Proxies one request; returns whether the client connection may be kept open.
class ProxyCall {
 public:
  ProxyCall(GatewayContext& context, beast::tcp_stream& client, http::request<http::string_body>& request);

  /// Runs the request to its end (response written or connection to be closed).
  asio::awaitable<bool> run();

 private:
  enum class Result { kServed, kRetry, kCut };

  asio::awaitable<Result> attempt(std::size_t endpoint);
  asio::awaitable<std::unique_ptr<UpstreamConnection>> open(std::size_t endpoint, bool may_reuse, bool& is_pooled,
                                                            beast::error_code& ec);
  asio::awaitable<Result> forward(std::size_t endpoint, UpstreamConnection& upstream,
                                  http::response_parser<http::buffer_body>& parser, router::Micros latency);
  void report(std::size_t endpoint, int status, router::Micros latency, router::Micros retry_after);
  http::request<http::string_body> upstream_request(std::size_t endpoint) const;
  asio::awaitable<void> send_failure(const router::Pick& pick);
  asio::awaitable<void> send_json(http::status status, const std::string& body, std::size_t endpoint,
                                  const std::string& retry_after);
  std::string unavailable_body(const router::Pick& pick) const;

  GatewayContext& context_;
  std::shared_ptr<RouterGeneration> generation_;
  beast::tcp_stream& client_;
  http::request<http::string_body>& request_;
  std::string id_;
  std::string boundary_;
  std::optional<FailedAttempt> last_failure_;
  bool is_keep_alive_ = true;
};

/// Retry-After of a 429 from `retry-after-ms` (milliseconds) or `Retry-After` (seconds), or -1 us.
router::Micros parse_retry_after(const http::fields& fields);

}  // namespace faultline::gateway
