#pragma once
// One small image (8x8 digits, 28x28 clothes) drawn as square cells with ImGui's draw list, in
// colours the caller picks per cell, with a caption above: cheap for a few thousand cells a
// frame, and each cell is clickable. Used by the PixelCNN views, whose pictures change cell by
// cell every frame (the sampler's canvas, a receptive field).

#include <imgui.h>

#include <functional>
#include <string>

namespace genlab::views::pixelcnnui {

struct GridHit {
  int hovered = -1;  // raster index of the cell under the mouse, -1 for none
  bool clicked = false;
  ImVec2 min, max;  // where the grid was drawn (screen units)
  float cell = 0.0f;
};

// Draws `height` x `width` cells filling at most `box` (square cells, centred, the caption
// wrapped above them), at the cursor; advances the cursor by `box`. `colour(index)` gives each
// cell's colour.
GridHit drawPixelGrid(const char* id, const std::string& caption, int height, int width, ImVec2 box,
                      const std::function<ImU32(int)>& colour);

// Outlines cell `index` of a grid drawn with `hit`.
void outlineCell(const GridHit& hit, int width, int index, ImU32 colour, float thickness);

// A grey of value v in [0, 1] (0 black, 1 white: ink is white, as in ImageTiles), or a
// slate blue where v < 0 (a pixel not drawn yet).
ImU32 greyCell(float v);

}  // namespace genlab::views::pixelcnnui
