#pragma once
// The Naive Bayes lesson's main picture on 2-D points, as two plots side by side over the same
// data and the same view:
//   left   Gaussian Naive Bayes: each class's axis-aligned 1 and 2 sd ellipses
//   right  one full-covariance Gaussian per class (FullGaussianClasses): its ellipses
// each behind the training points used so far, over its posterior P(y | x) as a shaded field
// (class colours mixed by the posterior) with the decision boundary. On correlated classes the
// left ellipses cannot tilt, and its boundary cuts through the data where the right one does
// not. Panning or zooming either plot moves both.

#include <optional>

#include "core/models/nb/nb_snapshot.h"
#include "core/models/nb/posterior_grid.h"
#include "ui/plot/heatmap_layer.h"
#include "ui/plot/line_layer.h"
#include "ui/plot/marker_layer.h"
#include "ui/plot/plot_canvas.h"
#include "ui/plot/point_layer.h"
#include "ui/views/view.h"

namespace genlab::views {

struct NbFieldOptions {
  bool field = true;
  bool boundary = true;
  bool ellipses = true;
  friend bool operator==(const NbFieldOptions&, const NbFieldOptions&) = default;
};

// The colour of a posterior: the class colours mixed by P(y | x), lightened towards the plot
// colour so points drawn on top stay readable. `proba` holds one probability per class.
gl::Color posteriorColor(const float* proba, int classes, const ui::Palette& palette);

class NbFieldView final : public View {
 public:
  NbFieldView();
  std::string title() const override { return "Naive Bayes against full covariance"; }
  void draw(ViewContext& context, ImVec2 size) override;
  // Brings both canvases up to date with the snapshot, options and views (draw() calls it).
  void update(ViewContext& context);

  NbFieldOptions options;
  plot::PlotCanvas& naiveCanvas() { return m_side[0].canvas; }
  plot::PlotCanvas& fullCanvas() { return m_side[1].canvas; }
  // The posterior grids last shown (for tests): index 0 naive, 1 full.
  const nb::PosteriorGrid& grid(int side) const { return m_side[side].grid; }

 private:
  struct Side {
    plot::PlotCanvas canvas;
    plot::HeatmapLayer* field = nullptr;
    plot::LineLayer* boundaryHalo = nullptr;
    plot::LineLayer* boundary = nullptr;
    plot::PointLayer* points = nullptr;
    plot::LineLayer* halo = nullptr;
    plot::LineLayer* rings = nullptr;
    plot::MarkerLayer* means = nullptr;
    nb::PosteriorGrid grid;
    plot::DataRect fieldRect;  // the rect `grid` covers
  };
  void setUpSide(Side& side);
  void rebuildModel(Side& side, const nb::NbSnapshot& s, bool full, const ui::Style& style);
  void rebuildField(Side& side, const nb::NbSnapshot& s, bool full, const ui::Style& style);
  std::string hoverText(const nb::NbSnapshot& s, bool full, plot::Vec2 at) const;

  Side m_side[2];
  train::SnapshotPtr m_shown;
  NbFieldOptions m_shownOptions;
  ui::Palette m_shownPalette;
  bool m_fitted = false;
};

}  // namespace genlab::views
