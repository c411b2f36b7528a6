#include "ui/views/image_tiles.h"

#include <vector>

#include "tests/ui/gl_fixture.h"

namespace genlab::views {
namespace {

using ImageTilesTest = test::GlTest;

// Five 2x3 images; image i has pixel p = (10 * i + p) / 100.
std::vector<float> fiveImages() {
  std::vector<float> pixels;
  for (int i = 0; i < 5; ++i)
    for (int p = 0; p < 6; ++p) pixels.push_back(static_cast<float>(10 * i + p) / 100.0f);
  return pixels;
}

TEST_F(ImageTilesTest, TilesSitInColumnsWithTransparentGapsAndReachTheTexture) {
  ImageTiles tiles;
  tiles.set(fiveImages(), 5, 2, 3, 3, 1);
  // 3 columns of width 3 with 2 gaps; 2 rows of height 2 with 1 gap.
  ASSERT_EQ(tiles.textureWidth(), 11);
  ASSERT_EQ(tiles.textureHeight(), 5);
  const auto& t = tiles.texels();
  auto at = [&](int x, int y) { return &t[static_cast<std::size_t>((y * 11 + x) * 4)]; };
  // Image 4 is row 1, column 1: its pixel (row 1, col 2) = 45/100 lands at texel (4+2, 3+1).
  EXPECT_EQ(at(6, 4)[0], static_cast<std::uint8_t>(std::lround(0.45f * 255)));
  EXPECT_EQ(at(6, 4)[3], 255);
  EXPECT_EQ(at(3, 0)[3], 0);  // the gap after the first column
  EXPECT_EQ(at(0, 2)[3], 0);  // the gap between the rows
  EXPECT_EQ(at(8, 3)[3], 0);  // the missing sixth tile
  // What the GPU holds is what was packed.
  ASSERT_NE(tiles.texture(), nullptr);
  std::vector<std::uint8_t> readBack(t.size());
  tiles.texture()->bind();
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, readBack.data());
  EXPECT_EQ(readBack, t);
}

TEST_F(ImageTilesTest, SameVersionKeepsTheOldPictureNewVersionRepacks) {
  ImageTiles tiles;
  std::vector<float> pixels = fiveImages();
  tiles.set(pixels, 5, 2, 3, 3, 7);
  const auto before = tiles.texels();
  pixels[0] = 1.0f;
  tiles.set(pixels, 5, 2, 3, 3, 7);
  EXPECT_EQ(tiles.texels(), before);
  tiles.set(pixels, 5, 2, 3, 3, 8);
  EXPECT_EQ(tiles.texels()[0], 255);
  // Out-of-range values clamp instead of wrapping around.
  pixels[0] = 3.0f;
  pixels[1] = -2.0f;
  tiles.set(pixels, 5, 2, 3, 3, 9);
  EXPECT_EQ(tiles.texels()[0], 255);
  EXPECT_EQ(tiles.texels()[4], 0);
}

}  // namespace
}  // namespace genlab::views
