#pragma once
// One spelling per enumerator, for enums that cross into JSON or the GUI as text:
// a constexpr table in enumerator order, checked at compile time, read both ways.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace faultline::base {

/// Entry i spells the enumerator whose value is i.
template <class Enum, std::size_t N>
using SpellingTable = std::array<std::pair<Enum, std::string_view>, N>;

/// True when entry i holds enumerator i and `last` is the final entry: every enumerator
/// from the first to `last` has exactly one spelling (use in a static_assert).
template <class Enum, std::size_t N>
constexpr bool is_complete(const SpellingTable<Enum, N>& table, Enum last) {
  for (std::size_t i = 0; i < N; ++i) {
    if (static_cast<std::size_t>(table[i].first) != i || table[i].second.empty()) return false;
  }
  return N > 0 && table[N - 1].first == last;
}

/// The spelling of `value` (a table that passed is_complete).
template <class Enum, std::size_t N>
constexpr std::string_view spelling(const SpellingTable<Enum, N>& table, Enum value) {
  return table[static_cast<std::size_t>(value)].second;
}

/// The enumerator spelt `text`, or nothing.
template <class Enum, std::size_t N>
constexpr std::optional<Enum> from_spelling(const SpellingTable<Enum, N>& table, std::string_view text) {
  for (const auto& [value, name] : table) {
    if (name == text) return value;
  }
  return std::nullopt;
}

/// Every spelling, joined with ", " in enumerator order (for "allowed: ..." in messages).
template <class Enum, std::size_t N>
std::string joined_spellings(const SpellingTable<Enum, N>& table) {
  std::string text;
  for (const auto& entry : table) {
    if (!text.empty()) text += ", ";
    text += entry.second;
  }
  return text;
}

}  // namespace faultline::base
