// The GIF writer: frames decoded by giflib's own reader have the size, count, delays and (for
// pictures of at most 256 colours) exactly the pixels written; the quantiser keeps frequent
// colours exact, maps the rest to a near colour, and does not dither flat areas.

#include "ui/export/gif_writer.h"

#include <gif_lib.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <set>

namespace genlab::test {
namespace {

using exporting::GifWriter;
using exporting::quantise;

gl::ImageRgba solid(int width, int height, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
  gl::ImageRgba image{width, height, {}};
  for (int i = 0; i < width * height; ++i) image.pixels.insert(image.pixels.end(), {r, g, b, 255});
  return image;
}

void set(gl::ImageRgba& image, int x, int y, int r, int g, int b) {
  std::uint8_t* px = image.pixels.data() + (static_cast<std::size_t>(y) * image.width + x) * 4;
  px[0] = static_cast<std::uint8_t>(r);
  px[1] = static_cast<std::uint8_t>(g);
  px[2] = static_cast<std::uint8_t>(b);
}

// A plot-like picture: a flat background, a flat plot area, and a gradient patch of many
// colours (more than 256 in all).
gl::ImageRgba busyPicture() {
  gl::ImageRgba image = solid(120, 90, 247, 247, 247);
  for (int y = 10; y < 80; ++y)
    for (int x = 10; x < 110; ++x) set(image, x, y, 255, 255, 255);
  for (int y = 20; y < 60; ++y)
    for (int x = 20; x < 100; ++x) set(image, x, y, x * 3, y * 4, (x * y) % 256);
  return image;
}

TEST(GifQuantise, FewColoursAreKeptExactly) {
  gl::ImageRgba image = solid(8, 4, 10, 20, 30);
  set(image, 1, 1, 200, 100, 0);
  set(image, 5, 2, 0, 114, 178);
  const auto indexed = quantise(image);
  ASSERT_EQ(indexed.palette.size(), 3u);
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 8; ++x) {
      const auto& c = indexed.palette[indexed.indices[static_cast<std::size_t>(y * 8 + x)]];
      const std::uint8_t* px = image.at(x, y);
      EXPECT_EQ(c, (std::array<std::uint8_t, 3>{px[0], px[1], px[2]})) << x << "," << y;
    }
}

TEST(GifQuantise, FlatAreasStayExactAndOtherColoursAreNear) {
  const gl::ImageRgba image = busyPicture();
  const auto indexed = quantise(image);
  ASSERT_LE(indexed.palette.size(), 256u);
  std::set<std::array<std::uint8_t, 3>> distinct;
  for (std::size_t i = 0; i < image.pixels.size(); i += 4)
    distinct.insert({image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]});
  ASSERT_GT(distinct.size(), 256u) << "the test picture must need quantising";
  int worst = 0;
  double total = 0.0;
  int counted = 0;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      const std::uint8_t* px = image.at(x, y);
      const auto& c =
          indexed.palette[indexed.indices[static_cast<std::size_t>(y * image.width + x)]];
      const bool flat = x < 20 || x >= 100 || y < 20 || y >= 60;
      if (flat) {
        // Background and plot area: exactly their colour, every pixel (no dithering).
        ASSERT_EQ(c, (std::array<std::uint8_t, 3>{px[0], px[1], px[2]})) << x << "," << y;
      }
      for (int k = 0; k < 3; ++k) {
        worst = std::max(worst, std::abs(c[k] - px[k]));
        total += std::abs(c[k] - px[k]);
        ++counted;
      }
    }
  // About 250 median-cut colours for 3200 patch colours (one channel nearly random): a few
  // levels off on average (2.6 measured), and nowhere more than an eighth of a channel's range.
  EXPECT_LE(total / counted, 4.0);
  EXPECT_LE(worst, 32);
}

class GifWriterTest : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove(m_file); }
  std::filesystem::path m_file = std::filesystem::temp_directory_path() / "genlab_gif_test.gif";
};

TEST_F(GifWriterTest, DecodesToTheFramesDelaysAndPixelsWritten) {
  std::vector<gl::ImageRgba> frames;
  for (int f = 0; f < 4; ++f) {
    gl::ImageRgba image = solid(40, 30, 255, 255, 255);
    for (int y = 5; y < 25; ++y) set(image, 5 + f * 8, y, 0, 114, 178);  // a moving bar
    frames.push_back(image);
  }
  {
    GifWriter writer(m_file, 40, 30, 30.0);  // 3.33 hundredths a frame
    for (const auto& frame : frames) writer.addFrame(frame);
    writer.finish();
    EXPECT_EQ(writer.frames(), 4);
  }
  EXPECT_FALSE(std::filesystem::exists(m_file.string() + ".tmp"));
  int error = 0;
  GifFileType* gif = DGifOpenFileName(m_file.c_str(), &error);
  ASSERT_NE(gif, nullptr) << GifErrorString(error);
  ASSERT_EQ(DGifSlurp(gif), GIF_OK) << GifErrorString(gif->Error);
  EXPECT_EQ(gif->SWidth, 40);
  EXPECT_EQ(gif->SHeight, 30);
  ASSERT_EQ(gif->ImageCount, 4);
  int totalDelay = 0;
  for (int f = 0; f < 4; ++f) {
    const SavedImage& image = gif->SavedImages[f];
    GraphicsControlBlock control;
    ASSERT_EQ(DGifSavedExtensionToGCB(gif, f, &control), GIF_OK);
    totalDelay += control.DelayTime;
    const ColorMapObject* map =
        image.ImageDesc.ColorMap ? image.ImageDesc.ColorMap : gif->SColorMap;
    ASSERT_NE(map, nullptr);
    for (int y = 0; y < 30; ++y)
      for (int x = 0; x < 40; ++x) {
        const GifColorType c = map->Colors[image.RasterBits[y * 40 + x]];
        const std::uint8_t* px = frames[static_cast<std::size_t>(f)].at(x, y);
        ASSERT_EQ((std::array<int, 3>{c.Red, c.Green, c.Blue}),
                  (std::array<int, 3>{px[0], px[1], px[2]}))
            << "frame " << f << " at " << x << "," << y;
      }
  }
  EXPECT_EQ(totalDelay, 13);  // four frames at 30 a second: 13.3 hundredths, rounded once
  DGifCloseFile(gif, &error);
}

TEST_F(GifWriterTest, RefusesAFrameOfAnotherSizeAndAnUnwritablePath) {
  GifWriter writer(m_file, 40, 30, 10.0);
  EXPECT_THROW(writer.addFrame(solid(41, 30, 0, 0, 0)), std::invalid_argument);
  try {
    GifWriter bad("/nonexistent-folder/x.gif", 4, 4, 10.0);
    FAIL() << "no error";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("/nonexistent-folder/x.gif"), std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace genlab::test
