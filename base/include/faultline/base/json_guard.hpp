#pragma once
// Limits every faultline JSON reader enforces on the text before it builds a value:
// nesting depth (deep values overflow the stack when copied or printed), numbers a
// double can hold, and no NUL character in a string. See docs/limits.md.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "faultline/base/load_error.hpp"

namespace faultline::base {

/// Deepest nesting of arrays and objects any faultline file may have (the shipped files use 6).
inline constexpr std::size_t kMaxJsonDepth = 64;
/// Most elements of one array (or keys of one object) in an input file: topologies, scenarios,
/// router configurations (a 10,000-deployment topology loads in well under a second).
inline constexpr std::size_t kMaxInputElements = 10'000;
/// Most elements of one array in a document faultline wrote (results, mc and plan files).
inline constexpr std::size_t kMaxDocumentElements = 10'000'000;
/// Longest excerpt of an offending value printed in a message, in characters.
inline constexpr std::size_t kMaxExcerptChars = 60;

/// Checks JSON text without building it; reports the first problem with its place.
class JsonGuard {
 public:
  /// The first problem in `text` (syntax, a number beyond a double, nesting deeper than
  /// kMaxJsonDepth, an array or object of more than `max_elements`, a NUL character in a string
  /// or key), located by line/column or JSON path.
  static std::optional<LoadError> check(std::string_view text, const std::string& file,
                                        std::size_t max_elements = kMaxInputElements);

  /// nlohmann's message without its "[json.exception.x.n] ... column c: " prefix.
  static std::string plain_message(const std::string& what);

  /// `text` cut to kMaxExcerptChars with "..." at a UTF-8 character boundary.
  static std::string shorten(std::string_view text);

  /// `value` as compact JSON, cut to kMaxExcerptChars with "..." (safe for any value that passed check()).
  template <class Json>
  static std::string excerpt(const Json& value) {
    if (value.is_array() && value.size() > kMaxExcerptChars)
      return "an array of " + std::to_string(value.size()) + " elements";
    if (value.is_object() && value.size() > kMaxExcerptChars)
      return "an object of " + std::to_string(value.size()) + " keys";
    const std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return shorten(text);
  }
};

}  // namespace faultline::base
