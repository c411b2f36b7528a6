#include "ui/plot/point_layer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "ui/gl/shared_resources.h"

namespace genlab::plot {

PointLayer::PointLayer() {
  m_positions.bind();
  m_vao.attribute(0, 2, GL_FLOAT, false, 2 * sizeof(float), 0);
  m_colorBuffer.bind();
  m_vao.attribute(1, 4, GL_UNSIGNED_BYTE, true, sizeof(Rgba8), 0);
  m_quad.bind();
  m_quadVao.attribute(0, 2, GL_FLOAT, false, 4 * sizeof(float), 0);
  m_quadVao.attribute(1, 2, GL_FLOAT, false, 4 * sizeof(float), 2 * sizeof(float));
  glBindVertexArray(0);
}

void PointLayer::setPoints(std::vector<float> xy, std::vector<Rgba8> colors) {
  xy.resize(xy.size() / 2 * 2);
  if (!colors.empty()) colors.resize(xy.size() / 2, m_color.toRgba8());
  m_xy = std::move(xy);
  m_colors = std::move(colors);
  m_bounds = emptyBounds();
  for (std::size_t i = 0; i + 1 < m_xy.size(); i += 2) include(m_bounds, {m_xy[i], m_xy[i + 1]});
  touch();
}

void PointLayer::setPoints(std::span<const Vec2> points, std::span<const Rgba8> colors) {
  std::vector<float> xy;
  xy.reserve(points.size() * 2);
  for (const Vec2& p : points) {
    xy.push_back(static_cast<float>(p.x));
    xy.push_back(static_cast<float>(p.y));
  }
  setPoints(std::move(xy), std::vector<Rgba8>(colors.begin(), colors.end()));
}

void PointLayer::setColor(const Color& c) {
  m_color = c;
  touch();
}
void PointLayer::setPointSize(float logicalPx) {
  m_pointSize = logicalPx;
  touch();
}
void PointLayer::setOpacity(float opacity) {
  m_opacity = opacity;
  touch();
}
void PointLayer::setDensityThreshold(std::size_t n) {
  m_threshold = n;
  touch();
}
std::size_t PointLayer::densityThreshold() const {
  if (m_threshold) return *m_threshold;
  const double side = static_cast<double>(m_lastDiameter) + 2.0;
  return static_cast<std::size_t>(kSpriteFragmentBudget / (side * side));
}

void PointLayer::setDensityColoring(DensityColoring c) {
  m_coloring = c;
  touch();
}

std::optional<DataRect> PointLayer::bounds() const {
  if (!(m_bounds.xMin <= m_bounds.xMax)) return std::nullopt;
  return m_bounds;
}

std::optional<std::size_t> PointLayer::nearest(Vec2 data, const ViewTransform& view,
                                               double maxPixels) const {
  // Linear scan in pixel units (the axes may be scaled differently): ~2 ms per million points,
  // fine for a hover readout.
  const double sx = view.pixelsPerUnitX(), sy = view.pixelsPerUnitY();
  double best = maxPixels * maxPixels;
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < size(); ++i) {
    const double dx = (m_xy[2 * i] - data.x) * sx, dy = (m_xy[2 * i + 1] - data.y) * sy;
    const double d2 = dx * dx + dy * dy;
    if (d2 <= best) {
      best = d2;
      found = i;
    }
  }
  return found;
}

void PointLayer::draw(const DrawContext& ctx) {
  if (m_xy.empty()) return;
  m_lastDiameter = m_pointSize > 0 ? ctx.px(m_pointSize) : ctx.style.pointSizePx;
  if (usesDensity())
    drawDensity(ctx);
  else
    drawSprites(ctx);
}

void PointLayer::drawSprites(const DrawContext& ctx) {
  if (m_gpuStale) {
    m_positions.upload(m_xy.data(), m_xy.size() * sizeof(float));
    if (!m_colors.empty()) m_colorBuffer.upload(m_colors.data(), m_colors.size() * sizeof(Rgba8));
    m_gpuStale = false;
  }
  gl::Program& program = gl::sharedProgram("points.vert", "points.frag");
  program.use();
  const auto t = ctx.dataToNdc();
  program.set("u_transform", t[0], t[1], t[2], t[3]);
  program.set("u_outlineWidth", 0.0f);
  program.set("u_opacity", m_opacity);
  m_vao.bind();
  // Per-point colours come from the buffer; otherwise attribute 1 is a constant (generic
  // attribute values are context state, so set it on every draw).
  if (m_colors.empty()) {
    glDisableVertexAttribArray(1);
    glVertexAttrib4f(1, m_color.r, m_color.g, m_color.b, m_color.a);
  } else {
    glEnableVertexAttribArray(1);
  }
  const float diameter = m_pointSize > 0 ? ctx.px(m_pointSize) : ctx.style.pointSizePx;
  glVertexAttrib1f(2, diameter);
  glEnable(GL_PROGRAM_POINT_SIZE);
  glDrawArrays(GL_POINTS, 0, static_cast<GLsizei>(size()));
  glDisable(GL_PROGRAM_POINT_SIZE);
  glBindVertexArray(0);
}

void PointLayer::binDensity(const DrawContext& ctx, int binPx) {
  const PixelRect& area = ctx.view.pixels;
  m_binsX = std::max(1, static_cast<int>(std::ceil(area.width / binPx)));
  m_binsY = std::max(1, static_cast<int>(std::ceil(area.height / binPx)));
  const std::size_t bins = static_cast<std::size_t>(m_binsX) * static_cast<std::size_t>(m_binsY);
  // count, r, g, b sums per bin; 32 bits hold 16M points of 255 per channel.
  std::vector<std::uint32_t> acc(bins * 4, 0);
  const double sx = ctx.view.pixelsPerUnitX() / binPx, sy = ctx.view.pixelsPerUnitY() / binPx;
  const double x0 = ctx.view.data.xMin, y1 = ctx.view.data.yMax;
  const Rgba8 uniform = m_color.toRgba8();
  const bool perPoint = !m_colors.empty();
  for (std::size_t i = 0; i < size(); ++i) {
    const double bx = (m_xy[2 * i] - x0) * sx;
    const double by = (y1 - m_xy[2 * i + 1]) * sy;                        // row 0 at the top
    if (!(bx >= 0 && by >= 0 && bx < m_binsX && by < m_binsY)) continue;  // also drops NaN
    const std::size_t k = (static_cast<std::size_t>(by) * static_cast<std::size_t>(m_binsX) +
                           static_cast<std::size_t>(bx)) *
                          4;
    const Rgba8 c = perPoint ? m_colors[i] : uniform;
    acc[k] += 1;
    acc[k + 1] += c.r;
    acc[k + 2] += c.g;
    acc[k + 3] += c.b;
  }
  std::uint32_t maxCount = 0;
  for (std::size_t b = 0; b < bins; ++b) maxCount = std::max(maxCount, acc[b * 4]);
  // Log scale: a bin holding one point is still visible next to one holding thousands.
  const float invLogMax = 1.0f / std::log1p(static_cast<float>(std::max(maxCount, 1u)));
  static const std::vector<Rgba8> lut = ui::colormapTable(ui::Colormap::Viridis, 256);
  m_densityPixels.assign(bins, Rgba8{0, 0, 0, 0});
  for (std::size_t b = 0; b < bins; ++b) {
    const std::uint32_t n = acc[b * 4];
    if (n == 0) continue;
    const float level = std::log1p(static_cast<float>(n)) * invLogMax;  // (0, 1]
    if (m_coloring == DensityColoring::Colormap) {
      m_densityPixels[b] = lut[static_cast<std::size_t>(level * 255.0f + 0.5f)];
    } else {
      // Premultiplied (image.frag divides it out after filtering).
      const float alpha = 0.35f + 0.65f * level;
      const float k = alpha / static_cast<float>(n);
      auto q = [](float v) { return static_cast<std::uint8_t>(std::min(255.0f, v + 0.5f)); };
      m_densityPixels[b] = {q(static_cast<float>(acc[b * 4 + 1]) * k),
                            q(static_cast<float>(acc[b * 4 + 2]) * k),
                            q(static_cast<float>(acc[b * 4 + 3]) * k), q(alpha * 255.0f)};
    }
  }
  m_density.uploadRgba8(m_binsX, m_binsY,
                        reinterpret_cast<const std::uint8_t*>(m_densityPixels.data()),
                        gl::Filter::Linear);
}

void PointLayer::drawDensity(const DrawContext& ctx) {
  // Bins one point wide, shown with linear filtering: a lone point reads as a soft dot of
  // about the size a sprite would have, and dense regions as a smooth field.
  const int binPx = std::max(
      1,
      static_cast<int>(std::lround(m_pointSize > 0 ? ctx.px(m_pointSize) : ctx.style.pointSizePx)));
  const bool viewChanged = !(m_binnedView.data == ctx.view.data) ||
                           !(m_binnedView.pixels == ctx.view.pixels) || m_binnedBinPx != binPx;
  if (m_binnedRevision != revision() || viewChanged) {
    binDensity(ctx, binPx);
    m_binnedRevision = revision();
    m_binnedView = ctx.view;
    m_binnedBinPx = binPx;
    const PixelRect& a = ctx.view.pixels;
    const float l = static_cast<float>(a.left), t = static_cast<float>(a.top);
    const float r = l + static_cast<float>(m_binsX * binPx);
    const float b = t + static_cast<float>(m_binsY * binPx);
    // Two triangles; uv t = 0 is the first image row, which is the top of the plot.
    const float quad[] = {l, t, 0, 0, r, t, 1, 0, r, b, 1, 1, l, t, 0, 0, r, b, 1, 1, l, b, 0, 1};
    m_quad.upload(quad, sizeof quad);
  }
  drawTexturedQuad(m_density, m_quadVao, ctx.pixelToNdc(), m_opacity);
}

}  // namespace genlab::plot
