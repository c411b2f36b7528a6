// Image grids use their panel: the largest tiles that fit, wrapped when that makes them larger,
// centred; the limiting dimension at least 80% filled.

#include "ui/views/tile_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using genlab::views::kAnyColumns;
using genlab::views::layoutTiles;
using genlab::views::TileLayout;

namespace {

// The grid fills at least 80% of the box along the dimension that limits it, stays inside the
// box and is centred in it (to a pixel).
void expectFillsAndCentred(const TileLayout& l, float boxW, float boxH) {
  EXPECT_LE(l.left + l.width, boxW + 0.01f);
  EXPECT_LE(l.top + l.height, boxH + 0.01f);
  EXPECT_GE(l.left, 0.0f);
  EXPECT_GE(l.top, 0.0f);
  EXPECT_GE(std::max(l.width / boxW, l.height / boxH), 0.8f)
      << l.width << "x" << l.height << " in " << boxW << "x" << boxH;
  EXPECT_NEAR(l.left, (boxW - l.width) * 0.5f, 1.0f);
  EXPECT_NEAR(l.top, (boxH - l.height) * 0.5f, 1.0f);
}

// The DCGAN lesson's walk in noise space: ten 28x28 images in the side panel, which is wider
// than tall but not ten times. One row at the top gave 56-pixel tiles; wrapped they grow.
TEST(TileLayout, ARowOfTenWrapsWhenThatGivesLargerTiles) {
  const TileLayout l = layoutTiles(580, 290, 10, 28, 28, 1, kAnyColumns);
  EXPECT_EQ(l.columns, 5);
  EXPECT_EQ(l.rows, 2);
  const float oneRow = 580.0f / (10 * 28 + 9);
  EXPECT_GT(l.scale, 1.8f * oneRow);
  expectFillsAndCentred(l, 580, 290);
  // Wide and short: one row is best.
  const TileLayout wide = layoutTiles(1200, 140, 10, 28, 28, 1, kAnyColumns);
  EXPECT_EQ(wide.columns, 10);
  EXPECT_EQ(wide.rows, 1);
  expectFillsAndCentred(wide, 1200, 140);
  // Tall and narrow: one column.
  const TileLayout tall = layoutTiles(60, 900, 10, 28, 28, 1, kAnyColumns);
  EXPECT_EQ(tall.columns, 1);
  expectFillsAndCentred(tall, 60, 900);
}

// The beta-VAE traversal: 10 latent rows of 11 values, columns fixed. Its tiles were cut to
// whole screen pixels per image pixel and lost 45% (1.8 became 1): about 20-pixel cells.
TEST(TileLayout, FixedColumnsKeepTheirRowsAndFillTheLimitingDimension) {
  const TileLayout l = layoutTiles(585, 520, 110, 28, 28, 1, 11);
  EXPECT_EQ(l.columns, 11);
  EXPECT_EQ(l.rows, 10);
  EXPECT_GT(l.scale * 28, 45.0f);
  expectFillsAndCentred(l, 585, 520);
  for (const float w : {100.0f, 230.0f, 333.0f, 640.0f, 1333.0f})
    for (const float h : {90.0f, 289.0f, 500.0f, 811.0f})
      expectFillsAndCentred(layoutTiles(w, h, 110, 28, 28, 1, 11), w, h);
}

TEST(TileLayout, ScaleIsWholeWhenThatKeepsFourFifthsElseExact) {
  // 4.9 rounds down to 4 (82%): whole.
  EXPECT_EQ(layoutTiles(4.9f * 28, 4.9f * 28, 1, 28, 28, 1, 1).scale, 4.0f);
  // 1.8 would round down to 1 (56%): exact.
  EXPECT_NEAR(layoutTiles(1.8f * 28, 1.8f * 28, 1, 28, 28, 1, 1).scale, 1.8f, 1e-4f);
  // Shrinking below one screen pixel per image pixel is exact too.
  EXPECT_NEAR(layoutTiles(14, 14, 1, 28, 28, 1, 1).scale, 0.5f, 1e-4f);
}

TEST(TileLayout, TilesKeepTheirAspectRatio) {
  // A 2:1 picture (the |A - B| image of a whole grid) in a square box.
  const TileLayout l = layoutTiles(300, 300, 1, 200, 100, 1, 1);
  EXPECT_NEAR(l.width / l.height, 2.0f, 1e-4f);
  expectFillsAndCentred(l, 300, 300);
}

}  // namespace
