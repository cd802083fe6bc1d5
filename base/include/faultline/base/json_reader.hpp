#pragma once
// Reads typed fields out of a JSON document while collecting every problem as a
// LoadError with the file, the JSON path, what is wrong and what is allowed.
// Shared by every loader (topology, scenario, router configuration).

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "faultline/base/load_error.hpp"

namespace faultline::base {

/// How one field is read, named at the call site with designated initialisers,
/// e.g. `{.is_required = true, .allowed = "a region id"}`.
struct FieldOptions {
  bool is_required = false;       ///< a missing key is an error (else it reads as nothing)
  std::string_view allowed = {};  ///< what the field may hold, for messages; empty = the accessor's own wording
};

/// How one number field is read: `{.is_required = true, .min = 1, .max = 100, .is_integer = true}`.
struct NumberOptions {
  bool is_required = false;       ///< a missing key is an error
  double min = 0.0;               ///< smallest allowed value, in the field's unit
  double max = 0.0;               ///< largest allowed value, in the field's unit
  bool is_integer = false;        ///< a fractional value is an error
  std::string_view allowed = {};  ///< replaces the stated range in messages (limits checked elsewhere); empty = range
};

/// How one duration field is read: `{.is_required = true, .max = std::chrono::hours(1), .max_text = "1h"}`.
struct DurationOptions {
  bool is_required = false;         ///< a missing key is an error
  std::chrono::microseconds max{};  ///< longest allowed duration, µs
  std::string_view max_text = {};   ///< `max` as written in messages ("366 days")
};

/// Field reader over one file. Every accessor returns nothing (and records an
/// error) when the field is missing-but-required, of the wrong type or out of
/// range; optional fields that are absent return nothing without an error.
class JsonReader {
 public:
  using json = nlohmann::json;

  /// A reader that appends its findings to `errors` (which must outlive it).
  JsonReader(std::string file, std::vector<LoadError>& errors) : file_(std::move(file)), errors_(&errors) {}

  /// Parses `text`; on a syntax error records it with 1-based line and column. `callback`, if
  /// given, sees every parse event (e.g. to find duplicate keys).
  static std::optional<json> parse(std::string_view text, const std::string& file, std::vector<LoadError>& errors,
                                   const json::parser_callback_t& callback = nullptr);
  /// Reads and parses a file; a missing or unreadable file is an error naming it.
  static std::optional<json> parse_file(const std::filesystem::path& path, std::vector<LoadError>& errors);

  /// `path.key`, or `key` at the root.
  static std::string at(const std::string& path, std::string_view key);
  /// `path[index]`.
  static std::string at(const std::string& path, std::size_t index);
  /// Records one problem at `path`.
  void error(const std::string& path, std::string problem, std::string allowed);
  /// The file this reader reports against.
  [[nodiscard]] const std::string& file() const { return file_; }
  /// Number of problems recorded so far (by every reader on the same list).
  [[nodiscard]] std::size_t error_count() const { return errors_->size(); }

  /// True if `value` is an object; else records "expected an object".
  bool expect_object(const json& value, const std::string& path, std::string_view what);
  /// Records every key of `object` not in `allowed`, suggesting the nearest allowed key.
  void check_keys(const json& object, const std::string& path, const std::vector<std::string>& allowed);

  /// An array field; `options.allowed` says what it should hold ("an array" when empty).
  const json* array(const json& object, const std::string& path, std::string_view key, FieldOptions options);
  /// An object field.
  const json* object(const json& object, const std::string& path, std::string_view key, FieldOptions options);
  /// A non-empty string field ("a non-empty string" in messages unless `options.allowed`).
  std::optional<std::string> string(const json& object, const std::string& path, std::string_view key,
                                    FieldOptions options);
  /// A string field that must be one of `choices` (suggests the nearest on a typo).
  std::optional<std::string> one_of(const json& object, const std::string& path, std::string_view key,
                                    FieldOptions options, const std::vector<std::string>& choices);
  /// A boolean field.
  std::optional<bool> boolean(const json& object, const std::string& path, std::string_view key, FieldOptions options);
  /// A number in [options.min, options.max] (an integer when options.is_integer).
  std::optional<double> number(const json& object, const std::string& path, std::string_view key,
                               NumberOptions options);
  /// A duration (seconds as a number, or "500ms"/"90s"/"15m"/"2h") in [0, options.max].
  std::optional<std::chrono::microseconds> duration(const json& object, const std::string& path, std::string_view key,
                                                    DurationOptions options);

  /// A number as people write it: "1000000000" not "1e+09", others with up to 15 digits.
  static std::string plain_number(double value);
  /// `words` joined with ", ".
  static std::string join(const std::vector<std::string>& words, std::string_view separator = ", ");

 private:
  const json* typed(const json& object, const std::string& path, std::string_view key, FieldOptions options,
                    bool (json::*is_type)() const noexcept, std::string_view type_name);

  std::string file_;
  std::vector<LoadError>* errors_;
};

}  // namespace faultline::base
