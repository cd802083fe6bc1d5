#include "faultline/base/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <sstream>

#include "faultline/base/duration_parser.hpp"
#include "faultline/base/json_guard.hpp"
#include "faultline/base/key_suggestion.hpp"

namespace faultline::base {
namespace {

// `s` in quotes, cut to a short excerpt (keys and values may be megabytes long).
std::string in_quotes(std::string_view s) { return "\"" + JsonGuard::shorten(s) + "\""; }

/// `options` with `fallback` as its wording when the caller gave none.
FieldOptions worded(FieldOptions options, std::string_view fallback) {
  if (options.allowed.empty()) options.allowed = fallback;
  return options;
}
}  // namespace

std::optional<JsonReader::json> JsonReader::parse(std::string_view text, const std::string& file,
                                                  std::vector<LoadError>& errors,
                                                  const json::parser_callback_t& callback) {
  // The guard finds syntax errors, numbers beyond a double, deep nesting and NULs without building
  // a value, so what is built below is bounded in depth (copies and dumps recurse).
  if (auto problem = JsonGuard::check(text, file)) {
    errors.push_back(std::move(*problem));
    return std::nullopt;
  }
  try {
    return json::parse(text.begin(), text.end(), callback);
  } catch (const json::exception& e) {
    errors.push_back(LoadError{file, "", 0, 0, JsonGuard::plain_message(e.what()), "JSON (RFC 8259)"});
    return std::nullopt;
  }
}

std::optional<JsonReader::json> JsonReader::parse_file(const std::filesystem::path& path,
                                                       std::vector<LoadError>& errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const bool exists = std::filesystem::exists(path);
    errors.push_back(
        LoadError{path.string(), "", 0, 0, exists ? "cannot read the file" : "no such file", "a readable JSON file"});
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path.string(), errors);
}

std::string JsonReader::at(const std::string& path, std::string_view key) {
  return path.empty() ? JsonGuard::shorten(key) : path + "." + JsonGuard::shorten(key);
}

std::string JsonReader::at(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

void JsonReader::error(const std::string& path, std::string problem, std::string allowed) {
  errors_->push_back(LoadError{file_, path, 0, 0, std::move(problem), std::move(allowed)});
}

bool JsonReader::expect_object(const json& value, const std::string& path, std::string_view what) {
  if (value.is_object()) return true;
  error(path, std::string("expected an object, got ") + value.type_name(), std::string(what));
  return false;
}

void JsonReader::check_keys(const json& object, const std::string& path, const std::vector<std::string>& allowed) {
  for (const auto& item : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), item.key()) != allowed.end()) continue;
    std::string problem = "unknown key " + in_quotes(item.key());
    if (const auto nearest = nearest_word(item.key(), allowed))
      problem += "; did you mean " + in_quotes(*nearest) + "?";
    error(at(path, item.key()), problem, join(allowed));
  }
}

const JsonReader::json* JsonReader::typed(const json& object, const std::string& path, std::string_view key,
                                          FieldOptions options, bool (json::*is_type)() const noexcept,
                                          std::string_view type_name) {
  const std::string allowed(options.allowed);
  const auto it = object.find(key);
  if (it == object.end()) {
    if (options.is_required) error(at(path, key), "missing required key " + in_quotes(key), allowed);
    return nullptr;
  }
  if (!((*it).*is_type)()) {
    error(at(path, key), "expected " + std::string(type_name) + ", got " + it->type_name(), allowed);
    return nullptr;
  }
  return &*it;
}

const JsonReader::json* JsonReader::array(const json& object, const std::string& path, std::string_view key,
                                          FieldOptions options) {
  return typed(object, path, key, worded(options, "an array"), &json::is_array, "an array");
}

const JsonReader::json* JsonReader::object(const json& object, const std::string& path, std::string_view key,
                                           FieldOptions options) {
  return typed(object, path, key, worded(options, "an object"), &json::is_object, "an object");
}

std::optional<std::string> JsonReader::string(const json& object, const std::string& path, std::string_view key,
                                              FieldOptions options) {
  options = worded(options, "a non-empty string");
  const json* value = typed(object, path, key, options, &json::is_string, "a string");
  if (value == nullptr) return std::nullopt;
  const auto& text = value->get_ref<const std::string&>();
  if (text.empty()) {
    error(at(path, key), "empty string", std::string(options.allowed));
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> JsonReader::one_of(const json& object, const std::string& path, std::string_view key,
                                              FieldOptions options, const std::vector<std::string>& choices) {
  const std::string allowed = options.allowed.empty() ? join(choices) : std::string(options.allowed);
  options.allowed = allowed;
  auto text = string(object, path, key, options);
  if (!text) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *text) != choices.end()) return text;
  std::string problem = "unknown value " + in_quotes(*text);
  if (const auto nearest = nearest_word(*text, choices)) problem += "; did you mean " + in_quotes(*nearest) + "?";
  error(at(path, key), problem, allowed);
  return std::nullopt;
}

std::optional<bool> JsonReader::boolean(const json& object, const std::string& path, std::string_view key,
                                        FieldOptions options) {
  const json* value = typed(object, path, key, worded(options, "true or false"), &json::is_boolean, "true or false");
  if (value == nullptr) return std::nullopt;
  return value->get<bool>();
}

std::optional<double> JsonReader::number(const json& object, const std::string& path, std::string_view key,
                                         NumberOptions options) {
  const auto [is_required, min, max, is_integer, allowed] = options;
  const std::string range = !allowed.empty() ? std::string(allowed)
                                             : std::string(is_integer ? "an integer " : "a number ") + "from " +
                                                   plain_number(min) + " to " + plain_number(max);
  const json* value =
      typed(object, path, key, {.is_required = is_required, .allowed = range}, &json::is_number, "a number");
  if (value == nullptr) return std::nullopt;
  const double n = value->get<double>();
  const bool is_fractional = is_integer && std::floor(n) != n;
  if (n < min || n > max || is_fractional) {
    const std::string shown = plain_number(n);
    const std::string problem = n < 0 && min >= 0 ? "negative value " + shown
                                : is_fractional   ? shown + " is not an integer"
                                : n > max         ? shown + " is absurdly large"
                                                  : shown + " is out of range";
    error(at(path, key), problem, range);
    return std::nullopt;
  }
  return n;
}

std::optional<std::chrono::microseconds> JsonReader::duration(const json& object, const std::string& path,
                                                              std::string_view key, DurationOptions options) {
  const std::string allowed = std::string(kDurationAllowed) + ", at most " + std::string(options.max_text);
  const auto it = object.find(key);
  if (it == object.end()) {
    if (options.is_required) error(at(path, key), "missing required key " + in_quotes(key), allowed);
    return std::nullopt;
  }
  const DurationParseResult parsed = parse_json_duration(*it);
  if (!parsed.value) {
    error(at(path, key), parsed.error, allowed);
    return std::nullopt;
  }
  if (*parsed.value > options.max) {
    error(at(path, key), JsonGuard::excerpt(*it) + " is absurdly long", allowed);
    return std::nullopt;
  }
  return parsed.value;
}

std::string JsonReader::plain_number(double value) {
  std::ostringstream out;
  // Up to 2^53 every integer is exact in a double (and fits a long long): print it whole.
  if (std::floor(value) == value && std::abs(value) <= 9007199254740992.0) {
    out << static_cast<long long>(value);
  } else {
    out << std::setprecision(15) << value;
  }
  return out.str();
}

std::string JsonReader::join(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += separator;
    out += w;
  }
  return out;
}

}  // namespace faultline::base
