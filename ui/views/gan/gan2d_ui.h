#pragma once
// The toy 2-D GAN lesson's part of the lab: the field view, curves of the losses and of the
// measures, and the side panel (target, one update of D or G at a time, presets, network sizes,
// training settings, what to show).

#include <memory>

#include "ui/views/curve_view.h"
#include "ui/views/gan/gan2d_field_view.h"
#include "ui/views/gan/gan_controls.h"
#include "ui/views/view.h"

namespace genlab::views {

class Gan2dUi final : public ModelUi {
 public:
  // `viewNames` from the lesson: "field" (always shown, first), "losses", "divergence" (grid KL
  // and JS), "coverage" (modes covered).
  explicit Gan2dUi(const std::vector<std::string>& viewNames);
  std::vector<View*> views() override { return m_order; }
  void drawControls(ViewContext& context) override;
  // "heatmap", "manifold", "arrows", "real", "generated", "modes": bool; "arrow_scale": number
  // in [0.1, 10].
  void applyDisplayOption(const std::string& key, const nlohmann::json& value) override;

  // The presets the panel offers, as settings objects (also used by the lessons' docs).
  static nlohmann::json modeCollapsePreset();
  static nlohmann::json wganGpPreset();

  Gan2dFieldView& field() { return *m_field; }

 private:
  std::unique_ptr<Gan2dFieldView> m_field;
  std::unique_ptr<CurveView> m_losses;
  std::unique_ptr<CurveView> m_divergence;
  std::unique_ptr<CurveView> m_coverage;
  std::vector<View*> m_order;
  GanSliders m_sliders;
  std::int64_t m_refreshAsked = -1;  // the step a visuals refresh was last posted for
};

}  // namespace genlab::views
