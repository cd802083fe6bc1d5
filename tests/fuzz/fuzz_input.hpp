#pragma once
// Shared by the fuzz targets: the fuzzer's bytes as text, and shipped files by path.

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace faultline::fuzz {

/// The fuzzer's input as text (any bytes, including NUL).
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Absolute path of a file in the source tree, e.g. "scenarios/reference.json".
inline std::string source_path(const std::string& relative) {
  return std::string(FAULTLINE_SOURCE_ROOT) + "/" + relative;
}

/// The content of a shipped file ("" when it cannot be read).
inline std::string read_source(const std::string& relative) {
  std::ifstream in(source_path(relative), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace faultline::fuzz
