#pragma once
// An offscreen render target: one RGBA8 colour texture, no depth (2-D plots draw in order).
// The same object serves the on-screen view (its texture goes to ImGui::Image) and PNG export
// and tests (readPixels).

#include <cstdint>
#include <vector>

#include "ui/gl/gl.h"
#include "ui/gl/texture.h"

namespace genlab::gl {

// RGBA8 pixels, rows from top to bottom (image order, as PNG files and mouse coordinates use).
struct ImageRgba {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // width * height * 4

  const std::uint8_t* at(int x, int y) const {
    return pixels.data() + (static_cast<std::size_t>(y) * width + x) * 4;
  }
};

class Framebuffer {
 public:
  Framebuffer();
  ~Framebuffer();
  Framebuffer(const Framebuffer&) = delete;
  Framebuffer& operator=(const Framebuffer&) = delete;

  // Reallocates the colour texture if the size changed (contents are then undefined). Returns
  // whether it did. Sizes are clamped to at least 1x1.
  bool resize(int width, int height);

  // Binds for drawing and sets the viewport to the whole target. Call unbind() (or bind another
  // target) before showing the texture.
  void bind() const;
  static void unbind();

  // Reads the colour attachment back (slow: for export and tests, not per frame).
  ImageRgba readPixels() const;

  const Texture2D& texture() const { return m_color; }
  int width() const { return m_width; }
  int height() const { return m_height; }

 private:
  GLuint m_fbo = 0;
  Texture2D m_color;
  int m_width = 0;
  int m_height = 0;
};

}  // namespace genlab::gl
