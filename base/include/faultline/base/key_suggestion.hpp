#pragma once
// "Did you mean ...?" for misspelt keys and values.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::base {

/// Levenshtein edit distance between two strings (insertions, deletions, substitutions; each costs 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` if it is within max(2, a third of the longer of the two) edits, else nothing.
std::optional<std::string> nearest_word(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace faultline::base
