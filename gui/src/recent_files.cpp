#include "faultline/gui/recent_files.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "faultline/base/atomic_write.hpp"

namespace faultline::gui {

RecentFiles::RecentFiles(std::filesystem::path store, std::size_t capacity)
    : store_(std::move(store)), capacity_(std::max<std::size_t>(1, capacity)) {}

void RecentFiles::load() {
  items_.clear();
  if (store_.empty()) return;
  std::ifstream in(store_);
  std::string line;
  while (items_.size() < capacity_ && std::getline(in, line)) {
    if (!line.empty() && std::find(items_.begin(), items_.end(), line) == items_.end()) items_.push_back(line);
  }
}

std::string RecentFiles::add(const std::string& file) {
  items_.erase(std::remove(items_.begin(), items_.end(), file), items_.end());
  items_.insert(items_.begin(), file);
  if (items_.size() > capacity_) items_.resize(capacity_);
  if (store_.empty()) return {};
  std::string text;
  for (const std::string& item : items_) text += item + "\n";
  try {
    std::filesystem::create_directories(store_.parent_path());
    base::write_file_atomically(store_, text);
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

}  // namespace faultline::gui
