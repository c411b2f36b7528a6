#include "ui/plot/shape_batch.h"

#include <cmath>
#include <cstddef>
#include <numbers>

#include "ui/gl/shared_resources.h"

namespace genlab::plot {

ShapeBatch::ShapeBatch() {
  m_vbo.bind();
  m_vao.attribute(0, 2, GL_FLOAT, false, sizeof(Vertex), offsetof(Vertex, x));
  m_vao.attribute(1, 4, GL_UNSIGNED_BYTE, true, sizeof(Vertex), offsetof(Vertex, color));
  glBindVertexArray(0);
}

void ShapeBatch::addRect(double x0, double y0, double x1, double y1, const ui::Color& c) {
  const ui::Rgba8 k = c.toRgba8();
  push(x0, y0, k);
  push(x1, y0, k);
  push(x1, y1, k);
  push(x0, y0, k);
  push(x1, y1, k);
  push(x0, y1, k);
}

namespace {

// Centre of a line of width w near coordinate v, so its edges land on pixel boundaries.
double snapCentre(double v, double w) {
  const double iw = std::max(1.0, std::round(w));
  return static_cast<long long>(iw) % 2 == 1 ? std::floor(v) + 0.5 : std::round(v);
}

}  // namespace

void ShapeBatch::addLine(Vec2 a, Vec2 b, double width, const ui::Color& c, bool snapToPixels) {
  if (snapToPixels && a.y == b.y) {
    const double y = snapCentre(a.y, width), h = std::max(1.0, std::round(width)) * 0.5;
    addRect(std::min(a.x, b.x), y - h, std::max(a.x, b.x), y + h, c);
    return;
  }
  if (snapToPixels && a.x == b.x) {
    const double x = snapCentre(a.x, width), h = std::max(1.0, std::round(width)) * 0.5;
    addRect(x - h, std::min(a.y, b.y), x + h, std::max(a.y, b.y), c);
    return;
  }
  const Vec2 d = b - a;
  const double len = std::hypot(d.x, d.y);
  if (len <= 0) return;
  const Vec2 n{-d.y / len * width * 0.5, d.x / len * width * 0.5};
  addQuad(a + n, b + n, b - n, a - n, c);
}

void ShapeBatch::addQuad(Vec2 a, Vec2 b, Vec2 c, Vec2 d, const ui::Color& color) {
  const ui::Rgba8 k = color.toRgba8();
  push(a.x, a.y, k);
  push(b.x, b.y, k);
  push(c.x, c.y, k);
  push(a.x, a.y, k);
  push(c.x, c.y, k);
  push(d.x, d.y, k);
}

void ShapeBatch::addDisc(Vec2 center, double radius, const ui::Color& c, int segments) {
  const ui::Rgba8 k = c.toRgba8();
  for (int i = 0; i < segments; ++i) {
    const double a0 = 2 * std::numbers::pi * i / segments;
    const double a1 = 2 * std::numbers::pi * (i + 1) / segments;
    push(center.x, center.y, k);
    push(center.x + radius * std::cos(a0), center.y + radius * std::sin(a0), k);
    push(center.x + radius * std::cos(a1), center.y + radius * std::sin(a1), k);
  }
}

void ShapeBatch::addFrame(double x0, double y0, double x1, double y1, double width,
                          const ui::Color& c) {
  addRect(x0, y0, x1, y0 + width, c);
  addRect(x0, y1 - width, x1, y1, c);
  addRect(x0, y0 + width, x0 + width, y1 - width, c);
  addRect(x1 - width, y0 + width, x1, y1 - width, c);
}

void ShapeBatch::draw(const std::array<float, 4>& t) {
  if (m_vertices.empty()) return;
  gl::Program& program = gl::sharedProgram("solid.vert", "solid.frag");
  program.use();
  program.set("u_transform", t[0], t[1], t[2], t[3]);
  m_vao.bind();
  m_vbo.upload(m_vertices.data(), m_vertices.size() * sizeof(Vertex), GL_STREAM_DRAW);
  glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(m_vertices.size()));
  glBindVertexArray(0);
}

}  // namespace genlab::plot
