#include "faultline/gui/event_log_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace faultline::gui {
namespace {

std::string seconds_text(double s) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.0f s", s);
  return buffer;
}

}  // namespace

std::string format_clock(double t_s) {
  const bool is_negative = t_s < 0;
  const auto total = static_cast<long long>(std::floor(std::fabs(t_s)));
  const long long h = total / 3600;
  const long long m = (total % 3600) / 60;
  const long long s = total % 60;
  char buffer[48];
  if (h > 0) {
    std::snprintf(buffer, sizeof buffer, "%s%lldh %02lldm %02llds", is_negative ? "-" : "", h, m, s);
  } else {
    std::snprintf(buffer, sizeof buffer, "%s%lldm %02llds", is_negative ? "-" : "", m, s);
  }
  return buffer;
}

std::vector<EventLogEntry> build_event_log(const engine::Scenario& scenario, const engine::RunResult& result) {
  std::vector<EventLogEntry> log;
  for (const engine::FaultSpec& f : scenario.faults) {
    const std::string what = std::string(engine::to_string(f.type)) + " on " + f.target;
    log.push_back({engine::to_seconds(f.start), "", EventKind::kFaultStart, f.name + " starts: " + what});
    if (f.duration) {
      log.push_back({engine::to_seconds(f.end()), "", EventKind::kFaultEnd, f.name + " ends: " + what + " cleared"});
    }
  }
  for (const engine::PatternResult& p : result.patterns) {
    for (const engine::IncidentResult& i : p.incidents) {
      auto mark = [&](const std::optional<double>& offset, EventKind kind, const std::string& what) {
        if (offset) log.push_back({i.start_s + *offset, p.name, kind, what + " (+" + seconds_text(*offset) + ")"});
      };
      mark(i.detect_s, EventKind::kDetected, i.fault + " detected");
      mark(i.switch_s, EventKind::kSwitched, "traffic switched away from the fault");
      mark(i.full_capacity_s, EventKind::kFullCapacity, "full capacity restored");
      if (i.recovered) {
        log.push_back({i.start_s + i.rto_s, p.name, EventKind::kRecovered,
                       "recovered from " + i.fault + ": RTO " + seconds_text(i.rto_s)});
      } else {
        log.push_back({i.start_s + i.rto_s, p.name, EventKind::kNotRecovered,
                       "still below the recovery threshold after " + seconds_text(i.rto_s)});
      }
    }
  }
  std::stable_sort(log.begin(), log.end(), [](const EventLogEntry& a, const EventLogEntry& b) {
    if (a.time_s != b.time_s) return a.time_s < b.time_s;
    return a.pattern.empty() && !b.pattern.empty();
  });
  return log;
}

std::size_t entries_until(const std::vector<EventLogEntry>& log, double t_s) {
  const auto it = std::upper_bound(log.begin(), log.end(), t_s,
                                   [](double t, const EventLogEntry& e) { return t < e.time_s; });
  return static_cast<std::size_t>(it - log.begin());
}

}  // namespace faultline::gui
