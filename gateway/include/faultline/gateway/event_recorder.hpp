#pragma once
// What the gateway tells the router, and what the router decides, as JSON lines:
// the recording (`--record`, the replay format's input events with `t_us`) and the
// decision log on standard output (exactly the lines `faultline replay` prints).

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "faultline/router/router.hpp"
#include "faultline/router/router_observer.hpp"

namespace faultline::gateway {

/// Per-endpoint state change times, as the router reported them.
struct EndpointSince {
  router::Micros since{0};  // time of the last state change (router time, us)
  std::string state = "healthy";
};

/// Writes recording and decision lines; receives the router's state changes. Buffered,
/// flushed by flush() (the gateway calls it every second and on shutdown).
class EventRecorder final : public router::RouterObserver {
 public:
  /// `record` may be null (no recording); `log` receives decision and access lines.
  EventRecorder(std::FILE* record, std::FILE* log) : record_(record), log_(log) {}

  /// Names endpoints for the lines that follow (call again after a reload).
  void set_router(const router::Router* router);
  void on_endpoint_state(router::Micros now, std::size_t endpoint, router::EndpointState state,
                         router::StateCause cause) override;
  void on_controller_state(router::Micros now, router::ControllerState state, std::size_t target) override;

  /// Records a pick of request `id` (boundary "" = none) about to be made at `now`.
  void record_pick(router::Micros now, std::string_view id, std::string_view boundary);
  /// Logs the outcome of that pick as `faultline replay` prints it.
  void log_pick(router::Micros now, std::string_view id, const router::Pick& pick, std::string_view boundary);
  /// Records a call outcome (retry_after < 0: none) about to be reported at `now`.
  void record_call(router::Micros now, std::size_t endpoint, int status, router::Micros latency,
                   router::Micros retry_after);
  /// Records a probe outcome about to be reported at `now`.
  void record_probe(router::Micros now, std::size_t endpoint, int status, router::Micros latency);
  /// Records a timer tick about to be made at `now`.
  void record_tick(router::Micros now);
  /// Writes one operational log line (a JSON object without braces, e.g. "\"log\":\"access\", ...").
  void log_line(router::Micros now, const std::string& fields);
  /// Flushes both outputs.
  void flush();

  /// State and since-when of endpoint `endpoint`, and of the controller.
  const EndpointSince& endpoint_since(std::size_t endpoint) const { return since_[endpoint]; }
  const EndpointSince& controller_since() const { return controller_since_; }

  /// The reason text `faultline replay` prints for a pick without endpoint.
  static std::string reason_text(router::NoEndpointReason reason, std::string_view boundary,
                                 const router::RouterConfig& config);

 private:
  void record_time(router::Micros now);
  const std::string& name(std::size_t endpoint) const;

  std::FILE* record_;
  std::FILE* log_;
  const router::Router* router_ = nullptr;
  std::vector<std::string> quoted_names_;
  std::vector<EndpointSince> since_;
  EndpointSince controller_since_{router::Micros{0}, "normal"};
  std::string line_;
};

/// `text` as a JSON string literal (quotes included).
std::string json_quoted(std::string_view text);
/// Microseconds as milliseconds with three decimals ("12.345"), exact.
std::string micros_as_ms(router::Micros value);

}  // namespace faultline::gateway
