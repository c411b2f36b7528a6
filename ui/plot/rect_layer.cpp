#include "ui/plot/rect_layer.h"

namespace genlab::plot {

void RectLayer::setRects(std::vector<FilledRect> rects) {
  m_rects = std::move(rects);
  touch();
}

std::optional<DataRect> RectLayer::bounds() const {
  DataRect r = emptyBounds();
  for (const auto& f : m_rects) {
    include(r, {f.rect.xMin, f.rect.yMin});
    include(r, {f.rect.xMax, f.rect.yMax});
  }
  if (!(r.xMin <= r.xMax)) return std::nullopt;
  return r;
}

void RectLayer::draw(const DrawContext& ctx) {
  if (m_gpuStale) {
    m_batch.clear();
    for (const auto& f : m_rects)
      m_batch.addRect(f.rect.xMin, f.rect.yMin, f.rect.xMax, f.rect.yMax, f.color);
    m_gpuStale = false;
  }
  // ShapeBatch re-sends its vertices on each draw; rect counts are small (bars, bins).
  m_batch.draw(ctx.dataToNdc());
}

}  // namespace genlab::plot
