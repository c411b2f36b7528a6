#pragma once
// The HMM lesson's part of the lab: the trellis (always first, the main picture), and as the
// lesson lists them the parameter matrices ("parameters"), the state diagram ("diagram") and
// the log-likelihood curve ("log_likelihood"); and the side panel's controls: what the trellis
// shades, the step-through teaching mode and its speed.

#include <memory>

#include "ui/views/curve_view.h"
#include "ui/views/hmm/hmm_diagram_view.h"
#include "ui/views/hmm/hmm_params_view.h"
#include "ui/views/hmm/hmm_trellis_view.h"
#include "ui/views/view.h"

namespace genlab::views {

class HmmUi final : public ModelUi {
 public:
  explicit HmmUi(const lesson::Lesson& lesson);
  std::vector<View*> views() override { return m_order; }
  void drawControls(ViewContext& context) override;

  HmmTrellisView& trellis() { return *m_trellis; }

 private:
  void drawTeachingControls(const hmm::HmmSnapshot& snapshot);

  std::unique_ptr<HmmTrellisView> m_trellis;
  std::unique_ptr<HmmParamsView> m_params;
  std::unique_ptr<HmmDiagramView> m_diagram;
  std::unique_ptr<CurveView> m_logLikelihood;
  std::vector<View*> m_order;
};

}  // namespace genlab::views
