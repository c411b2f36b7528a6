#pragma once
// A picture drawn in framebuffer pixels, with no axes: the HMM views (trellis, parameter
// matrices, state diagram) whose coordinates are states, cells and time steps, not a data plane
// with numeric ticks. Shapes are drawn first, then text, then the overlay shapes (hover marks).
//
// Lazy like PlotCanvas: the owner refills the lists and calls render() only when what it shows
// changed (data, window, size or style); an unchanged picture costs one ImGui::Image a frame.
// Every GL call needs the context the canvas was created in to be current.

#include <imgui.h>

#include "ui/gl/framebuffer.h"
#include "ui/gl/text.h"
#include "ui/plot/plot_math.h"
#include "ui/plot/shape_batch.h"
#include "ui/theme.h"

namespace genlab::views::hmmui {

class PixelCanvas {
 public:
  PixelCanvas() { m_fb.resize(1, 1); }

  // Returns whether the size changed (the picture then needs rebuilding).
  bool resize(int width, int height) { return m_fb.resize(width, height); }
  int width() const { return m_fb.width(); }
  int height() const { return m_fb.height(); }

  plot::ShapeBatch& shapes() { return m_shapes; }
  gl::TextBatch& text() { return m_text; }
  const gl::TextBatch& text() const { return m_text; }
  plot::ShapeBatch& overlay() { return m_overlay; }
  void clear();

  // Draws the lists over `background` into the framebuffer; restores the previous binding.
  void render(const ui::Color& background);

  const gl::Framebuffer& framebuffer() const { return m_fb; }
  gl::ImageRgba readPixels() const { return m_fb.readPixels(); }

 private:
  gl::Framebuffer m_fb;
  plot::ShapeBatch m_shapes;
  gl::TextBatch m_text;
  plot::ShapeBatch m_overlay;
};

// Mouse state over a canvas this frame, in its framebuffer pixels (origin top-left, y down).
struct PixelInput {
  bool hovered = false;
  bool active = false;  // the button is held on this canvas (a drag may leave the rect)
  plot::Vec2 mouse;
  plot::Vec2 delta;  // mouse motion since the last frame
  bool leftPressed = false, leftDown = false, leftReleased = false;
  bool doubleClicked = false;
  double wheel = 0;
  bool shift = false;
};

// Where a canvas sits in the ImGui window this frame, and the style in framebuffer pixels.
struct PixelFrame {
  ImVec2 origin;
  ImVec2 logical;
  float fbScale = 1;
  ui::Style style;
  PixelInput input;
};

// Sizes the canvas for `size` logical pixels (<= 0: fill the available region), claims the
// rect with an invisible button (so drags do not move the window and the wheel does not scroll
// it) and reads the mouse. Call showPixelCanvas after rendering.
PixelFrame placePixelCanvas(const char* id, PixelCanvas& canvas, ImVec2 size,
                            const ui::Style& style);
void showPixelCanvas(const PixelFrame& frame, const PixelCanvas& canvas);

// A colour readable on top of `fill`: the palette's foreground or white, by luminance.
ui::Color textOn(const ui::Color& fill, const ui::Palette& palette);

}  // namespace genlab::views::hmmui
