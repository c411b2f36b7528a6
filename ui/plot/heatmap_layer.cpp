#include "ui/plot/heatmap_layer.h"

#include <algorithm>
#include <cstdint>

#include "ui/gl/shared_resources.h"

namespace genlab::plot {

HeatmapLayer::HeatmapLayer() {
  m_quad.bind();
  m_vao.attribute(0, 2, GL_FLOAT, false, 4 * sizeof(float), 0);
  m_vao.attribute(1, 2, GL_FLOAT, false, 4 * sizeof(float), 2 * sizeof(float));
  glBindVertexArray(0);
}

void HeatmapLayer::setScalars(const GridSpec& grid, std::span<const float> values, float vmin,
                              float vmax) {
  m_grid = grid;
  m_values.assign(values.begin(), values.end());
  m_values.resize(static_cast<std::size_t>(std::max(0, grid.cols * grid.rows)),
                  std::numeric_limits<float>::quiet_NaN());
  float lo = std::numeric_limits<float>::infinity(), hi = -lo;
  for (float v : m_values)
    if (std::isfinite(v)) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  if (!(lo <= hi)) lo = hi = 0;
  m_vmin = std::isnan(vmin) ? lo : vmin;
  m_vmax = std::isnan(vmax) ? hi : vmax;
  m_scalar = true;
  rebuildPixels();
}

void HeatmapLayer::setImage(const GridSpec& grid, std::span<const Rgba8> cells) {
  m_grid = grid;
  m_values.clear();
  m_cells.assign(cells.begin(), cells.end());
  m_cells.resize(static_cast<std::size_t>(std::max(0, grid.cols * grid.rows)));
  m_scalar = false;
  rebuildPixels();
}

void HeatmapLayer::setColormap(ui::Colormap map) {
  m_map = map;
  if (m_scalar) rebuildPixels();
  touch();
}

void HeatmapLayer::setOpacity(float opacity) {
  m_opacity = opacity;
  touch();
}

void HeatmapLayer::setSmooth(bool smooth) {
  m_smooth = smooth;
  touch();
}

void HeatmapLayer::rebuildPixels() {
  const int cols = m_grid.cols, rows = m_grid.rows;
  const std::size_t n = static_cast<std::size_t>(std::max(0, cols * rows));
  if (m_scalar) {
    const auto lut = ui::colormapTable(m_map, 256);
    const float span = m_vmax > m_vmin ? m_vmax - m_vmin : 1.0f;
    m_cells.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const float v = m_values[i];
      if (!std::isfinite(v)) {
        m_cells[i] = {0, 0, 0, 0};
        continue;
      }
      const float t = std::clamp((v - m_vmin) / span, 0.0f, 1.0f);
      m_cells[i] = lut[static_cast<std::size_t>(t * 255.0f + 0.5f)];
    }
  }
  // Texture rows go bottom-up (flip if the caller's first row is the top one), and colours are
  // premultiplied so smooth filtering next to transparent (NaN) cells keeps its colour.
  m_pixels.resize(n);
  for (int r = 0; r < rows; ++r) {
    const int src = m_grid.firstRowAtTop ? rows - 1 - r : r;
    for (int c = 0; c < cols; ++c) {
      Rgba8 v = m_cells[static_cast<std::size_t>(src * cols + c)];
      if (v.a != 255) {
        v.r = static_cast<std::uint8_t>((v.r * v.a + 127) / 255);
        v.g = static_cast<std::uint8_t>((v.g * v.a + 127) / 255);
        v.b = static_cast<std::uint8_t>((v.b * v.a + 127) / 255);
      }
      m_pixels[static_cast<std::size_t>(r * cols + c)] = v;
    }
  }
  touch();
}

std::optional<float> HeatmapLayer::valueAt(Vec2 data) const {
  if (!m_scalar || m_grid.cols <= 0 || m_grid.rows <= 0 || !m_grid.rect.contains(data))
    return std::nullopt;
  const DataRect& r = m_grid.rect;
  const int c =
      std::min(m_grid.cols - 1, static_cast<int>((data.x - r.xMin) / r.width() * m_grid.cols));
  int row =
      std::min(m_grid.rows - 1, static_cast<int>((data.y - r.yMin) / r.height() * m_grid.rows));
  if (m_grid.firstRowAtTop) row = m_grid.rows - 1 - row;
  return m_values[static_cast<std::size_t>(row * m_grid.cols + c)];
}

std::optional<DataRect> HeatmapLayer::bounds() const {
  if (m_grid.cols <= 0 || m_grid.rows <= 0) return std::nullopt;
  return m_grid.rect;
}

void HeatmapLayer::draw(const DrawContext& ctx) {
  if (m_grid.cols <= 0 || m_grid.rows <= 0) return;
  if (m_gpuStale) {
    m_texture.uploadRgba8(m_grid.cols, m_grid.rows,
                          reinterpret_cast<const std::uint8_t*>(m_pixels.data()),
                          m_smooth ? gl::Filter::Linear : gl::Filter::Nearest);
    const DataRect& r = m_grid.rect;
    const float x0 = static_cast<float>(r.xMin), x1 = static_cast<float>(r.xMax);
    const float y0 = static_cast<float>(r.yMin), y1 = static_cast<float>(r.yMax);
    const float quad[] = {x0, y0, 0, 0, x1, y0, 1, 0, x1, y1, 1, 1,
                          x0, y0, 0, 0, x1, y1, 1, 1, x0, y1, 0, 1};
    m_quad.upload(quad, sizeof quad);
    m_gpuStale = false;
  }
  drawTexturedQuad(m_texture, m_vao, ctx.dataToNdc(), m_opacity);
}

}  // namespace genlab::plot
