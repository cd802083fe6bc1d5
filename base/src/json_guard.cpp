#include "faultline/base/json_guard.hpp"

#include <algorithm>
#include <vector>

namespace faultline::base {
namespace {

using json = nlohmann::json;

// A SAX pass that builds nothing: tracks the JSON path and stops at the first problem.
class ShapeScanner {
 public:
  ShapeScanner(std::string_view text, const std::string& file, std::size_t max_elements)
      : text_(text), file_(file), max_elements_(max_elements) {}

  bool null() { return value(); }
  bool boolean(bool /*b*/) { return value(); }
  bool number_integer(json::number_integer_t /*n*/) { return value(); }
  bool number_unsigned(json::number_unsigned_t /*n*/) { return value(); }
  bool number_float(json::number_float_t /*n*/, const json::string_t& /*s*/) { return value(); }
  bool binary(json::binary_t& /*b*/) { return value(); }
  bool string(json::string_t& s) {
    if (s.find('\0') != std::string::npos) return fail(path(frames_.size()), "a NUL character (\\u0000) in a string");
    return value();
  }
  bool key(json::string_t& k) {
    if (++frames_.back().count > max_elements_) return too_long("an object of more than ");
    frames_.back().key = k;
    if (k.find('\0') != std::string::npos) return fail(path(frames_.size()), "a NUL character (\\u0000) in a key");
    return true;
  }
  bool start_object(std::size_t /*elements*/) { return open(false); }
  bool start_array(std::size_t /*elements*/) { return open(true); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t position, const std::string& /*last_token*/, const nlohmann::detail::exception& e) {
    const std::size_t offset = std::min<std::size_t>(position == 0 ? 0 : position - 1, text_.size());
    const std::string_view before = text_.substr(0, offset);
    const auto newlines = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t line_start = before.rfind('\n');
    const std::size_t column = line_start == std::string_view::npos ? offset + 1 : offset - line_start;
    const bool is_range = e.id == 406;
    error_ = LoadError{file_,
                       "",
                       newlines + 1,
                       static_cast<int>(column),
                       JsonGuard::plain_message(e.what()),
                       is_range ? "a number within +-1.7e308" : "JSON (RFC 8259): no comments, no trailing commas"};
    return false;
  }

  [[nodiscard]] const std::optional<LoadError>& error() const { return error_; }

 private:
  struct Frame {
    bool is_array = false;
    std::size_t count = 0;  // values (arrays) or keys (objects) seen so far
    std::string key;        // last key seen (objects)
  };

  // Counts a value in its array; the path of the value is taken before the count moves on.
  bool value() {
    if (frames_.empty() || !frames_.back().is_array) return true;
    if (++frames_.back().count > max_elements_) return too_long("an array of more than ");
    return true;
  }
  bool too_long(const std::string& what) {
    error_ = LoadError{file_,
                       path(frames_.size() - 1),
                       0,
                       0,
                       what + std::to_string(max_elements_) + " elements",
                       "at most " + std::to_string(max_elements_) + " elements per array or object (docs/limits.md)"};
    return false;
  }
  bool open(bool is_array) {
    if (frames_.size() >= kMaxJsonDepth) {
      return fail(path(frames_.size()),
                  "nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels of arrays and objects");
    }
    frames_.push_back(Frame{is_array, 0, {}});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return value();
  }
  bool fail(std::string where, std::string problem) {
    const bool is_depth = problem.rfind("nesting", 0) == 0;
    error_ = LoadError{file_,
                       std::move(where),
                       0,
                       0,
                       std::move(problem),
                       is_depth ? "at most " + std::to_string(kMaxJsonDepth) + " nested levels (docs/limits.md)"
                                : "text without NUL characters"};
    return false;
  }
  // The path of the value being read now in the innermost `depth` containers, e.g. "regions[2].zones[0]";
  // path(frames_.size() - 1) is the path of the innermost container itself.
  [[nodiscard]] std::string path(std::size_t depth) const {
    std::string out;
    for (std::size_t i = 0; i < depth; ++i) {
      const Frame& f = frames_[i];
      if (f.is_array) {
        // A scalar is counted after its path is taken, a container when it closes: count is its index.
        out += "[" + std::to_string(f.count) + "]";
      } else {
        if (!out.empty()) out += ".";
        out += JsonGuard::shorten(f.key);
      }
    }
    return out;
  }

  std::string_view text_;
  const std::string& file_;
  std::size_t max_elements_;
  std::vector<Frame> frames_;
  std::optional<LoadError> error_;
};

}  // namespace

std::optional<LoadError> JsonGuard::check(std::string_view text, const std::string& file, std::size_t max_elements) {
  ShapeScanner scanner(text, file, max_elements);
  json::sax_parse(text.begin(), text.end(), &scanner, nlohmann::detail::input_format_t::json, true);
  return scanner.error();
}

std::string JsonGuard::plain_message(const std::string& what) {
  std::string out = what;
  if (out.rfind("[json.exception.", 0) == 0) {
    const std::size_t close = out.find("] ");
    if (close != std::string::npos) out = out.substr(close + 2);
  }
  const std::size_t column = out.find("column ");
  const std::size_t colon = column == std::string::npos ? std::string::npos : out.find(": ", column);
  if (out.rfind("parse error", 0) == 0 && colon != std::string::npos) out = out.substr(colon + 2);
  return out;
}

std::string JsonGuard::shorten(std::string_view text) {
  if (text.size() <= kMaxExcerptChars) return std::string(text);
  std::size_t cut = kMaxExcerptChars - 3;
  // Step back over UTF-8 continuation bytes (10xxxxxx) so no character is split.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

}  // namespace faultline::base
