#include "faultline/cli/replay_command.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "faultline/router_config/router_config_loader.hpp"
#include "faultline/router/router.hpp"
#include "faultline/base/json_guard.hpp"
#include "faultline/base/json_reader.hpp"
#include "faultline/base/key_suggestion.hpp"

namespace faultline::cli {
namespace {

using nlohmann::json;
using router::Micros;

// Longest event line read, in bytes (docs/limits.md); a real event is under 200 bytes.
constexpr std::size_t kMaxReplayLineBytes = 64 * 1024;
// Latest event time, in ms (about 317 years): microsecond timers added to it stay far from int64 overflow.
constexpr std::int64_t kMaxReplayTimeMs = 10'000'000'000'000;

// JSON string literal for `text` (quotes included).
std::string quoted(const std::string& text) { return json(text).dump(); }

// Prints state changes as replay-format lines, synchronously, as the router reports them.
class LinePrinter final : public router::RouterObserver {
 public:
  LinePrinter(const router::RouterConfig& config, std::ostream& out) : config_(config), out_(out) {}

  void on_endpoint_state(Micros now, std::size_t endpoint, router::EndpointState state,
                         router::StateCause cause) override {
    out_ << "{\"t_ms\":" << now.count() / 1000 << ", \"endpoint\":" << quoted(config_.endpoints[endpoint].name)
         << ", \"state\":\"" << router::to_string(state) << "\", \"cause\":\"" << router::to_string(cause) << "\"}\n";
  }

  void on_controller_state(Micros now, router::ControllerState state, std::size_t target) override {
    out_ << "{\"t_ms\":" << now.count() / 1000 << ", \"controller\":\"" << router::to_string(state)
         << "\", \"to\":" << quoted(config_.endpoints[target].name) << "}\n";
  }

 private:
  const router::RouterConfig& config_;
  std::ostream& out_;
};

class EventReader {
 public:
  EventReader(const std::string& name, std::size_t line) : name_(name), line_(line) {}

  [[noreturn]] void fail(const std::string& message) const {
    throw ReplayError(name_ + ":" + std::to_string(line_) + ": " + message);
  }

  void check_keys(const json& event, const std::string& kind, const std::vector<std::string>& allowed) const {
    for (const auto& [key, value] : event.items()) {
      (void)value;
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string message = "unknown key \"" + base::JsonGuard::shorten(key) + "\" in a " + kind + " event";
      if (const auto near = base::nearest_word(key, allowed)) message += " (did you mean \"" + *near + "\"?)";
      message += "; allowed keys:";
      bool is_first = true;
      for (const std::string& a : allowed) {
        message += (is_first ? " " : ", ") + a;
        is_first = false;
      }
      fail(message);
    }
  }

  std::int64_t integer(const json& event, const char* key, std::int64_t lo, std::int64_t hi) const {
    if (!event.contains(key)) fail(std::string(key) + " is required");
    const json& v = event.at(key);
    if (!v.is_number_integer() || v.get<std::int64_t>() < lo || v.get<std::int64_t>() > hi ||
        (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(hi))) {
      fail(std::string(key) + " must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi) +
           ", got " + base::JsonGuard::excerpt(v));
    }
    return v.get<std::int64_t>();
  }

  // A non-negative duration given in `unit_us` units (fractions allowed, rounded to 1 us).
  Micros duration(const json& event, const char* key, std::int64_t unit_us) const {
    const json& v = event.at(key);
    const double limit = 1e15 / static_cast<double>(unit_us);
    if (!v.is_number() || !(v.get<double>() >= 0) || v.get<double>() > limit) {
      fail(std::string(key) + " must be a number from 0 to " + base::JsonReader::plain_number(limit) + ", got " +
           base::JsonGuard::excerpt(v));
    }
    return Micros{static_cast<std::int64_t>(std::llround(v.get<double>() * static_cast<double>(unit_us)))};
  }

  std::string string(const json& event, const char* key) const {
    if (!event.contains(key)) fail(std::string(key) + " is required");
    const json& v = event.at(key);
    if (!v.is_string()) fail(std::string(key) + " must be a string, got " + base::JsonGuard::excerpt(v));
    return v.get<std::string>();
  }

 private:
  const std::string& name_;
  std::size_t line_;
};

std::string reason_text(router::NoEndpointReason reason, const std::string& boundary,
                        const router::RouterConfig& config) {
  const std::string where = boundary.empty() ? "" : " inside boundary " + boundary;
  switch (reason) {
    case router::NoEndpointReason::kOutsideBoundary:
      return "no enabled endpoint" + where;
    case router::NoEndpointReason::kNoneAvailable:
      return "no available endpoint" + where + " and when_none_healthy is fail";
    case router::NoEndpointReason::kMaxAttempts:
      return "retry.max_attempts (" + std::to_string(config.retry->max_attempts) + ") reached";
    case router::NoEndpointReason::kRetryBudget: {
      std::ostringstream percent;
      percent << config.retry->budget_percent;
      return "retry budget exhausted (retry.budget_percent " + percent.str() + ")";
    }
    case router::NoEndpointReason::kNone:
      break;
  }
  return "";
}

// Feeds a probe or call event (`kind`) at `now` to `router`; fails on an unknown endpoint or a misplaced retry_after_s.
void replay_outcome(const EventReader& r, const json& event, const std::string& kind, router::Router& router,
                    const router::RouterConfig& config, Micros now) {
  if (kind == "probe") {
    r.check_keys(event, kind, {"t_ms", "t_us", "kind", "endpoint", "status", "latency_ms"});
  } else {
    r.check_keys(event, kind, {"t_ms", "t_us", "kind", "endpoint", "status", "latency_ms", "retry_after_s"});
  }
  const std::string name = r.string(event, "endpoint");
  const std::size_t endpoint = router.find_endpoint(name);
  if (endpoint == router::kNoEndpoint) {
    std::string known;
    for (const auto& e : config.endpoints) known += (known.empty() ? "" : ", ") + e.name;
    r.fail("unknown endpoint \"" + base::JsonGuard::shorten(name) + "\"; the configuration has: " + known);
  }
  const int status = static_cast<int>(r.integer(event, "status", 0, 599));
  const Micros latency = event.contains("latency_ms") ? r.duration(event, "latency_ms", 1000) : Micros{0};
  if (kind == "probe") {
    router.report_probe(endpoint, status, latency, now);
  } else {
    Micros retry_after{-1};
    if (event.contains("retry_after_s")) {
      if (status != 429) r.fail("retry_after_s is allowed only with status 429, got status " + std::to_string(status));
      retry_after = r.duration(event, "retry_after_s", 1000000);
    }
    router.report_call(endpoint, status, latency, now, retry_after);
  }
}

// Asks `router` for a pick for the event's request (a known id is a retry of it) at `now` and prints the decision.
void replay_pick(const EventReader& r, const json& event, std::unordered_map<std::string, router::Request>& requests,
                 router::Router& router, const router::RouterConfig& config, std::int64_t t_ms, Micros now,
                 std::ostream& out) {
  r.check_keys(event, "pick", {"t_ms", "t_us", "kind", "request", "boundary"});
  const std::string id = r.string(event, "request");
  const std::string boundary = event.contains("boundary") ? r.string(event, "boundary") : std::string();
  auto [it, is_new] = requests.try_emplace(id);
  router::Request& request = it->second;
  if (is_new) request.boundary = event.contains("boundary") ? router.boundary_id(boundary) : router::kAnyBoundary;
  const router::Pick pick = router.pick(request, now);
  out << "{\"t_ms\":" << t_ms << ", \"request\":" << quoted(id) << ", \"endpoint\":";
  if (pick.has_endpoint()) {
    out << quoted(config.endpoints[pick.endpoint].name) << "}\n";
  } else {
    out << "null, \"reason\":" << quoted(reason_text(pick.reason, boundary, config)) << "}\n";
  }
}

}  // namespace

void run_replay(const router::RouterConfig& config, std::istream& events, const std::string& events_name,
                std::ostream& out) {
  LinePrinter printer(config, out);
  router::Router router(config, &printer);
  // A request id seen before is a retry of that request (DESIGN.md has no retry event).
  std::unordered_map<std::string, router::Request> requests;
  std::string text;
  std::size_t line = 0;
  std::int64_t last_t_ms = 0;
  std::size_t last_line = 0;
  Micros last_now{0};
  while (std::getline(events, text)) {
    ++line;
    if (std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; })) continue;
    const EventReader r(events_name, line);
    if (text.size() > kMaxReplayLineBytes) {
      r.fail("a line of " + std::to_string(text.size()) + " bytes; at most " + std::to_string(kMaxReplayLineBytes) +
             " bytes per event (docs/limits.md)");
    }
    // The guard refuses deep nesting, numbers beyond a double and NULs before a value is built.
    if (const auto problem = base::JsonGuard::check(text, events_name)) {
      const std::string where = problem->json_path.empty() ? "" : problem->json_path + ": ";
      r.fail("malformed JSON: " + where + problem->problem);
    }
    const json event = json::parse(text);
    if (!event.is_object()) r.fail("an event must be a JSON object, got " + base::JsonGuard::excerpt(event));
    const std::int64_t t_ms = r.integer(event, "t_ms", 0, kMaxReplayTimeMs);
    if (last_line != 0 && t_ms < last_t_ms) {
      r.fail("t_ms " + std::to_string(t_ms) + " is earlier than " + std::to_string(last_t_ms) + " on line " +
             std::to_string(last_line) + " (t_ms must not decrease)");
    }
    // Optional t_us (the gateway's recordings): the same instant at the router's resolution.
    Micros now{t_ms * 1000};
    if (event.contains("t_us")) {
      const std::int64_t t_us = r.integer(event, "t_us", 0, std::numeric_limits<std::int64_t>::max());
      if (t_us / 1000 != t_ms) {
        r.fail("t_us " + std::to_string(t_us) + " is not within t_ms " + std::to_string(t_ms) +
               " (t_ms must be t_us / 1000, rounded down)");
      }
      if (Micros{t_us} < last_now)
        r.fail("t_us " + std::to_string(t_us) + " is earlier than on line " + std::to_string(last_line) +
               " (times must not decrease)");
      now = Micros{t_us};
    }
    last_t_ms = t_ms;
    last_line = line;
    last_now = std::max(last_now, now);
    const std::string kind = r.string(event, "kind");
    if (kind == "probe" || kind == "call") {
      replay_outcome(r, event, kind, router, config, now);
    } else if (kind == "pick") {
      replay_pick(r, event, requests, router, config, t_ms, now, out);
    } else if (kind == "tick") {
      r.check_keys(event, kind, {"t_ms", "t_us", "kind"});
      router.tick(now);
    } else {
      r.fail("unknown kind \"" + base::JsonGuard::shorten(kind) + "\"; allowed kinds: probe, call, pick, tick");
    }
  }
  out.flush();
}

void add_replay_command(CLI::App& app, std::ostream& out, ExitCode& exit_code) {
  auto config_path = std::make_shared<std::string>();
  auto events_path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "replay", "Feed recorded probe and call outcomes (JSON lines) to the router and print its decisions");
  cmd->add_option("CONFIG", *config_path, "router configuration (JSON)")->required();
  cmd->add_option("EVENTS", *events_path, "events, one JSON object per line")->required();
  cmd->callback([config_path, events_path, &out, &exit_code] {
    const router::RouterConfig config =
        router_config::load_router_config(*config_path, router_config::KeySet::kGateway);
    std::ifstream events(*events_path, std::ios::binary);
    if (!events) throw ReplayError(*events_path + ": cannot open the events file");
    run_replay(config, events, *events_path, out);
    exit_code = ExitCode::kOk;
  });
}

}  // namespace faultline::cli
