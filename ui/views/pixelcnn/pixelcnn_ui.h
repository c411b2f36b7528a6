#pragma once
// The PixelCNN lesson's part of the lab: the receptive field of a clicked pixel (plain beside
// gated), the pixel-by-pixel sampler, the sample grid, the NLL curves, and the side panel
// (architecture and depth, which rebuild the network; batch and learning rate).

#include <memory>
#include <vector>

#include "ui/views/curve_view.h"
#include "ui/views/gan/gan_controls.h"  // GanSliders: release-to-send sliders
#include "ui/views/pixelcnn/pixelcnn_views.h"
#include "ui/views/view.h"

namespace genlab::views {

class PixelCnnUi final : public ModelUi {
 public:
  // View names: "receptive_field", "sampling", "samples", "nll", "bits_per_dim"; the sample
  // grid is shown even when not named.
  explicit PixelCnnUi(const std::vector<std::string>& viewNames);
  std::vector<View*> views() override { return m_order; }
  void drawControls(ViewContext& context) override;
  // "pixel": [row, col] (the receptive field's pixel); "animate": bool.
  void applyDisplayOption(const std::string& key, const nlohmann::json& value) override;

 private:
  std::unique_ptr<PixelCnnReceptiveView> m_field;
  std::unique_ptr<PixelCnnSamplingView> m_sampling;
  std::unique_ptr<PixelCnnSamplesView> m_samples;
  std::vector<std::unique_ptr<CurveView>> m_curves;
  std::vector<View*> m_order;
  GanSliders m_sliders;
};

}  // namespace genlab::views
