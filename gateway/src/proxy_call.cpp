#include "faultline/gateway/proxy_call.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <nlohmann/json.hpp>

namespace faultline::gateway {
namespace {

auto with(beast::error_code& ec) { return asio::redirect_error(asio::use_awaitable, ec); }

constexpr std::size_t kChunkBytes = 16 * 1024;
constexpr std::size_t kFailureBodyLimit = 64 * 1024;

// Headers that describe one hop, not the message (RFC 9110 7.6.1), plus the gateway's own.
bool is_hop_header(const beast::string_view name) {
  return beast::iequals(name, "connection") || beast::iequals(name, "keep-alive") ||
         beast::iequals(name, "proxy-connection") || beast::iequals(name, "te") || beast::iequals(name, "trailer") ||
         beast::iequals(name, "upgrade") || beast::iequals(name, "host") || beast::iequals(name, "content-length") ||
         beast::iequals(name, "transfer-encoding");
}

std::string error_text(const beast::error_code& ec, bool is_connect) {
  if (ec == beast::error::timeout) return is_connect ? "connect timeout" : "no response before the timeout";
  if (ec == asio::error::connection_refused) return "connection refused";
  return (is_connect ? "connect failed: " : "read failed: ") + ec.message();
}

}  // namespace

router::Micros parse_retry_after(const http::fields& fields) {
  const auto ms = fields.find("retry-after-ms");
  if (ms != fields.end()) {
    char* end = nullptr;
    const std::string text(ms->value());
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() && *end == '\0' && v >= 0 && v < 1e12) return router::Micros{std::llround(v * 1000)};
  }
  const auto s = fields.find(http::field::retry_after);
  if (s != fields.end()) {
    const std::string text(s->value());
    if (!text.empty() && text.size() < 10 && text.find_first_not_of("0123456789") == std::string::npos) {
      return router::Micros{std::stoll(text) * 1000000};
    }
  }
  return router::Micros{-1};
}

ProxyCall::ProxyCall(GatewayContext& context, beast::tcp_stream& client, http::request<http::string_body>& request)
    : context_(context), generation_(context.current), client_(client), request_(request) {
  const auto id = request.find("x-request-id");
  id_ = id != request.end() && !id->value().empty() ? std::string(id->value())
                                                    : "gw-" + std::to_string(context.next_request_id++);
  const auto boundary = request.find(generation_->config.settings.boundary_header);
  if (boundary != request.end()) boundary_ = std::string(boundary->value());
  is_keep_alive_ = request.keep_alive() && !context.is_stopping;
}

asio::awaitable<bool> ProxyCall::run() {
  router::Router& router = *generation_->router;
  router::Request routing;
  if (!boundary_.empty()) routing.boundary = router.boundary_id(boundary_);
  // Without a retry section there are no retries, as in the simulator (traffic_model.cpp).
  const std::uint32_t cap = generation_->config.router.retry ? std::numeric_limits<std::uint32_t>::max() : 1U;
  while (true) {
    const bool is_current = generation_ == context_.current;
    const router::Micros now = context_.now();
    router::Pick pick;
    if (routing.attempts >= cap) {
      pick.reason = router::NoEndpointReason::kMaxAttempts;
    } else {
      if (is_current) context_.recorder->record_pick(now, id_, boundary_);
      pick = router.pick(routing, now);
      if (is_current) context_.recorder->log_pick(now, id_, pick, boundary_);
    }
    if (!pick.has_endpoint()) {
      co_await send_failure(pick);
      break;
    }
    if (routing.attempts > 1) context_.metrics.count_retry();
    const Result result = co_await attempt(pick.endpoint);
    if (result == Result::kServed) break;
    if (result == Result::kCut) {
      is_keep_alive_ = false;
      break;
    }
  }
  co_return is_keep_alive_;
}

void ProxyCall::report(std::size_t endpoint, int status, router::Micros latency, router::Micros retry_after) {
  if (generation_ != context_.current) return;  // reloaded meanwhile: the new router never saw this request
  const router::Micros now = context_.now();
  if (status != 429) retry_after = router::Micros{-1};
  context_.recorder->record_call(now, endpoint, status, latency, retry_after);
  generation_->router->report_call(endpoint, status, latency, now, retry_after);
  context_.metrics.count_call(endpoint, status, latency);
  context_.poke();
}

http::request<http::string_body> ProxyCall::upstream_request(std::size_t endpoint) const {
  const router_config::GatewayEndpoint& e = generation_->config.endpoints[endpoint];
  http::request<http::string_body> up{request_.method(), e.url.base_path + std::string(request_.target()), 11};
  for (const auto& field : request_) {
    if (is_hop_header(field.name_string())) continue;
    if (beast::iequals(field.name_string(), generation_->config.settings.boundary_header)) continue;
    const std::string& key = generation_->keys[endpoint];
    if (!key.empty() &&
        (field.name() == http::field::authorization || beast::iequals(field.name_string(), "api-key"))) {
      continue;
    }
    up.insert(field.name_string(), field.value());
  }
  up.set(http::field::host, host_header(e.url));
  up.set("x-request-id", id_);
  const std::string& key = generation_->keys[endpoint];
  if (!key.empty()) {
    if (e.auth == router_config::AuthScheme::kBearer) {
      up.set(http::field::authorization, "Bearer " + key);
    } else {
      up.set("api-key", key);
    }
  }
  up.body() = request_.body();
  up.keep_alive(true);
  up.prepare_payload();
  return up;
}

asio::awaitable<std::unique_ptr<UpstreamConnection>> ProxyCall::open(std::size_t endpoint, bool may_reuse,
                                                                     bool& is_pooled, beast::error_code& ec) {
  auto& idle = generation_->idle[endpoint];
  is_pooled = may_reuse && !idle.empty();
  if (is_pooled) {
    auto connection = std::move(idle.back());
    idle.pop_back();
    co_return connection;
  }
  auto connection = std::make_unique<UpstreamConnection>(context_.executor, context_.tls,
                                                         generation_->config.endpoints[endpoint].url);
  co_await connection->connect(generation_->config.settings.connect_timeout, ec);
  co_return connection;
}

asio::awaitable<ProxyCall::Result> ProxyCall::attempt(std::size_t endpoint) {
  const router_config::GatewaySettings& settings = generation_->config.settings;
  auto request = upstream_request(endpoint);
  const auto started = std::chrono::steady_clock::now();
  beast::error_code ec;
  std::unique_ptr<UpstreamConnection> upstream;
  std::optional<http::response_parser<http::buffer_body>> response;
  for (int tries = 0; tries < 2; ++tries) {
    bool is_pooled = false;
    ec = {};
    upstream = co_await open(endpoint, tries == 0, is_pooled, ec);
    if (ec) {
      report(endpoint, 0, std::chrono::duration_cast<router::Micros>(std::chrono::steady_clock::now() - started),
             router::Micros{-1});
      last_failure_ = FailedAttempt{endpoint, 0, error_text(ec, true), "", "", ""};
      co_return Result::kRetry;
    }
    response.emplace();
    // No limit on what is streamed through. Not boost::none: Boost 1.74 compares a Content-Length
    // against an empty optional as "greater" and refuses every framed body (body_limit).
    response->body_limit(std::numeric_limits<std::uint64_t>::max());
    co_await upstream->exchange(request, *response, settings.first_byte_timeout, ec);
    // A pooled connection the upstream closed while idle is not the upstream's failure: reconnect once.
    const bool is_stale = ec == http::error::end_of_stream || ec == asio::error::eof ||
                          ec == asio::error::connection_reset || ec == asio::error::broken_pipe;
    if (!(is_pooled && is_stale)) break;
  }
  const auto latency = std::chrono::duration_cast<router::Micros>(std::chrono::steady_clock::now() - started);
  if (ec) {
    report(endpoint, 0, latency, router::Micros{-1});
    last_failure_ = FailedAttempt{endpoint, 0, error_text(ec, false), "", "", ""};
    co_return Result::kRetry;
  }
  http::response_parser<http::buffer_body>& parser = *response;
  const int status = static_cast<int>(parser.get().result_int());
  if (router::classify_status(status) == router::CallOutcome::kSuccess) {
    const Result result = co_await forward(endpoint, *upstream, parser, latency);
    if (result == Result::kServed && parser.is_done() && upstream->is_reusable()) {
      generation_->idle[endpoint].push_back(std::move(upstream));
    }
    co_return result;
  }
  FailedAttempt failure{endpoint, status,
                        "",       std::string(parser.get()[http::field::content_type]),
                        "",       std::string(parser.get()[http::field::retry_after])};
  co_await upstream->read_rest(parser, failure.body, kFailureBodyLimit, settings.read_timeout, ec);
  if (!ec && upstream->is_reusable()) generation_->idle[endpoint].push_back(std::move(upstream));
  report(endpoint, status, latency, parse_retry_after(parser.get()));
  last_failure_ = std::move(failure);
  co_return Result::kRetry;
}

asio::awaitable<ProxyCall::Result> ProxyCall::forward(std::size_t endpoint, UpstreamConnection& upstream,
                                                      http::response_parser<http::buffer_body>& parser,
                                                      router::Micros latency) {
  const auto& head = parser.get();
  const bool is_framed = parser.chunked() || parser.content_length().has_value();
  const bool is_sse = head[http::field::content_type].starts_with("text/event-stream");
  http::response<http::buffer_body> res{head.result(), 11};
  for (const auto& field : head) {
    if (!is_hop_header(field.name_string())) res.insert(field.name_string(), field.value());
  }
  res.set("x-faultline-endpoint", generation_->router->endpoint_name(endpoint));
  res.set("x-request-id", id_);
  if (parser.chunked()) res.chunked(true);
  if (parser.content_length()) res.content_length(*parser.content_length());
  if (!is_framed) is_keep_alive_ = false;
  res.keep_alive(is_keep_alive_);
  http::response_serializer<http::buffer_body> serializer{res};
  beast::error_code ec;
  beast::error_code client_ec;
  client_.expires_after(std::chrono::seconds(60));
  co_await http::async_write_header(client_, serializer, with(client_ec));
  std::vector<char> chunk(kChunkBytes);
  while (!client_ec) {
    if (parser.is_done()) {
      res.body().data = nullptr;
      res.body().size = 0;
      res.body().more = false;
    } else {
      parser.get().body().data = chunk.data();
      parser.get().body().size = chunk.size();
      co_await upstream.read_some(parser, generation_->config.settings.read_timeout, ec);
      if (ec) break;
      res.body().size = chunk.size() - parser.get().body().size;
      res.body().more = !parser.is_done();
      // An empty buffer with more to come would be serialized as the terminating chunk.
      if (res.body().size == 0 && res.body().more) continue;
      res.body().data = res.body().size == 0 ? nullptr : chunk.data();
    }
    client_.expires_after(std::chrono::seconds(60));
    co_await http::async_write(client_, serializer, with(client_ec));
    if (client_ec == http::error::need_buffer) client_ec = {};
    if (!res.body().more) break;
  }
  if (ec) {
    // The stream broke after the first byte: no failover; an error event ends an SSE stream.
    report(endpoint, 0, latency, router::Micros{-1});
    if (is_sse && parser.chunked() && !client_ec) {
      std::string event = "event: error\ndata: " +
                          nlohmann::json{{"error",
                                          {{"type", "faultline_upstream_cut"},
                                           {"message", "upstream " + generation_->router->endpoint_name(endpoint) +
                                                           " failed mid-stream: " + error_text(ec, false)}}}}
                              .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
                          "\n\n";
      res.body().data = event.data();
      res.body().size = event.size();
      res.body().more = false;
      co_await http::async_write(client_, serializer, with(client_ec));
    }
    co_return Result::kCut;
  }
  report(endpoint, static_cast<int>(head.result_int()), latency, router::Micros{-1});
  co_return client_ec ? Result::kCut : Result::kServed;
}

std::string ProxyCall::unavailable_body(const router::Pick& pick) const {
  const router::Router& router = *generation_->router;
  const std::string reason = EventRecorder::reason_text(pick.reason, boundary_, router.config());
  nlohmann::json endpoints = nlohmann::json::array();
  const router::BoundaryId boundary = boundary_.empty() ? router::kAnyBoundary : router.boundary_id(boundary_);
  for (std::size_t e = 0; e < router.endpoint_count(); ++e) {
    const auto& b = router.config().endpoints[e].boundary;
    if (boundary != router::kAnyBoundary && (!b || router.boundary_id(*b) != boundary)) continue;
    const EndpointSince& since = context_.recorder->endpoint_since(e);
    endpoints.push_back({{"name", router.endpoint_name(e)},
                         {"available", router.is_available(e)},
                         {"probe_healthy", router.is_probe_healthy(e)},
                         {"cooling_down", router.is_cooling_down(e)},
                         {"last_state", since.state},
                         {"since_ms", since.since.count() / 1000}});
  }
  nlohmann::json body{{"error",
                       {{"type", "faultline_unavailable"},
                        {"code", "no_endpoint"},
                        {"message", "faultline-gateway: no endpoint may serve this request: " + reason},
                        {"reason", reason},
                        {"request_id", id_},
                        {"endpoints", endpoints}}}};
  if (!boundary_.empty()) body["error"]["boundary"] = boundary_;
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

asio::awaitable<void> ProxyCall::send_failure(const router::Pick& pick) {
  if (last_failure_ && last_failure_->status != 0) {
    // The last upstream answer, as it came: the client sees the real 429 or 5xx.
    http::response<http::string_body> res{static_cast<http::status>(last_failure_->status), 11};
    if (!last_failure_->content_type.empty()) res.set(http::field::content_type, last_failure_->content_type);
    if (!last_failure_->retry_after.empty()) res.set(http::field::retry_after, last_failure_->retry_after);
    res.set("x-faultline-endpoint", generation_->router->endpoint_name(last_failure_->endpoint));
    res.set("x-request-id", id_);
    res.body() = last_failure_->body;
    res.keep_alive(is_keep_alive_);
    res.prepare_payload();
    beast::error_code ec;
    co_await http::async_write(client_, res, with(ec));
    co_return;
  }
  if (last_failure_) {
    const std::string name = generation_->router->endpoint_name(last_failure_->endpoint);
    const nlohmann::json body{
        {"error",
         {{"type", "faultline_upstream_error"},
          {"code", "upstream_unreachable"},
          {"message", "faultline-gateway: upstream " + name + ": " + last_failure_->error + "; no further attempt: " +
                          EventRecorder::reason_text(pick.reason, boundary_, generation_->router->config())},
          {"request_id", id_}}}};
    co_await send_json(last_failure_->error.find("timeout") != std::string::npos ? http::status::gateway_timeout
                                                                                 : http::status::bad_gateway,
                       body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), last_failure_->endpoint,
                       "");
    co_return;
  }
  context_.metrics.count_unserved();
  co_await send_json(http::status::service_unavailable, unavailable_body(pick), router::kNoEndpoint, "1");
}

asio::awaitable<void> ProxyCall::send_json(http::status status, const std::string& body, std::size_t endpoint,
                                           const std::string& retry_after) {
  http::response<http::string_body> res{status, 11};
  res.set(http::field::content_type, "application/json");
  res.set("x-faultline-endpoint",
          endpoint == router::kNoEndpoint ? "none" : generation_->router->endpoint_name(endpoint));
  res.set("x-request-id", id_);
  if (!retry_after.empty()) res.set(http::field::retry_after, retry_after);
  res.body() = body;
  res.keep_alive(is_keep_alive_);
  res.prepare_payload();
  beast::error_code ec;
  co_await http::async_write(client_, res, with(ec));
}

}  // namespace faultline::gateway
