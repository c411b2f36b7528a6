#include "ui/views/vae/vae_kl_view.h"

#include <algorithm>
#include <cstdio>

#include "ui/plot/plot_widget.h"

namespace genlab::views {

VaeKlView::VaeKlView() {
  m_bars = &m_canvas.add<plot::RectLayer>();
  m_labels = &m_canvas.add<plot::TextLayer>();
  m_canvas.setAxisLabels("latent dimension (largest KL first)", "KL (nats)");
  m_canvas.setLegendPosition(plot::LegendPosition::Hidden);
}

void VaeKlView::update(ViewContext& context) {
  const auto snapshot = std::dynamic_pointer_cast<const vae::VaeSnapshot>(context.snapshot);
  if (!snapshot || !snapshot->encoding) return;
  if (snapshot->encoding == m_shown && context.style.palette == m_shownPalette) return;
  const vae::Encoding& enc = *snapshot->encoding;
  const ui::Palette& palette = context.style.palette;
  std::vector<plot::FilledRect> bars;
  std::vector<plot::Label> labels;
  double top = 0.0;
  for (std::size_t r = 0; r < enc.dimsByKl.size(); ++r) {
    const auto d = static_cast<std::size_t>(enc.dimsByKl[r]);
    const double kl = enc.klPerDim[d];
    const double x = static_cast<double>(r) + 1.0;
    top = std::max(top, kl);
    const gl::Color color = enc.active[d] ? palette.seriesColor(0) : palette.grid;
    bars.push_back({{x - 0.38, x + 0.38, 0.0, kl}, color});
    char text[24];
    if (enc.latent <= 6)
      std::snprintf(text, sizeof text, "z%zu %.2f", d, kl);
    else
      std::snprintf(text, sizeof text, "z%zu", d);
    labels.push_back({{x, kl},
                      enc.active[d] ? text : "off",
                      palette.foreground,
                      gl::HAlign::Center,
                      gl::VAlign::Bottom,
                      {0.0, -4.0},
                      false});
  }
  m_bars->setRects(std::move(bars));
  m_labels->setLabels(std::move(labels));
  // Rescale only when the bars outgrow the view or shrink a lot: steady axes are easier to read.
  if (top > m_top || top < 0.5 * m_top || !m_shown || m_shown->latent != enc.latent) {
    m_top = std::max(0.1, top * 1.3);
    const plot::DataRect home{0.4, enc.latent + 0.6, 0.0, m_top};
    m_canvas.setHomeView(home);
    m_canvas.setView(home);
  }
  m_shown = snapshot->encoding;
  m_shownPalette = palette;
}

void VaeKlView::draw(ViewContext& context, ImVec2 size) {
  update(context);
  const auto snapshot = std::dynamic_pointer_cast<const vae::VaeSnapshot>(context.snapshot);
  if (snapshot && snapshot->encoding) {
    const auto& active = snapshot->encoding->active;
    ImGui::TextWrapped("Active units: %d of %d  (KL > 0.1 nats)",
                       static_cast<int>(std::count(active.begin(), active.end(), true)),
                       snapshot->encoding->latent);
  }
  plot::CanvasWidgetOptions options;
  options.showTooltip = false;
  plot::showCanvas("##vae-kl", m_canvas, ImVec2(size.x, ImGui::GetContentRegionAvail().y),
                   context.style, options);
}

}  // namespace genlab::views
