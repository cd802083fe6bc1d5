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

  /// An array field; `allowed` says what it should hold.
  const json* array(const json& object, const std::string& path, std::string_view key, bool is_required,
                    std::string_view allowed = "an array");
  /// An object field.
  const json* object(const json& object, const std::string& path, std::string_view key, bool is_required);
  /// A non-empty string field.
  std::optional<std::string> string(const json& object, const std::string& path, std::string_view key, bool is_required,
                                    std::string_view allowed = "a non-empty string");
  /// A string field that must be one of `choices` (suggests the nearest on a typo).
  std::optional<std::string> one_of(const json& object, const std::string& path, std::string_view key, bool is_required,
                                    const std::vector<std::string>& choices);
  /// A boolean field.
  std::optional<bool> boolean(const json& object, const std::string& path, std::string_view key, bool is_required);
  /// A number in [min, max] (an integer when is_integer). `allowed` replaces the stated range in
  /// messages, for callers whose real limits are checked elsewhere.
  std::optional<double> number(const json& object, const std::string& path, std::string_view key, bool is_required,
                               double min, double max, bool is_integer = false, std::string_view allowed = {});
  /// A duration (seconds as a number, or "500ms"/"90s"/"15m"/"2h") in [0, max].
  std::optional<std::chrono::microseconds> duration(const json& object, const std::string& path, std::string_view key,
                                                    bool is_required, std::chrono::microseconds max,
                                                    std::string_view max_text);

  /// A number as people write it: "1000000000" not "1e+09", others with up to 15 digits.
  static std::string plain_number(double value);
  /// `words` joined with ", ".
  static std::string join(const std::vector<std::string>& words, std::string_view separator = ", ");

 private:
  const json* typed(const json& object, const std::string& path, std::string_view key, bool is_required,
                    bool (json::*is_type)() const noexcept, std::string_view type_name, std::string_view allowed);

  std::string file_;
  std::vector<LoadError>* errors_;
};

}  // namespace faultline::base
