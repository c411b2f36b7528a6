#pragma once
// Mouse and keyboard state handed to PlotCanvas::handleInput, and what it reports back. Free of
// ImGui so interaction can be driven by tests and scripts; plot_widget.cpp fills it from ImGui.

#include <cstddef>
#include <optional>

#include "ui/plot/plot_math.h"

namespace genlab::plot {

class Layer;

struct CanvasInput {
  Vec2 mouse;            // framebuffer pixels, origin top-left, y down
  bool hovered = false;  // the mouse is over the canvas (and not over another window)
  bool leftDown = false;
  bool rightDown = false;  // right or middle drag always pans
  bool middleDown = false;
  bool doubleClicked = false;  // left double-click: reset the view
  double wheel = 0;            // notches this frame; positive zooms in
  bool shift = false;
  bool ctrl = false;
  bool alt = false;
};

struct CanvasEvents {
  bool hovered = false;      // the mouse is inside the plot area
  Vec2 mouseData;            // data coordinates under the mouse (valid when hovered)
  bool viewChanged = false;  // pan, zoom or reset happened
  bool reset = false;        // the view was reset to home (double-click)

  // Left press and release without moving more than a few pixels (and not on a handle).
  bool clicked = false;
  Vec2 clickData;

  // Left drag with Shift or Ctrl held: the view does not pan; the view under it gets the
  // position every frame the button is down (including the press), e.g. to spray or erase.
  bool toolDrag = false;
  Vec2 toolData;

  // A draggable item (MarkerLayer with setDraggable(true)) is held; it has been moved to
  // itemData already. itemReleased is set on the frame the button goes up.
  Layer* itemLayer = nullptr;
  std::size_t itemIndex = 0;
  bool itemMoved = false;
  bool itemReleased = false;
  Vec2 itemData;

  bool shift = false, ctrl = false, alt = false;
};

}  // namespace genlab::plot
