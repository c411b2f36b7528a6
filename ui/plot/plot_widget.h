#pragma once
// ImGui glue for PlotCanvas: lays the canvas out in the current window, re-renders it only when
// needed, shows its texture, routes mouse input to it and draws the hover readout.

#include <functional>
#include <string>

#include "ui/plot/plot_canvas.h"

struct ImVec2;

namespace genlab::plot {

struct CanvasWidgetOptions {
  // Extra lines for the hover tooltip (e.g. the value of a heatmap cell, the nearest point's
  // class); called only while hovered. The data coordinates are always shown.
  std::function<std::string(Vec2 data)> hoverText;
  bool showTooltip = true;
};

// Shows `canvas` at `size` logical pixels (x or y <= 0: fill the available region in that
// direction). The framebuffer is sized in physical pixels (io.DisplayFramebufferScale) and the
// style scaled to match, so a Style is written for a 1x display. Mouse: left drag pans (or
// drags a draggable marker; with Shift or Ctrl it is a tool drag instead), right/middle drag
// pans, wheel zooms around the cursor, double-click resets. Returns what happened this frame.
CanvasEvents showCanvas(const char* id, PlotCanvas& canvas, const ImVec2& size,
                        const ui::Style& style, const CanvasWidgetOptions& options = {});

}  // namespace genlab::plot
