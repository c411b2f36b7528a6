#pragma once
// Shaded bands in data coordinates: the region between a lower and an upper value along x
// (a spread over seeds around a mean line, a confidence interval). Each band is a list of
// (x, low, high) in ascending x; consecutive entries are joined by a straight-edged trapezoid,
// so the band's edges are the polylines through the lows and through the highs.

#include <optional>
#include <vector>

#include "ui/plot/layer.h"
#include "ui/plot/shape_batch.h"

namespace genlab::plot {

struct BandPoint {
  double x = 0, low = 0, high = 0;
};

struct Band {
  std::vector<BandPoint> points;  // ascending x
  Color color;                    // usually a series colour with a low alpha
};

class BandLayer : public Layer {
 public:
  void setBands(std::vector<Band> bands);
  const std::vector<Band>& bands() const { return m_bands; }

  void draw(const DrawContext& ctx) override;
  std::optional<DataRect> bounds() const override;

 private:
  std::vector<Band> m_bands;
  ShapeBatch m_batch;  // triangles in data units, rebuilt only when the bands change
};

}  // namespace genlab::plot
