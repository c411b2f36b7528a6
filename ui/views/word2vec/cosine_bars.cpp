#include "ui/views/word2vec/cosine_bars.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace genlab::views {

void keepWhatFits(std::vector<word2vec::Neighbour>& words, float width, const ui::Style& style) {
  // The canvas wants (widest name + 1.5 em) per category; a character is taken as 0.62 em
  // (DejaVu Sans averages about 0.6), and the axes take about 80 logical pixels.
  const double em = style.fontPx;
  const double room =
      (width - 80.0) * static_cast<double>(ImGui::GetIO().DisplayFramebufferScale.x);
  while (words.size() > 1) {
    std::size_t widest = 1;
    for (const auto& w : words) widest = std::max(widest, w.word.size());
    if ((0.62 * em * static_cast<double>(widest) + 1.5 * em) * static_cast<double>(words.size()) <=
        room)
      break;
    words.pop_back();
  }
}

CosineBars::CosineBars(const std::string& xLabel) {
  m_bars = &m_canvas.add<plot::RectLayer>();
  m_labels = &m_canvas.add<plot::TextLayer>();
  m_canvas.setAxisLabels(xLabel, "cosine");
  m_canvas.setLegendPosition(plot::LegendPosition::Hidden);
}

void CosineBars::set(const std::vector<word2vec::Neighbour>& words, const std::string& title,
                     const std::string& emptyText, const ui::Style& style) {
  std::vector<plot::FilledRect> bars;
  std::vector<plot::Label> labels;
  std::vector<std::string> names;
  const int n = static_cast<int>(words.size());
  for (int i = 0; i < n; ++i) {
    const double c = words[static_cast<std::size_t>(i)].cosine;
    const double x = i;
    bars.push_back({{x - 0.38, x + 0.38, 0.0, std::max(c, 0.0)}, style.palette.seriesColor(1)});
    char text[16];
    std::snprintf(text, sizeof text, "%.2f", c);
    labels.push_back({{x, std::max(c, 0.0)},
                      text,
                      style.palette.foreground,
                      gl::HAlign::Center,
                      gl::VAlign::Bottom,
                      {0.0, -4.0},
                      false});
    names.push_back(words[static_cast<std::size_t>(i)].word);
  }
  if (n == 0) {
    labels.push_back({{0.0, 0.5},
                      emptyText,
                      style.palette.foreground,
                      gl::HAlign::Center,
                      gl::VAlign::Middle,
                      {0.0, 0.0},
                      false});
    names = {" "};
  }
  m_bars->setRects(std::move(bars));
  m_labels->setLabels(std::move(labels));
  m_canvas.setTitle(title);
  if (names != m_shownWords) {
    m_canvas.setXCategories(names);
    const plot::DataRect home{-0.6, std::max(n, 1) - 0.4, 0.0, 1.12};
    m_canvas.setHomeView(home);
    m_canvas.setView(home);
    m_shownWords = std::move(names);
  }
}

}  // namespace genlab::views
