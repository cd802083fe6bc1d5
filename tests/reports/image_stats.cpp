#include "image_stats.hpp"

#include <png.h>

#include <cstdint>
#include <fstream>
#include <set>
#include <stdexcept>
#include <vector>

namespace faultline::testing {
namespace {

ImageStats count(std::size_t width, std::size_t height, const std::vector<std::uint8_t>& rgb) {
  ImageStats s{width, height, 0, 0.0};
  std::set<std::uint32_t> colours;
  std::size_t non_white = 0;
  for (std::size_t i = 0; i + 2 < rgb.size(); i += 3) {
    colours.insert((std::uint32_t{rgb[i]} << 16) | (std::uint32_t{rgb[i + 1]} << 8) | rgb[i + 2]);
    if (rgb[i] < 240 || rgb[i + 1] < 240 || rgb[i + 2] < 240) ++non_white;
  }
  s.distinct_colours = colours.size();
  s.non_white_share = rgb.empty() ? 0.0 : static_cast<double>(non_white) / static_cast<double>(rgb.size() / 3);
  return s;
}

}  // namespace

ImageStats png_stats(const std::string& path) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_file(&image, path.c_str()) == 0) throw std::runtime_error(path + ": not a PNG file");
  image.format = PNG_FORMAT_RGB;
  std::vector<std::uint8_t> rgb(PNG_IMAGE_SIZE(image));
  if (png_image_finish_read(&image, nullptr, rgb.data(), 0, nullptr) == 0) {
    png_image_free(&image);
    throw std::runtime_error(path + ": cannot decode the PNG");
  }
  return count(image.width, image.height, rgb);
}

ImageStats ppm_stats(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  std::size_t width = 0;
  std::size_t height = 0;
  int maxval = 0;
  in >> magic >> width >> height >> maxval;
  if (!in || magic != "P6" || maxval != 255) throw std::runtime_error(path + ": not a binary 8-bit PPM (P6)");
  in.get();  // the single whitespace before the pixels
  std::vector<std::uint8_t> rgb(width * height * 3);
  in.read(reinterpret_cast<char*>(rgb.data()), static_cast<std::streamsize>(rgb.size()));
  if (!in) throw std::runtime_error(path + ": truncated PPM");
  return count(width, height, rgb);
}

}  // namespace faultline::testing
