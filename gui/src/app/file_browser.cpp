#include "file_browser.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace faultline::gui {

void FileBrowser::open(std::string title, Mode mode, const std::filesystem::path& folder,
                       std::vector<std::string> extensions, std::string file_name) {
  title_ = std::move(title);
  mode_ = mode;
  std::error_code ec;
  folder_ = std::filesystem::absolute(folder.empty() ? std::filesystem::current_path(ec) : folder, ec);
  extensions_ = std::move(extensions);
  file_name_ = std::move(file_name);
  is_open_ = true;
  is_popup_pending_ = true;
  list_folder();
}

void FileBrowser::list_folder() {
  entries_.clear();
  error_.clear();
  path_field_ = folder_.string();
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder_, std::filesystem::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code type_ec;
    if (it->is_directory(type_ec)) {
      entries_.push_back(*it);
      continue;
    }
    const std::string ext = it->path().extension().string();
    if (extensions_.empty() || std::find(extensions_.begin(), extensions_.end(), ext) != extensions_.end()) {
      entries_.push_back(*it);
    }
  }
  if (ec) error_ = "cannot list " + folder_.string() + ": " + ec.message();
  std::sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
    std::error_code e1;
    std::error_code e2;
    const bool da = a.is_directory(e1);
    const bool db = b.is_directory(e2);
    if (da != db) return da;
    return a.path().filename() < b.path().filename();
  });
}

std::optional<std::filesystem::path> FileBrowser::draw(float scale) {
  if (!is_open_) return std::nullopt;
  if (is_popup_pending_) {
    ImGui::OpenPopup(title_.c_str());
    is_popup_pending_ = false;
  }
  std::optional<std::filesystem::path> chosen;
  ImGui::SetNextWindowSize(ImVec2(640.0F * scale, 460.0F * scale), ImGuiCond_Appearing);
  bool is_visible = true;
  if (!ImGui::BeginPopupModal(title_.c_str(), &is_visible)) {
    is_open_ = false;
    return std::nullopt;
  }
  if (ImGui::Button("Up") && folder_.has_parent_path()) {
    folder_ = folder_.parent_path();
    list_folder();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputText("##path", &path_field_, ImGuiInputTextFlags_EnterReturnsTrue)) {
    std::error_code ec;
    const std::filesystem::path typed(path_field_);
    if (std::filesystem::is_directory(typed, ec)) {
      folder_ = typed;
      list_folder();
    } else if (mode_ == Mode::kOpen && std::filesystem::is_regular_file(typed, ec)) {
      chosen = typed;
    } else {
      error_ = "no such folder: " + path_field_;
    }
  }
  const float footer = ImGui::GetFrameHeightWithSpacing() * (mode_ == Mode::kSave ? 3.0F : 2.0F);
  ImGui::BeginChild("entries", ImVec2(0, -footer), true);
  for (const auto& entry : entries_) {
    std::error_code ec;
    const bool is_dir = entry.is_directory(ec);
    const std::string label = (is_dir ? "[dir] " : "      ") + entry.path().filename().string();
    const bool is_selected = !is_dir && entry.path().filename().string() == file_name_;
    if (ImGui::Selectable(label.c_str(), is_selected,
                          ImGuiSelectableFlags_AllowDoubleClick | ImGuiSelectableFlags_DontClosePopups)) {
      if (is_dir) {
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
          folder_ = entry.path();
          list_folder();
          break;
        }
      } else {
        file_name_ = entry.path().filename().string();
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) chosen = entry.path();
      }
    }
  }
  ImGui::EndChild();
  if (mode_ == Mode::kSave) {
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##name", &file_name_);
  }
  if (!error_.empty()) ImGui::TextColored(ImVec4(1.0F, 0.4F, 0.4F, 1.0F), "%s", error_.c_str());
  const bool has_name = !file_name_.empty();
  if (!has_name) ImGui::BeginDisabled();
  if (ImGui::Button(mode_ == Mode::kOpen ? "Open" : "Save")) chosen = folder_ / file_name_;
  if (!has_name) ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) is_visible = false;
  if (chosen || !is_visible) {
    ImGui::CloseCurrentPopup();
    is_open_ = false;
  }
  ImGui::EndPopup();
  return chosen;
}

}  // namespace faultline::gui
