#pragma once
// KL per latent dimension as bars, largest first, so the active units show at a glance: a
// dimension the encoder does not use sits at KL 0 (greyed, "off") because its posterior is the
// prior whatever the image.

#include "ui/plot/plot_canvas.h"
#include "ui/plot/rect_layer.h"
#include "ui/plot/text_layer.h"
#include "ui/views/vae/vae_shared.h"
#include "ui/views/view.h"

namespace genlab::views {

class VaeKlView final : public View {
 public:
  VaeKlView();
  std::string title() const override { return "KL per dimension"; }
  void draw(ViewContext& context, ImVec2 size) override;
  plot::PlotCanvas& canvas() { return m_canvas; }
  void update(ViewContext& context);

 private:
  plot::PlotCanvas m_canvas;
  plot::RectLayer* m_bars = nullptr;
  plot::TextLayer* m_labels = nullptr;
  std::shared_ptr<const vae::Encoding> m_shown;
  ui::Palette m_shownPalette;
  double m_top = 0.0;
};

}  // namespace genlab::views
