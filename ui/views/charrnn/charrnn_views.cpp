#include "ui/views/charrnn/charrnn_views.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/plot/plot_widget.h"

namespace genlab::views {
namespace {

ImU32 imColor(const gl::Color& c, float alpha = 1.0f) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a * alpha));
}

std::shared_ptr<const charrnn::CharRnnSnapshot> charSnapshot(const ViewContext& context) {
  return std::dynamic_pointer_cast<const charrnn::CharRnnSnapshot>(context.snapshot);
}

const std::string& glyphOf(const charrnn::CharRnnSnapshot& s, int id) {
  static const std::string none = "?";
  if (!s.glyphs || id < 0 || id >= static_cast<int>(s.glyphs->size())) return none;
  return (*s.glyphs)[static_cast<std::size_t>(id)];
}

// Every how many columns a character label fits: labels a little wider than a character of
// the canvas's type, over a plot area of about 85% of the view's width.
int labelStride(int columns, float viewWidth, const ui::Style& style) {
  const float widthPx = viewWidth * ImGui::GetIO().DisplayFramebufferScale.x * 0.85f;
  const float needed = static_cast<float>(columns) * style.fontPx * 1.4f;
  return std::max(1, static_cast<int>(std::ceil(needed / std::max(1.0f, widthPx))));
}

}  // namespace

std::string shownGlyph(const std::string& glyph) {
  if (glyph == "\n") return "\\n";
  if (glyph == "\t") return "\\t";
  if (glyph == " ") return "_";
  return glyph;
}

void CharSampleView::draw(ViewContext& context, ImVec2 size) {
  const auto snapshot = charSnapshot(context);
  if (!snapshot) return;
  const auto& palette = context.style.palette;
  const double t = snapshot->config.temperature;
  if (t <= 0.0)
    ImGui::TextWrapped("Temperature 0: the likeliest character every time (argmax)");
  else
    ImGui::TextWrapped("Temperature %.2f  -  each character drawn from the model's odds", t);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = size.x;
  const float height = std::max(10.0f, ImGui::GetContentRegionAvail().y);
  const float font = ImGui::GetFontSize();
  const float big = font * 1.7f;
  const float small = font * 0.72f;
  const bool guesses = m_showGuesses;
  const float cellWidth = guesses ? small * 2.7f : big * 0.62f;
  const float rowHeight = guesses ? big + 5.0f * small + font * 0.5f : big * 1.15f;
  const int columns = std::max(1, static_cast<int>(width / cellWidth));
  const int rows = std::max(1, static_cast<int>(height / rowHeight));
  // Lay out from the end: the newest character sits at the bottom, older text scrolls up.
  struct Placed {
    std::size_t index;
    int row;
    int column;
  };
  std::vector<Placed> placed;
  const auto& sample = snapshot->sample;
  {
    std::vector<std::vector<std::size_t>> lines(1);
    for (std::size_t i = 0; i < sample.size(); ++i) {
      const bool newline = glyphOf(*snapshot, sample[i].id) == "\n";
      if (!newline) lines.back().push_back(i);
      if (newline || static_cast<int>(lines.back().size()) >= columns) lines.emplace_back();
    }
    const int first = std::max(0, static_cast<int>(lines.size()) - rows);
    for (int l = first; l < static_cast<int>(lines.size()); ++l)
      for (std::size_t k = 0; k < lines[static_cast<std::size_t>(l)].size(); ++k)
        placed.push_back({lines[static_cast<std::size_t>(l)][k], l - first, static_cast<int>(k)});
  }
  const std::int64_t firstNew = snapshot->generated - 8;  // the newest few are highlighted
  const std::int64_t base = snapshot->generated - static_cast<std::int64_t>(sample.size());
  for (const auto& p : placed) {
    const auto& g = sample[p.index];
    const ImVec2 at(origin.x + static_cast<float>(p.column) * cellWidth,
                    origin.y + static_cast<float>(p.row) * rowHeight);
    const bool fresh = base + static_cast<std::int64_t>(p.index) >= firstNew;
    const std::string& glyph = glyphOf(*snapshot, g.id);
    draw->AddText(ImGui::GetFont(), big, at,
                  imColor(fresh ? palette.seriesColor(1) : palette.foreground), glyph.c_str());
    if (!guesses) continue;
    for (int k = 0; k < 5; ++k) {
      const int id = g.top[static_cast<std::size_t>(k)];
      if (id < 0) break;
      const float probability = g.topProbability[static_cast<std::size_t>(k)];
      // Guesses under 1% are left out (the chosen one always shows): five rows of "0" under
      // every confident character only hide the ones that matter.
      if (probability < 0.01f && id != g.id) continue;
      char text[32];
      std::snprintf(text, sizeof text, "%s%2.0f", shownGlyph(glyphOf(*snapshot, id)).c_str(),
                    std::min(99.0f, 100.0f * probability));
      const ImVec2 line(at.x, at.y + big + static_cast<float>(k) * small);
      const bool chosen = id == g.id;
      draw->AddText(ImGui::GetFont(), small, line,
                    imColor(chosen ? palette.seriesColor(0) : palette.foreground,
                            chosen ? 1.0f : 0.35f + 0.65f * probability),
                    text);
    }
  }
  ImGui::Dummy(ImVec2(width, height));
}

CharStateView::CharStateView() {
  m_heatmap = &m_canvas.add<plot::HeatmapLayer>();
  m_text = &m_canvas.add<plot::TextLayer>();
  m_canvas.setAxisLabels("passage (held-out text)", "units, most varying first");
  m_canvas.setLegendPosition(plot::LegendPosition::Hidden);
  m_canvas.setShowGrid(false);
}

void CharStateView::draw(ViewContext& context, ImVec2 size) {
  const auto snapshot = charSnapshot(context);
  const int stride = labelStride(kShownColumns, size.x, context.style);
  // Room above the map for the character labels: about two lines of type, in data rows.
  const float heightPx = std::max(
      60.0f, ImGui::GetContentRegionAvail().y * ImGui::GetIO().DisplayFramebufferScale.y * 0.8f);
  const float headroom = std::round(20.0f * 2.0f * context.style.fontPx / heightPx) / 20.0f;
  if (snapshot && snapshot->states &&
      (snapshot->states != m_shown || stride != m_stride || headroom != m_headroom)) {
    m_stride = stride;
    m_headroom = headroom;
    const auto& map = *snapshot->states;
    const int columns = std::min<int>(kShownColumns, static_cast<int>(map.passage.size()));
    const int rows = std::min(kShownUnits, map.units);
    std::vector<float> cells(static_cast<std::size_t>(rows * columns));
    const auto width = map.passage.size();
    // Row 0 of the grid is at the bottom: the most varying unit goes to the top row.
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < columns; ++c)
        cells[static_cast<std::size_t>((rows - 1 - r) * columns + c)] = std::tanh(
            map.values[static_cast<std::size_t>(r) * width + static_cast<std::size_t>(c)]);
    m_heatmap->setScalars(
        {columns, rows, {0.0, static_cast<double>(columns), 0.0, static_cast<double>(rows)}, false},
        cells, -1.0f, 1.0f);
    std::vector<plot::Label> labels;
    for (int c = 0; c < columns; c += stride)
      labels.push_back({{c + 0.5, static_cast<double>(rows)},
                        shownGlyph(glyphOf(*snapshot, map.passage[static_cast<std::size_t>(c)])),
                        context.style.palette.foreground,
                        gl::HAlign::Center,
                        gl::VAlign::Bottom,
                        {0.0, -3.0},
                        false});
    m_text->setLabels(std::move(labels));
    const plot::DataRect home{0.0, static_cast<double>(columns), 0.0,
                              rows * (1.0 + static_cast<double>(headroom))};
    m_canvas.setHomeView(home);
    m_canvas.setView(home);
    m_shown = snapshot->states;
  }
  if (snapshot && snapshot->states)
    ImGui::TextWrapped("%s of the last layer, tanh-squashed, %d of %d units",
                       snapshot->states->cellState ? "Cell state c" : "Hidden state h",
                       std::min(kShownUnits, snapshot->states->units), snapshot->states->units);
  plot::CanvasWidgetOptions options;
  options.showTooltip = false;
  plot::showCanvas("##char-states", m_canvas, ImVec2(size.x, ImGui::GetContentRegionAvail().y),
                   context.style, options);
}

CharConnectivityView::CharConnectivityView() {
  m_bars = &m_canvas.add<plot::RectLayer>();
  m_text = &m_canvas.add<plot::TextLayer>();
  m_canvas.setAxisLabels("characters back from the prediction", "gradient (largest = 1)");
  m_canvas.setLegendPosition(plot::LegendPosition::Hidden);
}

void CharConnectivityView::draw(ViewContext& context, ImVec2 size) {
  const auto snapshot = charSnapshot(context);
  const int stride = snapshot && snapshot->connectivity
                         ? labelStride(static_cast<int>(snapshot->connectivity->sensitivity.size()),
                                       size.x, context.style)
                         : 1;
  if (snapshot && snapshot->connectivity &&
      (snapshot->connectivity != m_shown || stride != m_stride)) {
    m_stride = stride;
    const auto& reach = *snapshot->connectivity;
    const auto n = static_cast<int>(reach.sensitivity.size());
    const float top =
        n > 0 ? *std::max_element(reach.sensitivity.begin(), reach.sensitivity.end()) : 0.0f;
    std::vector<plot::FilledRect> bars;
    std::vector<plot::Label> labels;
    const auto& palette = context.style.palette;
    for (int i = 0; i < n; ++i) {
      const double back = static_cast<double>(n - 1 - i);  // 0: the last character read
      const double value = top > 0 ? reach.sensitivity[static_cast<std::size_t>(i)] / top : 0.0;
      bars.push_back({{-back - 0.4, -back + 0.4, 0.0, value}, palette.seriesColor(0)});
      // Thinned from the prediction backwards, so the nearest character is always labelled.
      if ((n - 1 - i) % stride != 0) continue;
      labels.push_back({{-back, 0.0},
                        shownGlyph(glyphOf(*snapshot, reach.passage[static_cast<std::size_t>(i)])),
                        palette.foreground,
                        gl::HAlign::Center,
                        gl::VAlign::Top,
                        {0.0, 3.0},
                        false});
    }
    // Top left, inside the plot: the nearest characters' bars are the tall ones.
    labels.push_back({{-static_cast<double>(n) + 0.4, 1.08},
                      "-> \"" + shownGlyph(glyphOf(*snapshot, reach.target)) + "\" next",
                      palette.seriesColor(1),
                      gl::HAlign::Left,
                      gl::VAlign::Top,
                      {6.0, 6.0},
                      true});
    m_bars->setRects(std::move(bars));
    m_text->setLabels(std::move(labels));
    const plot::DataRect home{-static_cast<double>(n) + 0.4, 0.6, -0.12, 1.08};
    m_canvas.setHomeView(home);
    m_canvas.setView(home);
    m_shown = snapshot->connectivity;
  }
  if (snapshot)
    ImGui::TextWrapped("%s: the gradient of one prediction with respect to each earlier character",
                       std::string(charrnn::toString(snapshot->config.cell)).c_str());
  plot::CanvasWidgetOptions options;
  options.showTooltip = false;
  plot::showCanvas("##char-reach", m_canvas, ImVec2(size.x, ImGui::GetContentRegionAvail().y),
                   context.style, options);
}

}  // namespace genlab::views
