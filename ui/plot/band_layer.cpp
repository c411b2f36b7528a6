#include "ui/plot/band_layer.h"

namespace genlab::plot {

void BandLayer::setBands(std::vector<Band> bands) {
  m_bands = std::move(bands);
  touch();
}

std::optional<DataRect> BandLayer::bounds() const {
  DataRect r = emptyBounds();
  for (const auto& band : m_bands) {
    for (const auto& p : band.points) {
      include(r, {p.x, p.low});
      include(r, {p.x, p.high});
    }
  }
  if (!(r.xMin <= r.xMax)) return std::nullopt;
  return r;
}

void BandLayer::draw(const DrawContext& ctx) {
  if (m_gpuStale) {
    m_batch.clear();
    for (const auto& band : m_bands) {
      for (std::size_t i = 1; i < band.points.size(); ++i) {
        const BandPoint& a = band.points[i - 1];
        const BandPoint& b = band.points[i];
        // Vertical sides and low <= high at both ends: the trapezoid is convex.
        m_batch.addQuad({a.x, a.low}, {b.x, b.low}, {b.x, b.high}, {a.x, a.high}, band.color);
      }
    }
    m_gpuStale = false;
  }
  m_batch.draw(ctx.dataToNdc());
}

}  // namespace genlab::plot
