#pragma once
// The toy GAN's main picture: the discriminator's (or critic's) output as a heatmap behind the
// real points and the generated points, the generator's manifold (the image of a regular grid
// in noise space), and an arrow on each generated point showing the push of the generator's
// loss. Modes of ring8 / grid25 are drawn as dashed 3-std circles.
//
// Mouse (live state only): Shift-drag sprays real points around the cursor, Ctrl-drag erases
// them (the target becomes "painted"). Plain drag pans, wheel zooms.

#include <memory>

#include "core/models/gan/gan2d_snapshot.h"
#include "core/util/rng.h"
#include "ui/plot/heatmap_layer.h"
#include "ui/plot/line_layer.h"
#include "ui/plot/plot_canvas.h"
#include "ui/plot/point_layer.h"
#include "ui/views/view.h"

namespace genlab::views {

struct Gan2dFieldOptions {
  bool heatmap = true;
  bool manifold = true;
  bool arrows = true;
  bool real = true;
  bool generated = true;
  bool modes = true;
  float arrowScale = 1.0f;  // times the automatic arrow length
  friend bool operator==(const Gan2dFieldOptions&, const Gan2dFieldOptions&) = default;
};

class Gan2dFieldView final : public View {
 public:
  Gan2dFieldView();
  std::string title() const override { return "Real and generated points, D's view"; }
  void draw(ViewContext& context, ImVec2 size) override;
  // Brings the layers up to date with the snapshot and options without drawing (draw() calls
  // it; tests call it before rendering the canvas).
  void update(ViewContext& context);

  Gan2dFieldOptions options;
  plot::PlotCanvas& canvas() { return m_canvas; }
  plot::HeatmapLayer& heatmap() { return *m_heatmap; }
  plot::PointLayer& generatedLayer() { return *m_generated; }

 private:
  void rebuild(const gan::Gan2dSnapshot& snapshot, const ui::Style& style);
  void rebuildField(const gan::Gan2dVisuals& visuals, const ui::Style& style);
  void rebuildArrows(const gan::Gan2dVisuals& visuals, const ui::Style& style);
  void handleEvents(const plot::CanvasEvents& events, ViewContext& context);
  std::string hoverText(const gan::Gan2dSnapshot& snapshot, plot::Vec2 at) const;

  plot::PlotCanvas m_canvas;
  plot::HeatmapLayer* m_heatmap = nullptr;
  plot::LineLayer* m_modes = nullptr;
  plot::PointLayer* m_real = nullptr;
  plot::LineLayer* m_manifold = nullptr;
  plot::LineLayer* m_arrows = nullptr;
  plot::PointLayer* m_generated = nullptr;

  train::SnapshotPtr m_shown;
  std::shared_ptr<const gan::Gan2dVisuals> m_shownVisuals;
  std::shared_ptr<const std::vector<float>> m_shownReal;
  Gan2dFieldOptions m_shownOptions;
  ui::Palette m_shownPalette;
  bool m_fitted = false;
  // Arrow length reference: follows rises at once and falls slowly, so a vanishing gradient
  // (minimax against a confident D) shows as arrows shrinking, not as arrows rescaled.
  double m_arrowReference = 0.0;
  Rng m_sprayRng{0x5eed};
};

}  // namespace genlab::views
