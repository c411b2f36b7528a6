#include "ui/views/tile_layout.h"

#include <algorithm>
#include <cmath>

namespace genlab::views {
namespace {

// Grid extent in image pixels for `columns` x `rows` tiles.
float gridPixels(int cells, int tile, int gap) {
  return static_cast<float>(cells * tile + (cells - 1) * gap);
}

float fittingScale(float boxWidth, float boxHeight, int columns, int rows, int tileWidth,
                   int tileHeight, int gap) {
  return std::min(boxWidth / gridPixels(columns, tileWidth, gap),
                  boxHeight / gridPixels(rows, tileHeight, gap));
}

}  // namespace

TileLayout layoutTiles(float boxWidth, float boxHeight, int count, int tileWidth, int tileHeight,
                       int gap, int columns) {
  count = std::max(count, 1);
  tileWidth = std::max(tileWidth, 1);
  tileHeight = std::max(tileHeight, 1);
  gap = std::max(gap, 0);
  boxWidth = std::max(boxWidth, 1.0f);
  boxHeight = std::max(boxHeight, 1.0f);

  TileLayout layout;
  if (columns > 0) {
    layout.columns = std::min(columns, count);
    layout.rows = (count + layout.columns - 1) / layout.columns;
    layout.scale =
        fittingScale(boxWidth, boxHeight, layout.columns, layout.rows, tileWidth, tileHeight, gap);
  } else {
    // Each row count with its fewest columns: 10 tiles try 10x1, 5x2, 4x3, 3x4, 2x5, 1x10.
    for (int rows = 1; rows <= count; ++rows) {
      const int cols = (count + rows - 1) / rows;
      if (rows > 1 && (count + cols - 1) / cols != rows) continue;  // the same grid as before
      const float scale = fittingScale(boxWidth, boxHeight, cols, rows, tileWidth, tileHeight, gap);
      if (scale > layout.scale) layout = {cols, rows, scale};
    }
  }
  if (const float whole = std::floor(layout.scale); whole >= 0.8f * layout.scale)
    layout.scale = whole;
  layout.width = gridPixels(layout.columns, tileWidth, gap) * layout.scale;
  layout.height = gridPixels(layout.rows, tileHeight, gap) * layout.scale;
  layout.left = std::floor((boxWidth - layout.width) * 0.5f);
  layout.top = std::floor((boxHeight - layout.height) * 0.5f);
  return layout;
}

}  // namespace genlab::views
