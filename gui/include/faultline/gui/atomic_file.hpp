#pragma once
// Output files appear whole or not at all (CONTRIBUTING, "Errors").

#include <filesystem>
#include <string_view>

namespace faultline::gui {

/// Writes `content` to `target` through a temporary file in the same folder and a
/// rename; throws std::runtime_error naming the path.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

}  // namespace faultline::gui
