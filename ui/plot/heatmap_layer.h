#pragma once
// A grid of values over a data rectangle, drawn as one texture: scalars through a colormap, or
// RGBA cells directly (images, decoded samples). Colours are computed on the CPU when the data
// changes; the view never causes an upload.

#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "ui/gl/buffer.h"
#include "ui/gl/texture.h"
#include "ui/plot/layer.h"

namespace genlab::plot {

struct GridSpec {
  int cols = 0;
  int rows = 0;
  DataRect rect;               // the grid covers this rect exactly, cells equal in size
  bool firstRowAtTop = false;  // true for images; false when row 0 is at rect.yMin
};

class HeatmapLayer : public Layer {
 public:
  HeatmapLayer();

  // values: cols * rows, row-major. vmin/vmax NaN: use the data's finite min and max.
  // NaN cells are transparent.
  void setScalars(const GridSpec& grid, std::span<const float> values,
                  float vmin = std::numeric_limits<float>::quiet_NaN(),
                  float vmax = std::numeric_limits<float>::quiet_NaN());
  void setImage(const GridSpec& grid, std::span<const Rgba8> cells);
  void setColormap(ui::Colormap map);
  void setOpacity(float opacity);
  // Linear filtering blends neighbouring cells (smooth fields); default nearest (crisp cells).
  void setSmooth(bool smooth);

  // The value range used for the last setScalars (for a colour bar).
  float vmin() const { return m_vmin; }
  float vmax() const { return m_vmax; }
  // The cell value under a data position, for hover readouts (scalar grids only).
  std::optional<float> valueAt(Vec2 data) const;

  void draw(const DrawContext& ctx) override;
  std::optional<DataRect> bounds() const override;

 private:
  void rebuildPixels();

  GridSpec m_grid;
  std::vector<float> m_values;  // scalar mode
  std::vector<Rgba8> m_cells;   // image mode (or colormapped scalars)
  bool m_scalar = false;
  float m_vmin = 0, m_vmax = 1;
  ui::Colormap m_map = ui::Colormap::Viridis;
  float m_opacity = 1;
  bool m_smooth = false;
  std::vector<Rgba8> m_pixels;  // premultiplied, bottom row first, as GL textures are
  gl::Texture2D m_texture;
  gl::Buffer m_quad;
  gl::VertexArray m_vao;
};

}  // namespace genlab::plot
