#pragma once
// Axis-aligned filled rectangles in data coordinates (bars, histogram bins, highlighted spans).

#include <optional>
#include <vector>

#include "ui/plot/layer.h"
#include "ui/plot/shape_batch.h"

namespace genlab::plot {

struct FilledRect {
  DataRect rect;
  Color color;
};

class RectLayer : public Layer {
 public:
  void setRects(std::vector<FilledRect> rects);
  const std::vector<FilledRect>& rects() const { return m_rects; }

  void draw(const DrawContext& ctx) override;
  std::optional<DataRect> bounds() const override;

 private:
  std::vector<FilledRect> m_rects;
  ShapeBatch m_batch;  // triangles in data units, rebuilt only when the rects change
};

}  // namespace genlab::plot
