#pragma once
// Where a grid of equal image tiles goes in a box: the largest tiles that fit, the grid centred.
// Pure arithmetic (no ImGui, no GL), shared by every view that draws a row or a grid of images
// (ImageTiles), so a single row of ten thumbnails in a tall panel wraps into rows and grows
// instead of sitting in a strip at the top.

namespace genlab::views {

// Every tile's pixel is `scale` screen units square: tiles keep their aspect ratio.
struct TileLayout {
  int columns = 1;
  int rows = 1;
  float scale = 0.0f;  // screen units per image pixel (and per gap texel)
  float left = 0.0f;   // the grid's top-left corner, relative to the box's
  float top = 0.0f;
  float width = 0.0f;  // the grid's extent on screen
  float height = 0.0f;
};

// Columns chosen by layoutTiles: whatever count gives the largest tiles.
inline constexpr int kAnyColumns = 0;

// Lays out `count` tiles of tileWidth x tileHeight image pixels, `gap` pixels apart, in a box of
// boxWidth x boxHeight screen units. `columns` > 0 fixes the columns (the rows mean something,
// as a traversal's latent dimensions do); kAnyColumns tries every row count and keeps the
// largest tiles (ties: fewer rows), each row as full as the count allows. The scale is a whole
// number when rounding it down keeps at least 80% of the size (every image pixel the same
// number of screen pixels), else exact; so the grid fills at least 80% of the box along the
// dimension that limits it. The grid is centred, its corner on a whole screen unit.
TileLayout layoutTiles(float boxWidth, float boxHeight, int count, int tileWidth, int tileHeight,
                       int gap, int columns);

}  // namespace genlab::views
