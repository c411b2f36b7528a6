#pragma once
// The Naive Bayes lesson's pictures on images (binarised digits):
//   NbClassImagesView  one row per class: what the model thinks each pixel is (p(x_j = 1 | y),
//                      the class's "mean image"), then samples drawn from p(x | y). Every
//                      pixel of a sample is drawn on its own: that is what independence looks
//                      like, and why the samples look like noisy clouds, not digits.
//   NbDrawView         an image the student draws with the mouse (left button paints, right
//                      erases) beside the posterior P(y | drawing) as bars, updating as they
//                      draw.

#include <memory>
#include <optional>

#include "core/models/nb/nb_snapshot.h"
#include "ui/plot/plot_canvas.h"
#include "ui/plot/rect_layer.h"
#include "ui/plot/text_layer.h"
#include "ui/views/image_tiles.h"
#include "ui/views/nb/drawing_grid.h"
#include "ui/views/view.h"

namespace genlab::views {

class NbClassImagesView final : public View {
 public:
  std::string title() const override { return "Class means and samples"; }
  void draw(ViewContext& context, ImVec2 size) override;
  const ImageTiles* picture() const override { return &m_tiles; }

 private:
  ImageTiles m_tiles;
  train::SnapshotPtr m_shown;
  std::uint64_t m_version = 0;
  int m_blocks = 0;  // classes in one block of rows, or two side by side
};

class NbDrawView final : public View {
 public:
  NbDrawView();
  std::string title() const override { return "Draw and classify"; }
  void draw(ViewContext& context, ImVec2 size) override;
  const ImageTiles* picture() const override { return &m_canvas; }

  DrawingGrid& drawing() { return m_drawing; }
  // Puts held-out image `index` (modulo their number) of the snapshot's test set on the canvas.
  void showTestImage(const nb::NbSnapshot& snapshot, int index);
  // Brings the bars up to date with the drawing and the snapshot's model (draw() calls it).
  void update(ViewContext& context);
  // P(y | drawing) as the bars show it (empty before the first update).
  const Eigen::VectorXd& posterior() const { return m_posterior; }
  plot::PlotCanvas& bars() { return m_bars; }

 private:
  void handleMouse();

  DrawingGrid m_drawing;
  ImageTiles m_canvas;
  std::uint64_t m_canvasVersion = 0;
  std::optional<Eigen::Vector2d> m_lastCell;  // where the held button was last frame
  int m_button = -1;  // the mouse button of the stroke in progress (ImGuiMouseButton), or -1
  plot::PlotCanvas m_bars;
  plot::RectLayer* m_barRects = nullptr;
  plot::TextLayer* m_barLabels = nullptr;
  Eigen::VectorXd m_posterior;
  train::SnapshotPtr m_shown;
  std::uint64_t m_shownVersion = 0;
  ui::Palette m_shownPalette;
  int m_barClasses = -1;    // the categories the bar chart has
  bool m_labelAll = false;  // every bar labelled, not only the winner
};

}  // namespace genlab::views
