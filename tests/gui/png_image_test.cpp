#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "temp_folder.hpp"
#include "faultline/gui/png_image.hpp"

using namespace faultline;

namespace {

// 3 x 2 image: red, green, blue / white, black, red (alpha 255 except the black pixel, 0).
gui::PngImage sample() {
  gui::PngImage image;
  image.width = 3;
  image.height = 2;
  image.rgba = {255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0, 0, 255, 0, 0, 255};
  return image;
}

}  // namespace

TEST_CASE("write_png then read_png gives back the same pixels", "[gui][png]") {
  const faultline::testing::TempFolder folder;
  const std::filesystem::path& dir = folder.path();
  const gui::PngImage image = sample();
  gui::write_png(dir / "a.png", image);
  const gui::PngImage back = gui::read_png(dir / "a.png");
  CHECK(back.width == 3);
  CHECK(back.height == 2);
  CHECK(back.rgba == image.rgba);
  // Only the PNG in the folder: the temporary file was renamed.
  CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("flip_rows reverses the row order; count_distinct_colours counts RGBA values", "[gui][png]") {
  const gui::PngImage flipped = gui::flip_rows(sample());
  const std::vector<std::uint8_t> expected{255, 255, 255, 255, 0, 0,   0, 0,   255, 0, 0,   255,
                                           255, 0,   0,   255, 0, 255, 0, 255, 0,   0, 255, 255};
  CHECK(flipped.rgba == expected);
  CHECK(gui::count_distinct_colours(sample()) == 5);  // red twice
  CHECK(gui::count_distinct_colours(gui::PngImage{}) == 0);
}

TEST_CASE("PNG errors name the file and leave nothing behind", "[gui][png]") {
  const faultline::testing::TempFolder folder;
  const std::filesystem::path& dir = folder.path();
  CHECK_THROWS_WITH(gui::write_png(dir / "missing" / "a.png", sample()), Catch::Contains("missing"));
  gui::PngImage bad = sample();
  bad.rgba.pop_back();
  CHECK_THROWS_WITH(gui::write_png(dir / "b.png", bad), Catch::Contains("size does not match"));
  CHECK_FALSE(std::filesystem::exists(dir / "b.png"));
  std::ofstream(dir / "not.png") << "hello";
  CHECK_THROWS_WITH(gui::read_png(dir / "not.png"), Catch::Contains("not.png"));
}
