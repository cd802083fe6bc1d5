#pragma once
// The list of recently opened scenario files, newest first, kept in a text file.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace faultline::gui {

/// Recent files, at most `capacity`, no duplicates, newest first.
class RecentFiles {
 public:
  /// An empty list stored at `store` (one path per line; empty path = not stored).
  explicit RecentFiles(std::filesystem::path store, std::size_t capacity = 8);
  /// Reads the store; a missing or unreadable store gives an empty list.
  void load();
  /// Puts `file` first (removing an older entry of it) and saves; a failed save is returned as a message.
  std::string add(const std::string& file);
  /// The files, newest first.
  [[nodiscard]] const std::vector<std::string>& items() const { return items_; }

 private:
  std::filesystem::path store_;
  std::size_t capacity_;
  std::vector<std::string> items_;
};

}  // namespace faultline::gui
