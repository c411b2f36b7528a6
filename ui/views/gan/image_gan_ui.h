#pragma once
// The image GAN lesson's part of the lab: the sample grid (with the nearest-training-image
// toggle), the latent interpolation row, D(x) and D(G(z)) curves, the losses, and the side
// panel (architecture, one update of D or G at a time, training settings).

#include <memory>

#include "ui/views/curve_view.h"
#include "ui/views/gan/gan_controls.h"
#include "ui/views/gan/image_gan_views.h"
#include "ui/views/view.h"

namespace genlab::views {

class ImageGanUi final : public ModelUi {
 public:
  // `viewNames`: "samples" (always, first), "interpolation", "d_outputs", "losses".
  explicit ImageGanUi(const std::vector<std::string>& viewNames);
  std::vector<View*> views() override { return m_order; }
  void drawControls(ViewContext& context) override;
  // "nearest": bool (show each sample's nearest training image).
  void applyDisplayOption(const std::string& key, const nlohmann::json& value) override;

  ImageGanSamplesView& samples() { return *m_samples; }

 private:
  std::unique_ptr<ImageGanSamplesView> m_samples;
  std::unique_ptr<ImageGanInterpolationView> m_interpolation;
  std::unique_ptr<CurveView> m_dOutputs;
  std::unique_ptr<CurveView> m_losses;
  std::vector<View*> m_order;
  GanSliders m_sliders;
  std::int64_t m_refreshAsked = -1;
};

}  // namespace genlab::views
