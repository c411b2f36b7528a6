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
// Spreads canvas re-renders over frames: at most `perFrame` canvases re-render in one frame
// (a canvas that has waited 3 frames renders regardless, and a canvas's first render is never
// deferred); the others show their previous picture until their turn. On a software renderer a
// re-render costs several milliseconds, and a new training snapshot dirties every view at
// once, so without this one frame in two carries all of them. Default: no limit.
void setCanvasRenderBudget(int perFrame);
// Call once at the start of every frame when a budget is set.
void beginCanvasFrame();

CanvasEvents showCanvas(const char* id, PlotCanvas& canvas, const ImVec2& size,
                        const ui::Style& style, const CanvasWidgetOptions& options = {});

}  // namespace genlab::plot
