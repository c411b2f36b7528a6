#include "ui/views/word2vec/matrices_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/models/word2vec/word2vec_run_snapshot.h"
#include "ui/plot/plot_widget.h"
#include "ui/views/word2vec/update_colors.h"

namespace genlab::views {
namespace {

using word2vec_colors::kInput;
using word2vec_colors::kNoise;
using word2vec_colors::kTrue;

// Pixels of the axes and margins around a canvas's plot area, as the canvas lays them out
// (about; only the label column's width depends on it).
constexpr double kAxisPixels = 70.0;

}  // namespace

gl::Rgba8 divergingColor(float t) {
  t = std::clamp(t, -1.0f, 1.0f);
  const gl::Color white{1.0f, 1.0f, 1.0f, 1.0f};
  const gl::Color red = gl::Color::fromHex(0xB2182B);
  const gl::Color blue = gl::Color::fromHex(0x2166AC);
  return (t >= 0 ? gl::mix(white, red, t) : gl::mix(white, blue, -t)).toRgba8();
}

MatricesView::MatricesView() {
  for (Matrix* m : {&m_input, &m_output}) {
    m->cells = &m->canvas.add<plot::HeatmapLayer>();
    m->outlines = &m->canvas.add<plot::LineLayer>();
    m->outlines->setWidth(3.0f);
    m->labels = &m->canvas.add<plot::TextLayer>();
    m->canvas.setShowGrid(false);
    m->canvas.setLegendPosition(plot::LegendPosition::Hidden);
  }
}

void MatricesView::fill(Matrix& m, const std::vector<float>& values, int words, int dim,
                        const std::vector<std::string>& names,
                        const std::vector<std::pair<int, gl::Color>>& rows, const std::string& name,
                        double labelRoom, const ui::Style& style) {
  float scale = 0.0f;
  for (const float v : values) scale = std::max(scale, std::abs(v));
  // Row 0 (the most frequent word) at the top: row w spans y in [words-1-w - 0.5, ... + 0.5].
  std::vector<gl::Rgba8> cells(values.size());
  for (int w = 0; w < words; ++w) {
    for (int d = 0; d < dim; ++d) {
      const std::size_t i =
          static_cast<std::size_t>(w) * static_cast<std::size_t>(dim) + static_cast<std::size_t>(d);
      cells[i] = divergingColor(scale > 0.0f ? values[i] / scale : 0.0f);
    }
  }
  plot::GridSpec grid;
  grid.cols = dim;
  grid.rows = words;
  grid.rect = {-0.5, dim - 0.5, -0.5, words - 0.5};
  grid.firstRowAtTop = true;
  m.cells->setImage(grid, cells);

  std::vector<plot::Label> labels;
  std::vector<plot::Polyline> outlines;
  for (const auto& [w, color] : rows) {  // outlined rows' labels first: they must survive
    const double y = words - 1 - w;
    outlines.push_back(
        {{{-0.5, y - 0.5}, {dim - 0.5, y - 0.5}, {dim - 0.5, y + 0.5}, {-0.5, y + 0.5}},
         color,
         true});
    labels.push_back({{-0.5, y},
                      names[static_cast<std::size_t>(w)],
                      color,
                      gl::HAlign::Right,
                      gl::VAlign::Middle,
                      {-6.0, 0.0},
                      true});
  }
  for (int w = 0; w < words; ++w) {
    labels.push_back({{-0.5, static_cast<double>(words - 1 - w)},
                      names[static_cast<std::size_t>(w)],
                      style.palette.foreground,
                      gl::HAlign::Right,
                      gl::VAlign::Middle,
                      {-6.0, 0.0},
                      false});
  }
  m.labels->setLabels(std::move(labels));
  m.outlines->setPolylines(std::move(outlines));
  char title[96];
  std::snprintf(title, sizeof title, "%s (colour scale \xC2\xB1%.2g)", name.c_str(), scale);
  m.canvas.setTitle(title);
  m.canvas.setAxisLabels("dimension", "");
  const plot::DataRect home{-0.5 - labelRoom, dim - 0.5, -0.5, words - 0.5};
  m.canvas.setHomeView(home);
  m.canvas.setView(home);
}

void MatricesView::draw(ViewContext& context, ImVec2 size) {
  const auto* snapshot = dynamic_cast<const word2vec::Word2VecRunSnapshot*>(context.snapshot.get());
  if (!snapshot || !snapshot->model.words) return;
  if (snapshot->output.empty()) {
    ImGui::TextWrapped(
        "The heat maps are drawn for vocabularies of up to %d words; this one has "
        "%d. See the embedding and the neighbours instead.",
        word2vec::Word2VecRunSnapshot::kOutputWords, snapshot->words());
    return;
  }
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float half = std::floor((size.x - spacing) * 0.5f);
  if (context.snapshot != m_shown || half != m_shownWidth ||
      !(context.style.palette == m_shownPalette)) {
    m_shown = context.snapshot;
    m_shownWidth = half;
    m_shownPalette = context.style.palette;
    const int words = snapshot->words(), dim = snapshot->model.dim;
    const auto& names = *snapshot->model.words;
    std::size_t longest = 1;
    for (const auto& n : names) longest = std::max(longest, n.size());
    // The label column's width: the longest word at about 0.6 em a character, in data units.
    const double fb = ImGui::GetIO().DisplayFramebufferScale.x;
    const double labelPx = 0.6 * context.style.fontPx * static_cast<double>(longest) + 12.0;
    const double plotPx = std::max(half * fb - kAxisPixels * context.style.scale, labelPx * 2.0);
    const double room = dim * labelPx / (plotPx - labelPx);
    const auto& u = snapshot->model.lastUpdate;
    std::vector<std::pair<int, gl::Color>> inRows, outRows;
    for (const int w : u.inputs) inRows.emplace_back(w, kInput);
    if (u.target >= 0) outRows.emplace_back(u.target, kTrue);
    for (const int w : u.negatives) outRows.emplace_back(w, kNoise);
    fill(m_input, snapshot->model.vectors, words, dim, names, inRows, "input vectors W", room,
         context.style);
    fill(m_output, snapshot->output, words, dim, names, outRows, "output vectors W'", room,
         context.style);
  }
  plot::CanvasWidgetOptions options;
  options.showTooltip = false;
  plot::showCanvas("##w2v-input-matrix", m_input.canvas, ImVec2(half, size.y), context.style,
                   options);
  ImGui::SameLine();
  plot::showCanvas("##w2v-output-matrix", m_output.canvas, ImVec2(size.x - half - spacing, size.y),
                   context.style, options);
}

}  // namespace genlab::views
