#pragma once
// Handles: filled discs with an outline, e.g. the means of a mixture a student can drag.
// When draggable, the canvas hit-tests them, moves the one under the left button and reports
// it (CanvasEvents), and enlarges the one under the cursor so it reads as grabbable.

#include <optional>
#include <vector>

#include "ui/gl/buffer.h"
#include "ui/plot/layer.h"

namespace genlab::plot {

struct Marker {
  Vec2 position;
  Color color;
  float radius = 0;  // logical pixels; 0 uses 1.4 x Style::pointSizePx
};

class MarkerLayer : public Layer {
 public:
  MarkerLayer();

  void setMarkers(std::vector<Marker> markers);
  const std::vector<Marker>& markers() const { return m_markers; }
  void setPosition(std::size_t index, Vec2 position);
  void setDraggable(bool draggable) { m_draggable = draggable; }
  bool draggable() const { return m_draggable; }
  // Outline width in logical pixels (0: none); the colour is Style::palette.outline.
  void setOutlineWidth(float logicalPx);

  // Topmost marker whose disc (plus a few pixels of slop) contains `pixel`, using the sizes of
  // the last draw(). Works whether or not the layer is draggable.
  std::optional<std::size_t> markerAt(Vec2 pixel, const ViewTransform& view) const;

  void draw(const DrawContext& ctx) override;
  std::optional<DataRect> bounds() const override;
  std::optional<std::size_t> hitTest(Vec2 pixel, const ViewTransform& view) const override;
  void moveItem(std::size_t index, Vec2 data) override { setPosition(index, data); }
  std::optional<Vec2> itemPosition(std::size_t index) const override {
    if (index >= m_markers.size()) return std::nullopt;
    return m_markers[index].position;
  }
  void setHovered(int index) override;

 private:
  float radiusPx(const Marker& m, std::size_t index) const;

  struct Vertex {
    float x, y;
    Rgba8 color;
    float diameter;
  };
  std::vector<Marker> m_markers;
  bool m_draggable = false;
  float m_outline = 1.5f;
  int m_hovered = -1;
  // Sizes seen by the last draw, so hit tests match what is on screen.
  float m_lastScale = 1;
  float m_lastDefaultRadius = 7;
  std::vector<Vertex> m_vertices;
  gl::Buffer m_vbo;
  gl::VertexArray m_vao;
};

}  // namespace genlab::plot
