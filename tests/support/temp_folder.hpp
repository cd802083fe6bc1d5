#pragma once
// A fresh folder under the system temp folder, removed with everything in it
// when the object goes out of scope.

#include <filesystem>
#include <string>

#include "command_runner.hpp"  // read_text

namespace faultline::testing {

/// Owns one temporary folder.
class TempFolder {
 public:
  TempFolder();
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  /// `name` inside the folder, as a string.
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }
  /// The folder.
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace faultline::testing
