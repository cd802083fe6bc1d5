#include "faultline/gui/event_log_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace faultline::gui {
namespace {

std::string seconds_text(double s) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.0f s", s);
  return buffer;
}

std::string tenths_text(double s) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f s", s);
  return buffer;
}

std::string spaced(std::string text) {
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

EventKind kind_of(engine::EventKind kind) {
  switch (kind) {
    case engine::EventKind::kFault:
      return EventKind::kFaultStart;
    case engine::EventKind::kQuota:
      return EventKind::kQuota;
    case engine::EventKind::kEndpoint:
      return EventKind::kEndpoint;
    case engine::EventKind::kController:
      return EventKind::kController;
    case engine::EventKind::kRunbook:
      return EventKind::kRunbook;
    case engine::EventKind::kData:
      return EventKind::kData;
    case engine::EventKind::kFailback:
      return EventKind::kFailback;
  }
  return EventKind::kFaultStart;
}

// How an event's subject is introduced ("endpoint eastus2: ..."); a fault's name stands alone.
std::string_view subject_prefix(engine::EventKind kind) {
  switch (kind) {
    case engine::EventKind::kFault:
      return "";
    case engine::EventKind::kQuota:
      return "quota ";
    case engine::EventKind::kEndpoint:
      return "endpoint ";
    case engine::EventKind::kController:
      return "controller ";
    case engine::EventKind::kRunbook:
      return "runbook step ";
    case engine::EventKind::kData:
      return "store ";
    case engine::EventKind::kFailback:
      return "failback ";
  }
  return "";
}

bool has_kind(const engine::PatternResult& p, engine::EventKind kind) {
  return std::any_of(p.events.begin(), p.events.end(), [&](const engine::EventRecord& e) { return e.kind == kind; });
}

}  // namespace

const char* to_string(EventKind kind) {
  switch (kind) {
    case EventKind::kFaultStart:
      return "fault";
    case EventKind::kFaultEnd:
      return "fault end";
    case EventKind::kDetected:
      return "detect";
    case EventKind::kSwitched:
      return "switch";
    case EventKind::kFullCapacity:
      return "capacity";
    case EventKind::kRecovered:
      return "recovered";
    case EventKind::kNotRecovered:
      return "not recovered";
    case EventKind::kEndpoint:
      return "endpoint";
    case EventKind::kController:
      return "controller";
    case EventKind::kRunbook:
      return "runbook";
    case EventKind::kData:
      return "data";
    case EventKind::kFailback:
      return "failback";
    case EventKind::kQuota:
      return "quota";
  }
  return "?";
}

std::string describe_event(const engine::EventRecord& event) {
  std::string text = std::string(subject_prefix(event.kind)) + event.subject + ": " +
                     spaced(std::string(engine::to_string(event.state)));
  if (!event.cause.empty()) text += " (" + spaced(event.cause) + ")";
  return text;
}

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
    for (const engine::EventRecord& e : p.events) {
      if (e.kind == engine::EventKind::kFault) continue;  // the scenario's fault spans above show it for every pattern
      log.push_back({e.t_s, p.name, kind_of(e.kind), describe_event(e), e.state == engine::EventState::kFailed});
    }
    const bool has_runbook_events = has_kind(p, engine::EventKind::kRunbook);
    const bool has_data_events = has_kind(p, engine::EventKind::kData);
    const bool has_failback_events = has_kind(p, engine::EventKind::kFailback);
    for (const engine::IncidentResult& i : p.incidents) {
      if (!has_runbook_events) {
        for (const engine::RunbookStepResult& st : i.runbook_steps) {
          if (st.attempts == 0) continue;
          std::string text = "runbook step " + st.id + ": " + (st.is_failed ? "failed" : "done");
          if (st.attempts > 1) text += " after " + std::to_string(st.attempts) + " attempts";
          if (st.is_critical) text += " (critical path)";
          log.push_back({i.start_s + st.end_s, p.name, EventKind::kRunbook, text, st.is_failed});
        }
      }
      if (!has_data_events) {
        for (const engine::StoreLossResult& st : i.stores) {
          if (st.promoted_s) {
            log.push_back({i.start_s + *st.promoted_s, p.name, EventKind::kData,
                           "store " + st.store + ": promoted (RPO " + tenths_text(st.rpo_s) + ", " +
                               std::to_string(st.lost_writes) + " lost writes)"});
          }
        }
      }
      if (!has_failback_events && i.failback && i.failback->complete_s) {
        log.push_back({i.start_s + *i.failback->complete_s, p.name, EventKind::kFailback,
                       "failback complete (" + std::to_string(i.failback->failed_requests) + " failed requests)"});
      }
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
  const auto it =
      std::upper_bound(log.begin(), log.end(), t_s, [](double t, const EventLogEntry& e) { return t < e.time_s; });
  return static_cast<std::size_t>(it - log.begin());
}

}  // namespace faultline::gui
