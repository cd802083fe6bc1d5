#include "faultline/gateway/gateway_metrics.hpp"

#include <sstream>

namespace faultline::gateway {

void GatewayMetrics::reset(const router::Router& router) {
  endpoints_.assign(router.endpoint_count(), EndpointCounters{});
  probe_ok_.assign(router.endpoint_count(), 0);
  probe_failed_.assign(router.endpoint_count(), 0);
}

void GatewayMetrics::count_call(std::size_t endpoint, int status, router::Micros latency) {
  EndpointCounters& c = endpoints_[endpoint];
  ++c.calls[static_cast<std::size_t>(router::classify_status(status))];
  const double seconds = static_cast<double>(latency.count()) / 1e6;
  for (std::size_t b = 0; b < kBuckets.size(); ++b) {
    if (seconds <= kBuckets[b]) {
      ++c.buckets[b];
      break;
    }
  }
  ++c.count;
  c.latency_sum_s += seconds;
}

std::string GatewayMetrics::render(const router::Router& router, const EventRecorder& recorder,
                                   router::Micros now) const {
  std::ostringstream out;
  const char* outcomes[] = {"success", "failure", "throttled"};
  out << "# HELP faultline_gateway_calls_total Upstream calls by endpoint and outcome (router classification).\n"
         "# TYPE faultline_gateway_calls_total counter\n";
  for (std::size_t e = 0; e < endpoints_.size(); ++e) {
    for (std::size_t o = 0; o < 3; ++o) {
      out << "faultline_gateway_calls_total{endpoint=" << json_quoted(router.endpoint_name(e)) << ",outcome=\""
          << outcomes[o] << "\"} " << endpoints_[e].calls[o] << "\n";
    }
  }
  out << "# HELP faultline_gateway_unserved_total Requests answered 503 because no endpoint may serve them.\n"
         "# TYPE faultline_gateway_unserved_total counter\nfaultline_gateway_unserved_total "
      << unserved_ << "\n# HELP faultline_gateway_retries_total Attempts after the first.\n"
      << "# TYPE faultline_gateway_retries_total counter\nfaultline_gateway_retries_total " << retries_ << "\n";
  out << "# HELP faultline_gateway_call_latency_seconds Time to the first response byte.\n"
         "# TYPE faultline_gateway_call_latency_seconds histogram\n";
  for (std::size_t e = 0; e < endpoints_.size(); ++e) {
    const std::string name = json_quoted(router.endpoint_name(e));
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += endpoints_[e].buckets[b];
      out << "faultline_gateway_call_latency_seconds_bucket{endpoint=" << name << ",le=\"" << kBuckets[b] << "\"} "
          << cumulative << "\n";
    }
    out << "faultline_gateway_call_latency_seconds_bucket{endpoint=" << name << ",le=\"+Inf\"} " << endpoints_[e].count
        << "\nfaultline_gateway_call_latency_seconds_sum{endpoint=" << name << "} " << endpoints_[e].latency_sum_s
        << "\nfaultline_gateway_call_latency_seconds_count{endpoint=" << name << "} " << endpoints_[e].count << "\n";
  }
  out << "# HELP faultline_gateway_probes_total Active probe results.\n# TYPE faultline_gateway_probes_total counter\n";
  for (std::size_t e = 0; e < endpoints_.size(); ++e) {
    const std::string name = json_quoted(router.endpoint_name(e));
    out << "faultline_gateway_probes_total{endpoint=" << name << ",result=\"success\"} " << probe_ok_[e] << "\n"
        << "faultline_gateway_probes_total{endpoint=" << name << ",result=\"failure\"} " << probe_failed_[e] << "\n";
  }
  out << "# HELP faultline_gateway_endpoint_state Router view per endpoint: available, probe_healthy, cooling_down "
         "(0/1), breaker (0 closed, 1 open, 2 half_open), since_seconds (last state change).\n"
         "# TYPE faultline_gateway_endpoint_state gauge\n";
  for (std::size_t e = 0; e < endpoints_.size(); ++e) {
    const std::string name = json_quoted(router.endpoint_name(e));
    const auto gauge = [&](const char* what, double value) {
      out << "faultline_gateway_endpoint_state{endpoint=" << name << ",gauge=\"" << what << "\"} " << value << "\n";
    };
    gauge("available", router.is_available(e) ? 1 : 0);
    gauge("probe_healthy", router.is_probe_healthy(e) ? 1 : 0);
    gauge("cooling_down", router.is_cooling_down(e) ? 1 : 0);
    gauge("breaker", static_cast<double>(router.breaker_state(e)));
    gauge("since_seconds", static_cast<double>((now - recorder.endpoint_since(e).since).count()) / 1e6);
  }
  out << "# HELP faultline_gateway_controller_state Failover controller state (0 normal, 1 suspect, 2 failed_over, "
         "3 failing_back).\n# TYPE faultline_gateway_controller_state gauge\nfaultline_gateway_controller_state "
      << static_cast<int>(router.controller_state()) << "\n";
  return out.str();
}

}  // namespace faultline::gateway
