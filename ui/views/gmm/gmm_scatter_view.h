#pragma once
// The GMM lesson's main picture: the data coloured by responsibilities, 1-, 2- and 3-sigma
// ellipses per component, the means as draggable handles, optionally the fitted density as a
// heatmap or contours, and samples drawn from the model.
//
// Mouse (when looking at the live state, d = 2 for the data tools):
//   drag a mean         moves it; responsibilities and log-likelihood update at once
//   click               adds a point
//   Shift-drag          sprays points around the cursor
//   Ctrl-click or drag  erases points near the cursor

#include <Eigen/Core>
#include <memory>
#include <optional>

#include "core/models/gmm/gmm_snapshot.h"
#include "core/util/rng.h"
#include "ui/plot/heatmap_layer.h"
#include "ui/plot/line_layer.h"
#include "ui/plot/marker_layer.h"
#include "ui/plot/plot_canvas.h"
#include "ui/plot/point_layer.h"
#include "ui/views/reply.h"
#include "ui/views/view.h"

namespace genlab::views {

enum class DensityMode { kNone, kHeatmap, kContours };
enum class PointColoring { kResponsibilities, kTrueLabels };

struct GmmScatterOptions {
  DensityMode density = DensityMode::kNone;
  PointColoring coloring = PointColoring::kResponsibilities;
  bool ellipses = true;
  bool samples = false;
  friend bool operator==(const GmmScatterOptions&, const GmmScatterOptions&) = default;
};

class GmmScatterView final : public View {
 public:
  GmmScatterView();
  std::string title() const override { return "Data and mixture"; }
  void draw(ViewContext& context, ImVec2 size) override;
  // Overlaid: the shared data in grey, each run's 1- and 2-sigma ellipses and means in the
  // run's colour (the first run solid, the others dashed), a legend of runs.
  bool canOverlay() const override { return true; }
  // Brings the canvas's layers up to date with context.snapshot and the options, without
  // drawing (draw() calls it; tests and exports call it before rendering the canvas).
  void update(ViewContext& context);

  GmmScatterOptions options;
  // Shows `n` samples of the current mixture (they appear when the trainer sends them, and are
  // redrawn as the model changes).
  void requestSamples(train::Session& session, int n);

  plot::PlotCanvas& canvas() { return m_canvas; }

 private:
  // Fits the view to the snapshot's data when it is new and the view is still genlab's fit.
  void fitToNewData(const gmm::GmmSnapshot& snapshot);
  void rebuildData(const gmm::GmmSnapshot& snapshot, const ui::Style& style);
  void rebuildDensity(const gmm::GmmSnapshot& snapshot, const ui::Style& style);
  void rebuildOverlay(const gmm::GmmSnapshot& data, const std::vector<Overlay>& overlays,
                      const ui::Style& style);
  void handleEvents(const plot::CanvasEvents& events, ViewContext& context,
                    const gmm::GmmSnapshot& snapshot);
  std::string hoverText(const gmm::GmmSnapshot& snapshot, plot::Vec2 at) const;

  plot::PlotCanvas m_canvas;
  plot::HeatmapLayer* m_heatmap = nullptr;
  plot::LineLayer* m_contours = nullptr;
  plot::PointLayer* m_points = nullptr;
  plot::PointLayer* m_samples = nullptr;
  plot::LineLayer* m_halo[3] = {nullptr, nullptr, nullptr};
  plot::LineLayer* m_sigma[3] = {nullptr, nullptr, nullptr};
  plot::MarkerLayer* m_means = nullptr;
  plot::LineLayer* m_overlaySolid = nullptr;   // the first run's ellipses
  plot::LineLayer* m_overlayDashed = nullptr;  // the other runs'
  plot::MarkerLayer* m_overlayMeans = nullptr;
  std::vector<train::SnapshotPtr> m_overlayShown;

  // What the layers show, to rebuild only on change.
  train::SnapshotPtr m_shown;
  GmmScatterOptions m_shownOptions;
  plot::DataRect m_densityView;
  ui::Palette m_shownPalette;
  // The data the view last looked at, and the view genlab fitted to it (nullopt before the
  // first fit): fitToNewData refits only a view the person has not moved since.
  std::shared_ptr<const gmm::GmmSnapshot::Points2f> m_fittedPoints;
  std::optional<plot::DataRect> m_autoView;

  ReplyPtr<Eigen::MatrixXd> m_sampleReply;
  Eigen::MatrixXd m_sampleData;  // n x d, projected when shown
  int m_sampleCount = 500;
  train::SnapshotPtr m_samplesFor;  // the snapshot the last sample request was made for
  Rng m_sprayRng{0x5eed};
  std::optional<plot::Vec2> m_lastAdded;  // the last point a plain click added, and when
  double m_lastAddedTime = 0.0;
};

}  // namespace genlab::views
