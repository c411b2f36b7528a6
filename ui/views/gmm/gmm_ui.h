#pragma once
// The GMM lesson's part of the lab: its views and the side panel's controls (K, covariance
// type, initialisation, one E-step or M-step at a time, density display, samples).

#include "ui/views/curve_view.h"
#include "ui/views/gmm/gmm_bic_view.h"
#include "ui/views/gmm/gmm_scatter_view.h"
#include "ui/views/gmm/gmm_weights_view.h"
#include "ui/views/view.h"

namespace genlab::views {

class GmmUi final : public ModelUi {
 public:
  // `viewNames` from the lesson: "scatter", "log_likelihood", "weights", "bic_aic".
  explicit GmmUi(const std::vector<std::string>& viewNames);
  std::vector<View*> views() override { return m_order; }
  void drawControls(ViewContext& context) override;
  // "density": "none" | "heatmap" | "contours"; "ellipses": bool; "coloring":
  // "responsibilities" | "truth"; "samples": N (drawn when the lesson opens); "bic_aic": true
  // (computed when the lesson opens).
  void applyDisplayOption(const std::string& key, const nlohmann::json& value) override;

 private:
  std::unique_ptr<GmmScatterView> m_scatter;
  std::unique_ptr<CurveView> m_logLikelihood;
  std::unique_ptr<GmmWeightsView> m_weights;
  std::unique_ptr<GmmBicView> m_bic;
  std::vector<View*> m_order;
  int m_pendingSamples = 0;  // display options that need the session: done at first draw
  bool m_pendingBicAic = false;
  std::string m_csvPath;  // the "load CSV" field
};

}  // namespace genlab::views
