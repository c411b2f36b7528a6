#pragma once
// The VAE lesson's part of the lab: its views and the side panel (beta, warm-up, learning
// rate, latent size and architecture, evaluation, what the latent scatter shows).
//
// Lesson "views" names, in the lesson's order (the first is the main picture; the latent
// scatter is always shown, first unless the lesson lists it elsewhere):
//   "latent"          latent scatter with hover images and the decoding probe
//   "traversal"       one row per latent dimension, -3..+3 around the picked image
//   "kl_bars"         KL per latent dimension (active units)
//   "reconstructions" held-out images over their reconstructions
//   "interpolation"   linear and spherical interpolation between two picked images
//   "elbo"            curves: training ELBO and held-out ELBO
//   "reconstruction"  curve: reconstruction term
//   "kl"              curves: KL raw and beta-weighted
//   "decomposition"   curves: index-code MI, total correlation, dimension-wise KL
//   "mig"             curve: mutual-information gap (data with known factors)
// Lesson "display" options: "color_by": "class" or a factor name of the lesson's data ("shape",
// "x", ... for the shapes), checked when the lesson loads; "axes": "pca", "tsne" or [i, j] (two
// latent dimensions).

#include <memory>

#include "ui/views/curve_view.h"
#include "ui/views/vae/vae_image_views.h"
#include "ui/views/vae/vae_kl_view.h"
#include "ui/views/vae/vae_latent_view.h"
#include "ui/views/view.h"

namespace genlab::views {

class VaeUi final : public ModelUi {
 public:
  explicit VaeUi(const lesson::Lesson& lesson);
  std::vector<View*> views() override { return m_order; }
  void drawControls(ViewContext& context) override;
  void applyDisplayOption(const std::string& key, const nlohmann::json& value) override;

  VaeLatentView& latent() { return *m_latent; }
  VaeSelection& selection() { return m_selection; }
  const VaeColoring& coloring() const { return m_coloring; }

 private:
  VaeSelection m_selection;
  VaeColoring m_coloring;
  VaeAxes m_axes;
  // The known factors of the lesson's data, in the order of the snapshots' factorNames.
  std::vector<std::string> m_factorNames;
  std::unique_ptr<VaeLatentView> m_latent;
  std::vector<std::unique_ptr<View>> m_owned;
  std::vector<View*> m_order;
  std::int64_t m_refreshRequestedFor = -1;
  float m_beta = -1.0f;  // slider state; -1 until read from the snapshot
};

}  // namespace genlab::views
