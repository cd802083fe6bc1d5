#include "faultline/base/key_suggestion.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace faultline::base {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Two-row dynamic programme: row[j] = distance between a[0..i) and b[0..j).
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string> nearest_word(std::string_view word, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const std::string& candidate : candidates) {
    const std::size_t longer = std::max(word.size(), candidate.size());
    // The limit grows with the longer word, so a forgotten unit suffix ("latency" for "latency_ms") is found.
    const std::size_t limit = std::max<std::size_t>(2, longer / 3);
    // The distance is at least the difference in length: skip the quadratic comparison of a huge word.
    const std::size_t shorter = std::min(word.size(), candidate.size());
    if (longer - shorter > limit) continue;
    const std::size_t d = edit_distance(word, candidate);
    // A distance equal to the longer length means nothing in common: no suggestion.
    if (d <= limit && d < longer && d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

}  // namespace faultline::base
