#include "duplicate_key_finder.hpp"

namespace faultline::topology {

bool DuplicateKeyFinder::operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
  switch (event) {
    case json::parse_event_t::object_start:
    case json::parse_event_t::array_start:
      start_element();
      frames_.push_back(Frame{event == json::parse_event_t::array_start, 0, false, {}, {}});
      break;
    case json::parse_event_t::object_end:
    case json::parse_event_t::array_end:
      if (!frames_.empty()) frames_.pop_back();
      break;
    case json::parse_event_t::key:
      if (!frames_.empty() && parsed.is_string()) {
        Frame& frame = frames_.back();
        frame.key = parsed.get<std::string>();
        if (!frame.keys.insert(frame.key).second) {
          errors_.push_back(base::LoadError{file_, path(), 0, 0,
                                            "duplicate key \"" + frame.key + "\" (the last one would win)",
                                            "each key once per object"});
        }
      }
      break;
    case json::parse_event_t::value:
      start_element();
      break;
  }
  return true;
}

// A value, object or array begins: in an array it is the next element.
void DuplicateKeyFinder::start_element() {
  if (frames_.empty() || !frames_.back().is_array) return;
  Frame& frame = frames_.back();
  frame.index = frame.has_element ? frame.index + 1 : 0;
  frame.has_element = true;
}

std::string DuplicateKeyFinder::path() const {
  std::string out;
  for (const Frame& frame : frames_) {
    if (frame.is_array) {
      out += "[" + std::to_string(frame.index) + "]";
    } else {
      out += (out.empty() ? "" : ".") + frame.key;
    }
  }
  return out;
}

}  // namespace faultline::topology
