#include "faultline/engine/model/primary_region.hpp"

#include <algorithm>
#include <limits>

namespace faultline::engine {

std::int64_t primary_priority(const PatternSpec& pattern) {
  std::int64_t best = std::numeric_limits<std::int64_t>::max();
  for (const auto& e : pattern.router.endpoints) best = std::min(best, e.priority);
  return best;
}

bool is_primary_region(const PatternSpec& pattern, const std::string& region) {
  const std::int64_t best = primary_priority(pattern);
  return std::any_of(pattern.router.endpoints.begin(), pattern.router.endpoints.end(), [&](const auto& e) {
    return e.name == region && (pattern.is_active_active || e.priority == best);
  });
}

bool runs_in_full(const PatternSpec& pattern, const std::string& region) {
  return is_primary_region(pattern, region) || pattern.standby_fraction >= 1.0;
}

std::string pattern_primary_region(const PatternSpec& pattern) {
  const std::int64_t best = primary_priority(pattern);
  for (const auto& e : pattern.router.endpoints) {
    if (e.priority == best) return e.name;
  }
  return {};
}

}  // namespace faultline::engine
