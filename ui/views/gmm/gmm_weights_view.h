#pragma once
// The mixing weights pi_k as bars, one per component in its ellipse colour, with the value on
// top. The y axis is fixed at [0, 1] so bars can be compared across steps and lessons. The x
// axis is categorical: one tick per component, named 1..K as the scatter's legend names them.

#include "ui/plot/plot_canvas.h"
#include "ui/plot/rect_layer.h"
#include "ui/plot/text_layer.h"
#include "ui/views/view.h"

namespace genlab::views {

class GmmWeightsView final : public View {
 public:
  GmmWeightsView();
  std::string title() const override { return "Mixing weights"; }
  void draw(ViewContext& context, ImVec2 size) override;
  // Brings the bars up to date with context.snapshot (draw() does it first); for tests.
  void update(const ViewContext& context);
  plot::PlotCanvas& canvas() { return m_canvas; }

 private:
  plot::PlotCanvas m_canvas;
  plot::RectLayer* m_bars = nullptr;
  plot::TextLayer* m_labels = nullptr;
  train::SnapshotPtr m_shown;
  ui::Palette m_shownPalette;
  int m_shownK = -1;
};

}  // namespace genlab::views
