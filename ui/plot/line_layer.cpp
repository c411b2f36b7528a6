#include "ui/plot/line_layer.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>

#include "ui/gl/shared_resources.h"

namespace genlab::plot {

LineLayer::LineLayer() {
  // Triangle-strip corners: (end, side) with end -1 at p0 and +1 at p1.
  const float corners[] = {-1, -1, -1, 1, 1, -1, 1, 1};
  m_corners.upload(corners, sizeof corners);
  m_vao.attribute(2, 2, GL_FLOAT, false, 2 * sizeof(float), 0);
  m_instances.bind();
  m_vao.attribute(0, 2, GL_FLOAT, false, sizeof(Segment), offsetof(Segment, p0));
  m_vao.attribute(1, 2, GL_FLOAT, false, sizeof(Segment), offsetof(Segment, p1));
  m_vao.attribute(3, 4, GL_UNSIGNED_BYTE, true, sizeof(Segment), offsetof(Segment, color));
  m_vao.attribute(4, 1, GL_FLOAT, false, sizeof(Segment), offsetof(Segment, dist0));
  for (GLuint a : {0u, 1u, 3u, 4u}) glVertexAttribDivisor(a, 1);
  glBindVertexArray(0);
}

void LineLayer::setPolylines(std::vector<Polyline> lines) {
  m_lines = std::move(lines);
  touch();
}

std::size_t LineLayer::addPolyline(std::vector<Vec2> points, const Color& color, bool closed) {
  m_lines.push_back({std::move(points), color, closed});
  touch();
  return m_lines.size() - 1;
}

void LineLayer::setWidth(float logicalPx) {
  m_width = logicalPx;
  touch();
}

void LineLayer::setDash(float onPx, float offPx) {
  m_dashOn = onPx;
  m_dashOff = offPx;
  touch();
}

std::optional<DataRect> LineLayer::bounds() const {
  DataRect r = emptyBounds();
  for (const auto& line : m_lines)
    for (const Vec2& p : line.points) include(r, p);
  if (!(r.xMin <= r.xMax)) return std::nullopt;
  return r;
}

void LineLayer::draw(const DrawContext& ctx) {
  if (m_gpuStale) {
    m_segments.clear();
    for (const auto& line : m_lines) {
      const Rgba8 c = line.color.toRgba8();
      const std::size_t n = line.points.size();
      double dist = 0;
      const std::size_t segs = line.closed && n > 2 ? n : (n > 0 ? n - 1 : 0);
      for (std::size_t i = 0; i < segs; ++i) {
        const Vec2 a = line.points[i], b = line.points[(i + 1) % n];
        // A NaN breaks the line (a gap), which is how a series marks missing values.
        if (!std::isfinite(a.x) || !std::isfinite(a.y) || !std::isfinite(b.x) ||
            !std::isfinite(b.y))
          continue;
        m_segments.push_back({{static_cast<float>(a.x), static_cast<float>(a.y)},
                              {static_cast<float>(b.x), static_cast<float>(b.y)},
                              c,
                              static_cast<float>(dist)});
        dist += std::hypot(b.x - a.x, b.y - a.y);
      }
    }
    m_instances.upload(m_segments.data(), m_segments.size() * sizeof(Segment));
    m_gpuStale = false;
  }
  if (m_segments.empty()) return;
  gl::Program& program = gl::sharedProgram("lines.vert", "lines.frag");
  program.use();
  const auto t = ctx.dataToNdc();
  program.set("u_transform", t[0], t[1], t[2], t[3]);
  program.set("u_viewport", static_cast<float>(ctx.fbWidth), static_cast<float>(ctx.fbHeight));
  const float width = m_width > 0 ? ctx.px(m_width) : ctx.style.lineWidthPx;
  program.set("u_halfWidth", 0.5f * width);
  program.set("u_pxPerData", static_cast<float>(std::sqrt(
                                 std::abs(ctx.view.pixelsPerUnitX() * ctx.view.pixelsPerUnitY()))));
  program.set("u_dash", ctx.px(m_dashOn), ctx.px(m_dashOff));
  m_vao.bind();
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(m_segments.size()));
  glBindVertexArray(0);
}

std::vector<Vec2> covarianceEllipse(Vec2 mean, double cxx, double cxy, double cyy, double k,
                                    int segments) {
  // Eigen-decomposition of the symmetric 2x2 matrix in closed form.
  const double tr = cxx + cyy, det = cxx * cyy - cxy * cxy;
  const double disc = std::sqrt(std::max(0.0, tr * tr / 4 - det));
  const double l1 = std::max(0.0, tr / 2 + disc), l2 = std::max(0.0, tr / 2 - disc);
  // Eigenvector of l1; if cxy == 0 the axes are the coordinate axes.
  double ex = 1, ey = 0;
  if (std::abs(cxy) > 1e-300) {
    ex = l1 - cyy;
    ey = cxy;
    const double n = std::hypot(ex, ey);
    ex /= n;
    ey /= n;
  } else if (cyy > cxx) {
    ex = 0;
    ey = 1;
  }
  const double a = k * std::sqrt(l1), b = k * std::sqrt(l2);
  std::vector<Vec2> pts;
  pts.reserve(static_cast<std::size_t>(std::max(segments, 3)));
  for (int i = 0; i < std::max(segments, 3); ++i) {
    const double th = 2 * std::numbers::pi * i / std::max(segments, 3);
    const double u = a * std::cos(th), v = b * std::sin(th);
    pts.push_back({mean.x + u * ex - v * ey, mean.y + u * ey + v * ex});
  }
  return pts;
}

}  // namespace genlab::plot
