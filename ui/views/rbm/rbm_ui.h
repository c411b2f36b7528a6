#pragma once
// The RBM lesson's part of the lab: filters, dreaming chains, reconstructions, free energy of
// data against chains, the likelihood curves; and the side panel (the latest log-likelihood,
// saying whether it is exact or AIS with its error, and the training settings).

#include <memory>

#include "ui/views/curve_view.h"
#include "ui/views/gan/gan_controls.h"
#include "ui/views/rbm/rbm_views.h"
#include "ui/views/view.h"

namespace genlab::views {

class RbmUi final : public ModelUi {
 public:
  // `viewNames`: "filters", "dreams", "reconstructions", "free_energy", "likelihood"; the
  // dreaming chains are shown when none is named.
  explicit RbmUi(const std::vector<std::string>& viewNames);
  std::vector<View*> views() override { return m_order; }
  void drawControls(ViewContext& context) override;

 private:
  std::unique_ptr<RbmFiltersView> m_filters;
  std::unique_ptr<RbmDreamsView> m_dreams;
  std::unique_ptr<RbmReconstructionsView> m_reconstructions;
  std::unique_ptr<CurveView> m_freeEnergy;
  std::unique_ptr<CurveView> m_likelihood;
  std::vector<View*> m_order;
  GanSliders m_sliders;  // release-to-send sliders, shared with the GAN panels
};

}  // namespace genlab::views
