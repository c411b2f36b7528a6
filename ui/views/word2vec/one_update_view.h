#pragma once
// "One update": what a single negative-sampling step did (the snapshot's last recorded
// update). Left, sigma(u . h) before and after for the true centre word (pushed up) and each
// of the k noise words just drawn (pushed down). Right, the vectors in 2-D with arrows from
// where they were to where the update moved them: h (the context word's input vector, or the
// window's mean in CBOW) and each output vector u. One update moves them by little, so the
// arrows are drawn magnified by a factor the title states.
//
// The plane is the two leading principal axes of all the vectors (input and output, when the
// snapshot carries output vectors), without centring: the origin stays at the origin, so the
// angle between h and u, which sigma(u . h) depends on, reads off the picture.

#include "ui/plot/line_layer.h"
#include "ui/plot/marker_layer.h"
#include "ui/plot/plot_canvas.h"
#include "ui/plot/rect_layer.h"
#include "ui/plot/text_layer.h"
#include "ui/views/view.h"

namespace genlab::word2vec {
struct Word2VecRunSnapshot;
}

namespace genlab::views {

class OneUpdateView final : public View {
 public:
  OneUpdateView();
  std::string title() const override { return "One update"; }
  void draw(ViewContext& context, ImVec2 size) override;
  // Brings both pictures up to date with context.snapshot (draw() does it first); for tests.
  void update(const ViewContext& context);
  plot::PlotCanvas& bars() { return m_bars; }
  plot::PlotCanvas& arrows() { return m_arrows; }
  double magnification() const { return m_magnification; }

 private:
  void rebuildBars(const word2vec::Word2VecRunSnapshot& snapshot, const ui::Style& style);
  void rebuildArrows(const word2vec::Word2VecRunSnapshot& snapshot, const ui::Style& style);

  plot::PlotCanvas m_bars;
  plot::RectLayer* m_barRects = nullptr;
  plot::TextLayer* m_barLabels = nullptr;
  plot::PlotCanvas m_arrows;
  plot::LineLayer* m_arrowLines = nullptr;
  plot::MarkerLayer* m_arrowEnds = nullptr;
  plot::TextLayer* m_arrowLabels = nullptr;
  train::SnapshotPtr m_shown;
  ui::Palette m_shownPalette;
  std::vector<std::string> m_shownCategories;
  double m_magnification = 1.0;
};

}  // namespace genlab::views
