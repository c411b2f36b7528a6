#pragma once
// Flat-coloured triangles (rects, lines, discs) collected on the CPU and drawn in one call.
// Used for the canvas's own decorations (grid, axes, ticks, legend) in pixel space and for
// RectLayer in data space; the transform passed to draw() decides which.

#include <array>
#include <vector>

#include "ui/gl/buffer.h"
#include "ui/plot/plot_math.h"
#include "ui/theme.h"

namespace genlab::plot {

class ShapeBatch {
 public:
  ShapeBatch();

  void clear() { m_vertices.clear(); }
  bool empty() const { return m_vertices.empty(); }

  void addRect(double x0, double y0, double x1, double y1, const ui::Color& c);
  // A straight line of `width` as a quad. Horizontal and vertical lines in pixel space are
  // snapped so a 1-px line covers exactly one pixel row or column (crisp grid lines).
  void addLine(Vec2 a, Vec2 b, double width, const ui::Color& c, bool snapToPixels = true);
  // A convex quadrilateral a-b-c-d (in order around it) as two triangles.
  void addQuad(Vec2 a, Vec2 b, Vec2 c, Vec2 d, const ui::Color& color);
  void addDisc(Vec2 center, double radius, const ui::Color& c, int segments = 24);
  // Outline of an axis-aligned rectangle, the stroke inside the rect.
  void addFrame(double x0, double y0, double x1, double y1, double width, const ui::Color& c);

  // Draws with ndc = p * (t[0], t[1]) + (t[2], t[3]). Blending must be on.
  void draw(const std::array<float, 4>& transform);

 private:
  struct Vertex {
    float x, y;
    ui::Rgba8 color;
  };
  void push(double x, double y, ui::Rgba8 c) {
    m_vertices.push_back({static_cast<float>(x), static_cast<float>(y), c});
  }
  std::vector<Vertex> m_vertices;
  gl::Buffer m_vbo;
  gl::VertexArray m_vao;
};

}  // namespace genlab::plot
