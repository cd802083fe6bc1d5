#include "json_walker.hpp"

#include <algorithm>

#include "faultline/base/json_guard.hpp"
#include "faultline/contract/result_reader.hpp"

namespace faultline::contract {

JsonWalker::Json JsonWalker::parse(std::string_view text, const std::string& file, const std::string& problem,
                                   const std::string& allowed) {
  // Deep nesting, numbers beyond a double and NULs first: the value built below is then bounded in depth.
  if (const auto found = base::JsonGuard::check(text, file, base::kMaxDocumentElements)) {
    const std::string where =
        found->line > 0 ? file + ":" + std::to_string(found->line) + ":" + std::to_string(found->column) : file;
    // A syntax error (it has a line) keeps the caller's wording first: "not valid JSON: ...".
    const std::string what = found->line > 0 ? problem + ": " + found->problem : found->problem;
    throw ResultReadError(where, found->json_path, what, found->allowed);
  }
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::exception& e) {
    // nlohmann reports the 1-based byte offset of the error; turn it into line and column.
    std::size_t line = 1;
    std::size_t column = 1;
    const auto* parse_error = dynamic_cast<const Json::parse_error*>(&e);
    const std::size_t byte = parse_error == nullptr ? 0 : parse_error->byte;
    const std::size_t end = std::min<std::size_t>(byte == 0 ? 0 : byte - 1, text.size());
    for (std::size_t i = 0; i < end; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    throw ResultReadError(file + ":" + std::to_string(line) + ":" + std::to_string(column), "", problem, allowed);
  }
}

std::string JsonWalker::type_name(const Json& j) {
  if (j.is_null()) return "null";
  if (j.is_boolean()) return "a boolean";
  if (j.is_number()) return "a number";
  if (j.is_string()) return "a string";
  if (j.is_array()) return "an array";
  return "an object";
}

void JsonWalker::fail(const std::string& path, const std::string& problem, const std::string& allowed) const {
  throw ResultReadError(file_, path, problem, allowed);
}

const JsonWalker::Json& JsonWalker::member(const Json& o, const std::string& path, const char* key) const {
  object(o, path);
  const auto it = o.find(key);
  if (it == o.end()) fail(child(path, key), "missing", "a value of the key");
  return *it;
}

const JsonWalker::Json& JsonWalker::object(const Json& j, const std::string& path) const {
  if (!j.is_object()) fail(path, "is " + type_name(j), "an object");
  return j;
}

const JsonWalker::Json& JsonWalker::object(const Json& o, const std::string& path, const char* key) const {
  return object(member(o, path, key), child(path, key));
}

const JsonWalker::Json& JsonWalker::array(const Json& j, const std::string& path) const {
  if (!j.is_array()) fail(path, "is " + type_name(j), "an array");
  return j;
}

const JsonWalker::Json& JsonWalker::array(const Json& o, const std::string& path, const char* key) const {
  return array(member(o, path, key), child(path, key));
}

std::string JsonWalker::text(const Json& o, const std::string& path, const char* key) const {
  const Json& j = member(o, path, key);
  if (!j.is_string()) fail(child(path, key), "is " + type_name(j), "a string");
  return j.get<std::string>();
}

double JsonWalker::number(const Json& j, const std::string& path) const {
  if (!j.is_number()) fail(path, "is " + type_name(j), "a number");
  return j.get<double>();
}

double JsonWalker::number(const Json& o, const std::string& path, const char* key) const {
  return number(member(o, path, key), child(path, key));
}

std::optional<double> JsonWalker::optional_number(const Json& j, const std::string& path) const {
  if (j.is_null()) return std::nullopt;
  if (!j.is_number()) fail(path, "is " + type_name(j), "a number or null");
  return j.get<double>();
}

std::optional<double> JsonWalker::optional_number(const Json& o, const std::string& path, const char* key) const {
  return optional_number(member(o, path, key), child(path, key));
}

std::optional<double> JsonWalker::number_if_present(const Json& o, const std::string& path, const char* key) const {
  if (!o.is_object() || !o.contains(key)) return std::nullopt;
  return optional_number(o.at(key), child(path, key));
}

std::uint64_t JsonWalker::count(const Json& j, const std::string& path) const {
  if (!j.is_number_unsigned() && !(j.is_number_integer() && j.get<std::int64_t>() >= 0)) {
    fail(path, "is " + (j.is_number() ? std::string("a negative or fractional number") : type_name(j)),
         "a whole number >= 0");
  }
  return j.get<std::uint64_t>();
}

std::uint64_t JsonWalker::count(const Json& o, const std::string& path, const char* key) const {
  return count(member(o, path, key), child(path, key));
}

bool JsonWalker::flag(const Json& o, const std::string& path, const char* key) const {
  const Json& j = member(o, path, key);
  if (!j.is_boolean()) fail(child(path, key), "is " + type_name(j), "true or false");
  return j.get<bool>();
}

std::vector<double> JsonWalker::numbers(const Json& o, const std::string& path, const char* key) const {
  const std::string p = child(path, key);
  std::vector<double> out;
  for (std::size_t i = 0; const Json& j : array(o, path, key)) out.push_back(number(j, index(p, i++)));
  return out;
}

std::vector<std::optional<double>> JsonWalker::optional_numbers(const Json& list, const std::string& path) const {
  std::vector<std::optional<double>> out;
  for (std::size_t i = 0; const Json& j : array(list, path)) out.push_back(optional_number(j, index(path, i++)));
  return out;
}

std::vector<std::optional<double>> JsonWalker::optional_numbers(const Json& o, const std::string& path,
                                                                const char* key) const {
  return optional_numbers(member(o, path, key), child(path, key));
}

std::vector<std::uint64_t> JsonWalker::counts(const Json& o, const std::string& path, const char* key) const {
  const std::string p = child(path, key);
  std::vector<std::uint64_t> out;
  for (std::size_t i = 0; const Json& j : array(o, path, key)) out.push_back(count(j, index(p, i++)));
  return out;
}

std::vector<std::string> JsonWalker::string_list(const Json& list, const std::string& path,
                                                 const std::string& allowed) const {
  std::vector<std::string> out;
  for (std::size_t i = 0; const Json& j : array(list, path)) {
    if (!j.is_string()) fail(index(path, i), "is " + type_name(j), allowed);
    out.push_back(j.get<std::string>());
    ++i;
  }
  return out;
}

std::vector<std::string> JsonWalker::strings(const Json& o, const std::string& path, const char* key,
                                             const std::string& allowed) const {
  return string_list(member(o, path, key), child(path, key), allowed);
}

void JsonWalker::expect_schema(const Json& root, std::string_view schema) const {
  if (const std::string s = text(root, "", "schema"); s != schema) {
    fail("schema", "is \"" + s + "\"", "\"" + std::string(schema) + "\"");
  }
}

}  // namespace faultline::contract
