#pragma once
// Headless Chromium (Debian package `chromium`) as the HTML-to-PDF and
// HTML-to-PNG printer. Each call starts a fresh browser with a new, empty
// profile in a temporary folder and no network-facing background services.

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::reports {

/// Chromium is not installed: what() names the Debian package to install.
class ChromiumNotFound : public std::runtime_error {
 public:
  ChromiumNotFound();
};

/// A Chromium executable; printing throws std::runtime_error when the browser fails.
class HeadlessChromium {
 public:
  /// The executable at `program` when given (throws ChromiumNotFound when it is not
  /// executable), else the first of `chromium`, `chromium-browser` on PATH (throws when none).
  static HeadlessChromium find(const std::string& program = "");

  /// Prints `html` (a self-contained document) to the PDF file `pdf_path`, whole or not at all.
  void print_to_pdf(std::string_view html, const std::filesystem::path& pdf_path) const;

  /// Renders `html` to the PNG file `png_path` with a window of width x height px.
  void screenshot(std::string_view html, const std::filesystem::path& png_path, int width, int height) const;

  /// Path of the executable.
  const std::filesystem::path& program() const { return program_; }

 private:
  explicit HeadlessChromium(std::filesystem::path program) : program_(std::move(program)) {}
  // Writes html to a fresh temporary folder, runs Chromium with `output_flag` (pointing into that folder)
  // and moves the output file to `target`.
  void render(std::string_view html, const std::string& output_flag_name, const std::string& output_name,
              const std::vector<std::string>& extra_flags, const std::filesystem::path& target) const;

  std::filesystem::path program_;
};

}  // namespace faultline::reports
