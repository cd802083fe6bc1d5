#pragma once
// The primary region rule, in one place: a pattern's primaries are its endpoints of the lowest
// priority value (every endpoint when active/active); they write the pattern's data and take its
// traffic first. A region runs in full before an outage when it is a primary or the pattern keeps
// its standbys at full size. The cost model, the traffic model and the data layer all ask here.

#include <cstdint>
#include <string>

#include "faultline/engine/model/scenario.hpp"

namespace faultline::engine {

/// The lowest priority value among the pattern's endpoints; INT64_MAX when it has none.
std::int64_t primary_priority(const PatternSpec& pattern);

/// True when the endpoint `region` is a primary of `pattern` (false when it is no endpoint of it).
bool is_primary_region(const PatternSpec& pattern, const std::string& region);

/// True when the endpoint `region` runs in full before an outage: a primary, or any endpoint when
/// the pattern's standby fraction is >= 1.
bool runs_in_full(const PatternSpec& pattern, const std::string& region);

/// The region a pattern's steady-state traffic goes to first: its first endpoint (in configuration
/// order) of the lowest priority value; "" when it has none.
std::string pattern_primary_region(const PatternSpec& pattern);

}  // namespace faultline::engine
