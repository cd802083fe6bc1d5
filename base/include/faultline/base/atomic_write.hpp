#pragma once
// Output files appear whole or not at all: write to a temporary file in the
// same folder, then rename over the target (CONTRIBUTING, "Errors").

#include <filesystem>
#include <string_view>

namespace faultline::base {

/// A fresh, empty temporary file next to `target` (same folder, hidden name); throws std::runtime_error.
std::filesystem::path make_temporary_beside(const std::filesystem::path& target);

/// Writes `content` to `target` through a temporary file and a rename; throws std::runtime_error naming the path.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

}  // namespace faultline::base
