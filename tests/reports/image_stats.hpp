#pragma once
// Decodes PNG (libpng) and binary PPM images and counts what is in them, to
// tell a rendered report from a blank page.

#include <cstddef>
#include <string>

namespace faultline::testing {

/// Size and content of an image.
struct ImageStats {
  std::size_t width = 0;
  std::size_t height = 0;
  std::size_t distinct_colours = 0;  ///< distinct RGB triples
  double non_white_share = 0.0;      ///< share of pixels with any channel below 240
};

/// Reads an 8-bit PNG file; throws std::runtime_error naming the file when it is not one.
ImageStats png_stats(const std::string& path);

/// Reads a binary PPM (P6, maxval 255) file such as pdftoppm writes; throws std::runtime_error.
ImageStats ppm_stats(const std::string& path);

}  // namespace faultline::testing
