#pragma once
// The base of everything a PlotCanvas draws in data space.
//
// Contract (Polyscope-style managed data): a layer keeps a host copy of its data; every setter
// that changes the picture calls touch(), which bumps revision() (so the canvas knows to
// re-render) and marks the GPU copy stale. draw() uploads stale data first, so buffers are
// re-uploaded only after data changed, never because the view moved. draw() is called with the
// canvas framebuffer bound, blending on, and the scissor set to the plot area.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ui/gl/buffer.h"
#include "ui/gl/text.h"
#include "ui/gl/texture.h"
#include "ui/plot/plot_math.h"
#include "ui/theme.h"

namespace genlab::plot {

using ui::Color;
using ui::Rgba8;

struct DrawContext {
  const ViewTransform& view;  // data rect and the plot area in framebuffer pixels
  int fbWidth = 1;
  int fbHeight = 1;
  const ui::Style& style;

  // (sx, sy, ox, oy) with ndc = p * (sx, sy) + (ox, oy), for data coordinates...
  std::array<float, 4> dataToNdc() const;
  // ...and for framebuffer pixels (y down).
  std::array<float, 4> pixelToNdc() const;
  // A size given in logical pixels, in framebuffer pixels under this style.
  float px(float logical) const { return logical * style.scale; }
};

// Draws `texture` on the six-vertex quad in `quad` (position, uv) with the shared image
// program; `transform` maps the quad's positions to NDC (dataToNdc or pixelToNdc).
void drawTexturedQuad(const gl::Texture2D& texture, const gl::VertexArray& quad,
                      const std::array<float, 4>& transform, float opacity);

enum class LegendSwatch { Point, Line, Box };

struct LegendEntry {
  std::string label;
  Color color;
  LegendSwatch swatch = LegendSwatch::Point;
};

class Layer {
 public:
  virtual ~Layer() = default;
  Layer() = default;
  Layer(const Layer&) = delete;
  Layer& operator=(const Layer&) = delete;

  virtual void draw(const DrawContext& ctx) = 0;
  // Extent of the data, for fit-to-data; nullopt when the layer has none.
  virtual std::optional<DataRect> bounds() const { return std::nullopt; }
  // Index of the draggable item under `pixel`, if this layer has draggable items.
  virtual std::optional<std::size_t> hitTest(Vec2 pixel, const ViewTransform& view) const {
    return std::nullopt;
  }
  // Position of draggable item `index` (so a drag keeps the grab offset).
  virtual std::optional<Vec2> itemPosition(std::size_t index) const { return std::nullopt; }
  // Moves draggable item `index` to `data` (called by the canvas while dragging).
  virtual void moveItem(std::size_t index, Vec2 data) {}
  // Highlights the item under the cursor (-1: none). Default: no highlighting.
  virtual void setHovered(int index) {}
  // The strings the last draw() put on the canvas, in framebuffer pixels (labels layers).
  virtual const std::vector<gl::DrawnText>* drawnTexts() const { return nullptr; }

  // Changes whenever the picture this layer draws would change.
  std::uint64_t revision() const { return m_revision; }

  bool visible() const { return m_visible; }
  void setVisible(bool v) {
    if (v != m_visible) touch();
    m_visible = v;
  }

  const std::vector<LegendEntry>& legend() const { return m_legend; }
  void setLegend(std::vector<LegendEntry> entries) {
    m_legend = std::move(entries);
    touch();
  }

 protected:
  void touch() {
    ++m_revision;
    m_gpuStale = true;
  }
  // True until the subclass uploads; subclasses clear it in draw() after uploading.
  bool m_gpuStale = true;

 private:
  std::uint64_t m_revision = 1;
  bool m_visible = true;
  std::vector<LegendEntry> m_legend;
};

}  // namespace genlab::plot
