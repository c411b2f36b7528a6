#pragma once
// The latent scatter: the held-out images encoded (posterior means), coloured by class or by a
// known factor; 2-D latents shown directly, larger ones in two chosen dimensions, the PCA
// plane of the encodings, or their t-SNE map (computed off the UI thread by a ProjectionJob,
// warm-started as training moves the codes). It follows training live.
//
// Mouse: hovering a point shows its image and its reconstruction; the probe (the ringed
// handle) can be dragged anywhere and the image it decodes is shown beside the plot, live;
// a click on a point picks that image (traversal base, interpolation end). A t-SNE map has no
// inverse, so there the probe decodes the code of the held-out point nearest to it.

#include <Eigen/Core>
#include <memory>
#include <vector>

#include "core/math/pca.h"
#include "core/math/projection_job.h"
#include "ui/plot/marker_layer.h"
#include "ui/plot/plot_canvas.h"
#include "ui/plot/point_layer.h"
#include "ui/views/image_tiles.h"
#include "ui/views/reply.h"
#include "ui/views/vae/vae_shared.h"
#include "ui/views/view.h"

namespace genlab::views {

class VaeLatentView final : public View {
 public:
  VaeLatentView(VaeSelection& selection, VaeColoring& coloring, VaeAxes& axes);
  std::string title() const override { return "Latent space"; }
  void draw(ViewContext& context, ImVec2 size) override;
  // Brings the layers up to date with the snapshot (draw() calls it; tests call it directly).
  void update(ViewContext& context);

  plot::PlotCanvas& canvas() { return m_canvas; }
  // The latent vector at a display position (inverse of the current projection; dimensions
  // not shown are 0, the prior's mean).
  std::vector<float> latentAt(plot::Vec2 at) const;
  // True once the t-SNE map (not yet PCA in its place) is shown.
  bool showsTsne() const { return m_shownTsne; }
  // Display position of held-out point i.
  plot::Vec2 pointPosition(int i) const { return m_points->point(static_cast<std::size_t>(i)); }

 private:
  void rebuild(const vae::VaeSnapshot& snapshot, const ui::Style& style);
  void requestProbe(train::Session& session);
  // Fills `xy` with the t-SNE map (submitting new codes to the job); false while none is ready.
  bool tsnePositions(const vae::VaeSnapshot& snapshot, std::vector<float>& xy);

  VaeSelection& m_selection;
  VaeColoring& m_coloring;
  VaeAxes& m_axes;
  plot::PlotCanvas m_canvas;
  plot::PointLayer* m_points = nullptr;
  plot::MarkerLayer* m_picked = nullptr;
  plot::MarkerLayer* m_probe = nullptr;

  // The projection in use: display = axes * (z - center).
  int m_latent = 0;
  int m_shownX = 0, m_shownY = 1;
  bool m_shownPca = false;
  math::Projection2D m_projection;
  bool m_shownTsne = false;  // the points are the t-SNE map in m_tsneShown
  std::unique_ptr<math::ProjectionJob> m_tsneJob;
  std::shared_ptr<const vae::Encoding> m_tsneSubmitted;
  std::shared_ptr<const math::ProjectionJob::Result> m_tsneShown;

  std::shared_ptr<const vae::Encoding> m_shownEncoding;
  VaeColoring m_shownColoring;
  VaeAxes m_shownAxes;
  std::uint64_t m_shownPick = ~std::uint64_t{0};
  ui::Palette m_shownPalette;
  bool m_fitted = false;
  bool m_autoFit = true;  // off once the person pans or zooms; a double-click turns it on

  plot::Vec2 m_probeAt{0.0, 0.0};
  bool m_probeMoved = true;
  std::uint64_t m_linkedProbeRevision = 0;  // the compare-mode probe position last taken
  ReplyPtr<std::vector<float>> m_probeReply;
  std::vector<float> m_probeImage;
  std::uint64_t m_probeVersion = 0;
  std::int64_t m_probeStep = -1;
  ImageTiles m_probeTiles;
  ImageTiles m_hoverTiles;
  int m_hoverShown = -1;
  std::int64_t m_hoverStep = -1;
};

}  // namespace genlab::views
