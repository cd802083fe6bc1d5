#pragma once
// What an event-log entry is about; spelt in result JSON and the GUI by one table.

#include <optional>
#include <string_view>

#include "faultline/base/spelling_table.hpp"

namespace faultline::engine {

/// The kind of an EventRecord (docs/metrics.md, "Event log").
enum class EventKind {
  kFault,       ///< a scenario fault starts or ends
  kQuota,       ///< a quota_reclaimed fault takes (or cannot take) a deployment's quota
  kEndpoint,    ///< the router's view of a region endpoint
  kController,  ///< the failover controller
  kRunbook,     ///< a runbook step finishes
  kData,        ///< a data store is promoted
  kFailback,    ///< failback progress
};

/// The one spelling of each EventKind, in enumerator order.
inline constexpr base::SpellingTable<EventKind, 7> kEventKindSpellings{{
    {EventKind::kFault, "fault"},
    {EventKind::kQuota, "quota"},
    {EventKind::kEndpoint, "endpoint"},
    {EventKind::kController, "controller"},
    {EventKind::kRunbook, "runbook"},
    {EventKind::kData, "data"},
    {EventKind::kFailback, "failback"},
}};
static_assert(base::is_complete(kEventKindSpellings, EventKind::kFailback));

/// The JSON spelling of `kind` ("fault", "endpoint", ...).
constexpr std::string_view to_string(EventKind kind) { return base::spelling(kEventKindSpellings, kind); }
/// The kind spelt `text`, or nothing.
constexpr std::optional<EventKind> event_kind_from_string(std::string_view text) {
  return base::from_spelling(kEventKindSpellings, text);
}

}  // namespace faultline::engine
