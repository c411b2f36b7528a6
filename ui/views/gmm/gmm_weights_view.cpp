#include "ui/views/gmm/gmm_weights_view.h"

#include <cstdio>
#include <string>
#include <vector>

#include "core/models/gmm/gmm_snapshot.h"
#include "ui/plot/plot_widget.h"

namespace genlab::views {

GmmWeightsView::GmmWeightsView() {
  m_bars = &m_canvas.add<plot::RectLayer>();
  m_labels = &m_canvas.add<plot::TextLayer>();
  m_canvas.setAxisLabels("component", "weight \xCF\x80");
  m_canvas.setLegendPosition(plot::LegendPosition::Hidden);
}

void GmmWeightsView::update(const ViewContext& context) {
  const auto snapshot = std::dynamic_pointer_cast<const gmm::GmmSnapshot>(context.snapshot);
  if (!snapshot) return;
  if (context.snapshot != m_shown || !(context.style.palette == m_shownPalette)) {
    std::vector<plot::FilledRect> bars;
    std::vector<plot::Label> labels;
    for (int k = 0; k < snapshot->k; ++k) {
      const double w = snapshot->weights(k);
      const double x = k;  // category k, named k + 1 as the scatter's legend names it
      bars.push_back({{x - 0.35, x + 0.35, 0.0, w}, context.style.palette.seriesColor(k)});
      char text[16];
      std::snprintf(text, sizeof text, "%.2f", w);
      labels.push_back({{x, w},
                        text,
                        context.style.palette.foreground,
                        gl::HAlign::Center,
                        gl::VAlign::Bottom,
                        {0.0, -4.0},
                        false});
    }
    m_bars->setRects(std::move(bars));
    m_labels->setLabels(std::move(labels));
    if (snapshot->k != m_shownK) {
      std::vector<std::string> names;
      for (int k = 0; k < snapshot->k; ++k) names.push_back(std::to_string(k + 1));
      m_canvas.setXCategories(std::move(names));
      const plot::DataRect home{-0.6, snapshot->k - 0.4, 0.0, 1.08};
      m_canvas.setHomeView(home);
      m_canvas.setView(home);
      m_shownK = snapshot->k;
    }
    m_shown = context.snapshot;
    m_shownPalette = context.style.palette;
  }
}

void GmmWeightsView::draw(ViewContext& context, ImVec2 size) {
  if (!std::dynamic_pointer_cast<const gmm::GmmSnapshot>(context.snapshot)) return;
  update(context);
  plot::CanvasWidgetOptions options;
  options.showTooltip = false;
  plot::showCanvas("##gmm-weights", m_canvas, size, context.style, options);
}

}  // namespace genlab::views
