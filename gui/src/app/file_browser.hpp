#pragma once
// A modal file browser over the file system (ImGui 1.86 has none): folders
// first, then files with the wanted extensions, a path field, and for saving a
// file name field.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace faultline::gui {

/// One modal popup; open() it, then call draw() every frame until it returns a path.
class FileBrowser {
 public:
  /// What the browser is for.
  enum class Mode { kOpen, kSave };

  /// Opens the popup titled `title` in `folder`, listing files ending in one of
  /// `extensions` (e.g. ".json"); in kSave mode `file_name` is the proposed name.
  void open(std::string title, Mode mode, const std::filesystem::path& folder, std::vector<std::string> extensions,
            std::string file_name = "");
  /// Draws the popup if open; returns the chosen path once (OK pressed or a file double-clicked).
  std::optional<std::filesystem::path> draw(float scale);
  /// True while the popup is shown.
  [[nodiscard]] bool is_open() const { return is_open_; }
  /// Replaces the extensions listed (e.g. when the export format changes).
  void set_extensions(std::vector<std::string> extensions) { extensions_ = std::move(extensions); }
  /// The file name field (kSave).
  std::string& file_name() { return file_name_; }

 private:
  void list_folder();

  std::string title_;
  Mode mode_ = Mode::kOpen;
  std::filesystem::path folder_;
  std::vector<std::string> extensions_;
  std::string file_name_;
  std::vector<std::filesystem::directory_entry> entries_;
  std::string error_;
  std::string path_field_;
  bool is_open_ = false;
  bool is_popup_pending_ = false;
};

}  // namespace faultline::gui
