#include "faultline/gui/png_image.hpp"

#include <png.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>

#include "faultline/base/atomic_write.hpp"

namespace faultline::gui {

void write_png(const std::filesystem::path& path, const PngImage& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.rgba.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4) {
    throw std::runtime_error("cannot write " + path.string() + ": image size does not match its pixels");
  }
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  png.width = static_cast<png_uint_32>(image.width);
  png.height = static_cast<png_uint_32>(image.height);
  png.format = PNG_FORMAT_RGBA;
  // First call sizes the buffer, second fills it (libpng's simplified write API).
  png_alloc_size_t size = 0;
  if (png_image_write_to_memory(&png, nullptr, &size, 0, image.rgba.data(), 0, nullptr) == 0) {
    throw std::runtime_error("cannot encode " + path.string() + ": " + png.message);
  }
  std::string bytes(size, '\0');
  if (png_image_write_to_memory(&png, bytes.data(), &size, 0, image.rgba.data(), 0, nullptr) == 0) {
    throw std::runtime_error("cannot encode " + path.string() + ": " + png.message);
  }
  bytes.resize(size);
  base::write_file_atomically(path, bytes);
}

PngImage read_png(const std::filesystem::path& path) {
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_file(&png, path.c_str()) == 0) {
    throw std::runtime_error("cannot read " + path.string() + ": " + png.message);
  }
  png.format = PNG_FORMAT_RGBA;
  PngImage image;
  image.width = static_cast<int>(png.width);
  image.height = static_cast<int>(png.height);
  image.rgba.resize(PNG_IMAGE_SIZE(png));
  if (png_image_finish_read(&png, nullptr, image.rgba.data(), 0, nullptr) == 0) {
    const std::string reason = png.message;
    png_image_free(&png);
    throw std::runtime_error("cannot decode " + path.string() + ": " + reason);
  }
  return image;
}

PngImage flip_rows(const PngImage& image) {
  PngImage out = image;
  const std::size_t row = static_cast<std::size_t>(image.width) * 4;
  for (std::size_t y = 0; y < static_cast<std::size_t>(image.height); ++y) {
    const std::size_t from = (static_cast<std::size_t>(image.height) - 1 - y) * row;
    std::memcpy(out.rgba.data() + y * row, image.rgba.data() + from, row);
  }
  return out;
}

std::size_t count_distinct_colours(const PngImage& image) {
  std::unordered_set<std::uint32_t> colours;
  for (std::size_t i = 0; i + 3 < image.rgba.size(); i += 4) {
    colours.insert(static_cast<std::uint32_t>(image.rgba[i]) | static_cast<std::uint32_t>(image.rgba[i + 1]) << 8 |
                   static_cast<std::uint32_t>(image.rgba[i + 2]) << 16 |
                   static_cast<std::uint32_t>(image.rgba[i + 3]) << 24);
  }
  return colours.size();
}

}  // namespace faultline::gui
