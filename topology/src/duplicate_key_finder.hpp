#pragma once
// Internal to the topology loader: a JSON parser callback that reports keys given
// twice in one object, which nlohmann would silently collapse to the last value.

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "faultline/base/load_error.hpp"

namespace faultline::topology {

/// Finds keys given twice in one object; fed by the parser callback, it tracks the JSON path.
class DuplicateKeyFinder {
 public:
  using json = nlohmann::json;

  /// A finder that appends one error per repeated key to `errors` (which must outlive it).
  DuplicateKeyFinder(std::string file, std::vector<base::LoadError>& errors)
      : file_(std::move(file)), errors_(errors) {}

  /// Sees one parse event; always returns true (keeps every value).
  bool operator()(int /*depth*/, json::parse_event_t event, json& parsed);

 private:
  struct Frame {
    bool is_array = false;
    std::size_t index = 0;  // index of the current element, valid once has_element
    bool has_element = false;
    std::string key;  // current key of an object
    std::set<std::string> keys;
  };

  void start_element();
  std::string path() const;

  std::string file_;
  std::vector<base::LoadError>& errors_;
  std::vector<Frame> frames_;
};

}  // namespace faultline::topology
