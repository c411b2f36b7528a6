#pragma once
// The DBM lesson's part of the lab: layer 1 and layer 2 filters, the dreaming chains, h1 and h2
// for a chosen held-out image, the likelihood curves (log p(v), exact or AIS, against the
// mean-field lower bound); and the side panel (the phase, the latest figures each labelled
// exact, estimate or bound, and the training settings).

#include <memory>

#include "ui/views/curve_view.h"
#include "ui/views/dbm/dbm_views.h"
#include "ui/views/gan/gan_controls.h"
#include "ui/views/view.h"

namespace genlab::views {

class DbmUi final : public ModelUi {
 public:
  // `viewNames`: "filters", "filters2", "dreams", "activations", "likelihood"; the dreaming
  // chains are shown when none is named.
  explicit DbmUi(const std::vector<std::string>& viewNames);
  std::vector<View*> views() override { return m_order; }
  void drawControls(ViewContext& context) override;

 private:
  std::unique_ptr<RbmFiltersView> m_filters;
  std::unique_ptr<DbmSecondFiltersView> m_filters2;
  std::unique_ptr<RbmDreamsView> m_dreams;
  std::unique_ptr<DbmActivationsView> m_activations;
  std::unique_ptr<CurveView> m_likelihood;
  std::vector<View*> m_order;
  GanSliders m_sliders;
};

}  // namespace genlab::views
