#pragma once
// Polylines in data coordinates with a width in pixels.
//
// Core profiles cap glLineWidth at 1, so each segment is an instanced quad widened in the vertex
// shader and cut to a capsule in the fragment shader: any width, antialiased edges, round joins
// and caps. The GPU holds data-space endpoints only, so panning and zooming never re-upload.

#include <optional>
#include <string>
#include <vector>

#include "ui/gl/buffer.h"
#include "ui/plot/layer.h"

namespace genlab::plot {

struct Polyline {
  std::vector<Vec2> points;
  Color color;
  bool closed = false;  // also joins the last point to the first
};

class LineLayer : public Layer {
 public:
  LineLayer();

  void setPolylines(std::vector<Polyline> lines);
  // Appends one polyline and returns its index.
  std::size_t addPolyline(std::vector<Vec2> points, const Color& color, bool closed = false);
  void clear() { setPolylines({}); }
  const std::vector<Polyline>& polylines() const { return m_lines; }

  // Width in logical pixels (times Style::scale); 0 uses Style::lineWidthPx.
  void setWidth(float logicalPx);
  // Dashes of `on` then `off` logical pixels; on <= 0 draws solid lines. Dash spacing uses the
  // mean pixel scale of the two axes, so it is exact only when the aspect is equal.
  void setDash(float onPx, float offPx);

  void draw(const DrawContext& ctx) override;
  std::optional<DataRect> bounds() const override;

 private:
  struct Segment {
    float p0[2];
    float p1[2];
    Rgba8 color;
    float dist0;  // data-space length of the polyline before p0
  };
  std::vector<Polyline> m_lines;
  std::vector<Segment> m_segments;
  float m_width = 0;
  float m_dashOn = 0, m_dashOff = 0;
  gl::Buffer m_corners;
  gl::Buffer m_instances;
  gl::VertexArray m_vao;
};

// Points on the ellipse {x : (x - mean)^T C^-1 (x - mean) = k^2} of the 2x2 covariance
// C = [[cxx, cxy], [cxy, cyy]] (k standard deviations), `segments` points, not closed (draw
// it with closed = true). A non-positive-definite C yields a degenerate ellipse, not NaNs.
std::vector<Vec2> covarianceEllipse(Vec2 mean, double cxx, double cxy, double cyy, double k,
                                    int segments = 96);

}  // namespace genlab::plot
