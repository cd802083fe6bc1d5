#pragma once
// Internal to reports: walks a parsed JSON document member by member and turns
// every wrong value into a ResultReadError "FILE: JSON.PATH: problem (allowed:
// ...)". The result, Monte Carlo and plan readers share it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace faultline::contract {

/// Reads values out of one document; every failure names the file and the JSON path.
class JsonWalker {
 public:
  using Json = nlohmann::json;

  /// A walker whose messages name `file`.
  explicit JsonWalker(std::string file) : file_(std::move(file)) {}

  /// Parses `text` (the content of `file`); a syntax error throws "FILE:LINE:COLUMN: problem (allowed: ...)".
  static Json parse(std::string_view text, const std::string& file, const std::string& problem,
                    const std::string& allowed);

  /// "null", "a boolean", "a number", "a string", "an array" or "an object", for messages.
  static std::string type_name(const Json& j);
  /// `path.key` (just `key` at the root).
  static std::string child(const std::string& path, const char* key) { return path.empty() ? key : path + "." + key; }
  /// `path[i]`.
  static std::string index(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

  /// Throws ResultReadError(file, path, problem, allowed).
  [[noreturn]] void fail(const std::string& path, const std::string& problem, const std::string& allowed) const;

  /// The member `key` of the object `o` at `path`; fails when `o` is no object or has no such key.
  const Json& member(const Json& o, const std::string& path, const char* key) const;
  /// `j` (at `path`) when it is an object.
  const Json& object(const Json& j, const std::string& path) const;
  /// The member `key`, which must be an object.
  const Json& object(const Json& o, const std::string& path, const char* key) const;
  /// `j` (at `path`) when it is an array.
  const Json& array(const Json& j, const std::string& path) const;
  /// The member `key`, which must be an array.
  const Json& array(const Json& o, const std::string& path, const char* key) const;
  /// The member `key`, which must be a string.
  std::string text(const Json& o, const std::string& path, const char* key) const;
  /// `j` (at `path`) as a number.
  double number(const Json& j, const std::string& path) const;
  /// The member `key` as a number.
  double number(const Json& o, const std::string& path, const char* key) const;
  /// `j` as a number, or absent when it is null.
  std::optional<double> optional_number(const Json& j, const std::string& path) const;
  /// The member `key` (required) as a number or null.
  std::optional<double> optional_number(const Json& o, const std::string& path, const char* key) const;
  /// The member `key` as a number; absent when `o` is no object, has no such key or holds null there.
  std::optional<double> number_if_present(const Json& o, const std::string& path, const char* key) const;
  /// `j` as a whole number >= 0.
  std::uint64_t count(const Json& j, const std::string& path) const;
  /// The member `key` as a whole number >= 0.
  std::uint64_t count(const Json& o, const std::string& path, const char* key) const;
  /// The member `key` as true or false.
  bool flag(const Json& o, const std::string& path, const char* key) const;
  /// The member `key`: an array of numbers.
  std::vector<double> numbers(const Json& o, const std::string& path, const char* key) const;
  /// `list` (at `path`): an array of numbers or nulls.
  std::vector<std::optional<double>> optional_numbers(const Json& list, const std::string& path) const;
  /// The member `key`: an array of numbers or nulls.
  std::vector<std::optional<double>> optional_numbers(const Json& o, const std::string& path, const char* key) const;
  /// The member `key`: an array of whole numbers >= 0.
  std::vector<std::uint64_t> counts(const Json& o, const std::string& path, const char* key) const;
  /// `list` (at `path`): an array of strings (`allowed` names them in messages).
  std::vector<std::string> string_list(const Json& list, const std::string& path, const std::string& allowed) const;
  /// The member `key`: an array of strings (`allowed` names them in messages).
  std::vector<std::string> strings(const Json& o, const std::string& path, const char* key,
                                   const std::string& allowed = "a string") const;
  /// Fails unless the root's `schema` is `schema`.
  void expect_schema(const Json& root, std::string_view schema) const;

  /// The member `key`: an array, each element read by the reader's member `read_one(element, element_path)`.
  template <typename Reader, typename T>
  std::vector<T> list(const Json& o, const std::string& path, const char* key,
                      T (Reader::*read_one)(const Json&, const std::string&) const) const {
    const auto& reader = static_cast<const Reader&>(*this);
    const std::string p = child(path, key);
    std::vector<T> out;
    for (std::size_t i = 0; const Json& x : array(o, path, key)) out.push_back((reader.*read_one)(x, index(p, i++)));
    return out;
  }

 private:
  std::string file_;
};

}  // namespace faultline::contract
