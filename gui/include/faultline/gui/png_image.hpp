#pragma once
// 8-bit RGBA images and their PNG files (libpng), for screenshots and their tests.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

namespace faultline::gui {

/// An RGBA image, rows top to bottom, 4 bytes per pixel.
struct PngImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;  ///< width * height * 4 bytes
};

/// Writes `image` as a PNG to `path`, whole or not at all; throws std::runtime_error naming the path.
void write_png(const std::filesystem::path& path, const PngImage& image);

/// Reads a PNG file into RGBA; throws std::runtime_error naming the path and libpng's reason.
PngImage read_png(const std::filesystem::path& path);

/// The image with its rows in reverse order (OpenGL reads the framebuffer bottom row first).
PngImage flip_rows(const PngImage& image);

/// Number of distinct RGBA values in `image`.
std::size_t count_distinct_colours(const PngImage& image);

}  // namespace faultline::gui
