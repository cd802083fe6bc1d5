#include "model/event_log.hpp"

#include <algorithm>

namespace faultline::engine {

void EventLog::log(SimTime t, EventKind kind, std::string subject, EventState state, std::string cause) {
  if (events_.size() >= PatternResult::kMaxEvents) {
    ++events_dropped_;
    return;
  }
  events_.push_back(EventRecord{to_seconds(t), kind, std::move(subject), state, std::move(cause)});
}

void EventLog::move_into(PatternResult& result, double end_s) {
  events_.erase(std::remove_if(events_.begin(), events_.end(), [&](const EventRecord& e) { return e.t_s > end_s; }),
                events_.end());
  std::stable_sort(events_.begin(), events_.end(),
                   [](const EventRecord& a, const EventRecord& b) { return a.t_s < b.t_s; });
  result.events = std::move(events_);
  result.events_dropped = events_dropped_;
}

}  // namespace faultline::engine
