#include "ui/plot/marker_layer.h"

#include <cstddef>

#include "ui/gl/shared_resources.h"

namespace genlab::plot {
namespace {
constexpr float kHoverGrowth = 1.3f;  // a hovered marker is drawn this much larger
constexpr double kHitSlopPx = 4.0;    // forgiving hit area for fingers and projectors
}  // namespace

MarkerLayer::MarkerLayer() {
  m_vbo.bind();
  m_vao.attribute(0, 2, GL_FLOAT, false, sizeof(Vertex), offsetof(Vertex, x));
  m_vao.attribute(1, 4, GL_UNSIGNED_BYTE, true, sizeof(Vertex), offsetof(Vertex, color));
  m_vao.attribute(2, 1, GL_FLOAT, false, sizeof(Vertex), offsetof(Vertex, diameter));
  glBindVertexArray(0);
}

void MarkerLayer::setMarkers(std::vector<Marker> markers) {
  m_markers = std::move(markers);
  if (m_hovered >= static_cast<int>(m_markers.size())) m_hovered = -1;
  touch();
}

void MarkerLayer::setPosition(std::size_t index, Vec2 position) {
  if (index >= m_markers.size() || m_markers[index].position == position) return;
  m_markers[index].position = position;
  touch();
}

void MarkerLayer::setOutlineWidth(float logicalPx) {
  m_outline = logicalPx;
  touch();
}

void MarkerLayer::setHovered(int index) {
  if (index == m_hovered) return;
  m_hovered = index;
  touch();
}

float MarkerLayer::radiusPx(const Marker& m, std::size_t index) const {
  const float r = m.radius > 0 ? m.radius * m_lastScale : m_lastDefaultRadius;
  return static_cast<int>(index) == m_hovered ? r * kHoverGrowth : r;
}

std::optional<std::size_t> MarkerLayer::markerAt(Vec2 pixel, const ViewTransform& view) const {
  // Last drawn is on top, so search backwards.
  for (std::size_t i = m_markers.size(); i-- > 0;) {
    const Vec2 p = view.toPixel(m_markers[i].position);
    const double r = radiusPx(m_markers[i], i) + kHitSlopPx;
    const Vec2 d = p - pixel;
    if (d.x * d.x + d.y * d.y <= r * r) return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> MarkerLayer::hitTest(Vec2 pixel, const ViewTransform& view) const {
  if (!m_draggable || !visible()) return std::nullopt;
  return markerAt(pixel, view);
}

std::optional<DataRect> MarkerLayer::bounds() const {
  DataRect r = emptyBounds();
  for (const auto& m : m_markers) include(r, m.position);
  if (!(r.xMin <= r.xMax)) return std::nullopt;
  return r;
}

void MarkerLayer::draw(const DrawContext& ctx) {
  if (m_markers.empty()) return;
  if (m_lastScale != ctx.style.scale || m_lastDefaultRadius != 1.4f * ctx.style.pointSizePx) {
    m_lastScale = ctx.style.scale;
    m_lastDefaultRadius = 1.4f * ctx.style.pointSizePx;
    m_gpuStale = true;
  }
  if (m_gpuStale) {
    m_vertices.clear();
    for (std::size_t i = 0; i < m_markers.size(); ++i) {
      const Marker& m = m_markers[i];
      m_vertices.push_back({static_cast<float>(m.position.x), static_cast<float>(m.position.y),
                            m.color.toRgba8(), 2.0f * radiusPx(m, i)});
    }
    m_vbo.upload(m_vertices.data(), m_vertices.size() * sizeof(Vertex));
    m_gpuStale = false;
  }
  gl::Program& program = gl::sharedProgram("points.vert", "points.frag");
  program.use();
  const auto t = ctx.dataToNdc();
  program.set("u_transform", t[0], t[1], t[2], t[3]);
  const Color& o = ctx.style.palette.outline;
  program.set("u_outlineWidth", ctx.px(m_outline));
  program.set("u_outlineColor", o.r, o.g, o.b, o.a);
  program.set("u_opacity", 1.0f);
  m_vao.bind();
  glEnable(GL_PROGRAM_POINT_SIZE);
  glDrawArrays(GL_POINTS, 0, static_cast<GLsizei>(m_vertices.size()));
  glDisable(GL_PROGRAM_POINT_SIZE);
  glBindVertexArray(0);
}

}  // namespace genlab::plot
