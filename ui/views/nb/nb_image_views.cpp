#include "ui/views/nb/nb_image_views.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/plot/plot_widget.h"

namespace genlab::views {
namespace {

constexpr float kImageGapPx = 16.0f;

// Text wrapped to `width` at the cursor, and the height it took.
void caption(const char* text, float width) {
  ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + width);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
}

float captionHeight(const char* text, float width) {
  return ImGui::CalcTextSize(text, nullptr, false, width).y + ImGui::GetStyle().ItemSpacing.y +
         2.0f;
}

}  // namespace

void NbClassImagesView::draw(ViewContext& context, ImVec2 size) {
  const auto s = std::dynamic_pointer_cast<const nb::NbSnapshot>(context.snapshot);
  if (!s || !s->data || !s->data->images()) {
    ImGui::TextUnformatted("waiting for the first snapshot...");
    return;
  }
  const int classes = s->classes();
  const int perClass = 1 + s->samplesPerClass;
  const int h = s->data->height, w = s->data->width;
  char text[200];
  std::snprintf(text, sizeof text,
                "Each row a class. Left of the line: p(pixel on | class), fitted on %lld images. "
                "Right: %d samples from p(x | class), every pixel drawn on its own.",
                static_cast<long long>(s->trainUsed), s->samplesPerClass);
  const float textHeight = captionHeight(text, size.x);
  const ImVec2 box(size.x, size.y - textHeight);
  // The classes in one block of rows, or two blocks side by side (rows 0..K/2 and the rest),
  // whichever gives the larger tiles in this panel: a wide panel would leave a single tall
  // block with empty sides.
  const int twoRows = (classes + 1) / 2;
  const float one = layoutTiles(box.x, box.y, classes * perClass, w, h, 1, perClass).scale;
  const float two = layoutTiles(box.x, box.y, twoRows * 2 * perClass, w, h, 1, 2 * perClass).scale;
  const int blocks = two > one ? 2 : 1;
  const int rows = blocks == 2 ? twoRows : classes;
  const int columns = blocks * perClass;
  if (context.snapshot != m_shown || blocks != m_blocks) {
    const auto d = static_cast<std::size_t>(h * w);
    std::vector<float> pixels(static_cast<std::size_t>(rows * columns) * d, 0.0f);
    for (int c = 0; c < classes; ++c) {
      const int row = c % rows, block = c / rows;
      for (int i = 0; i < perClass; ++i) {
        const float* from = i == 0 ? &s->means[static_cast<std::size_t>(c) * d]
                                   : &s->samples[(static_cast<std::size_t>(c) * s->samplesPerClass +
                                                  static_cast<std::size_t>(i - 1)) *
                                                 d];
        const auto tile = static_cast<std::size_t>(row * columns + block * perClass + i);
        std::copy(from, from + d, pixels.begin() + static_cast<std::ptrdiff_t>(tile * d));
      }
    }
    m_tiles.set(pixels, rows * columns, h, w, columns, ++m_version);
    m_shown = context.snapshot;
    m_blocks = blocks;
  }
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const int hovered = m_tiles.draw(box);
  // A line between each block's means and its samples, and a wider one between the blocks.
  const ImRect grid = m_tiles.gridRect();
  ImDrawList* list = ImGui::GetWindowDrawList();
  for (int b = 0; b < blocks; ++b) {
    const int col = b * perClass;
    const float x = 0.5f * (m_tiles.tileRect(col).Max.x + m_tiles.tileRect(col + 1).Min.x);
    list->AddLine(ImVec2(x, grid.Min.y), ImVec2(x, grid.Max.y), IM_COL32(230, 159, 0, 255), 3.0f);
    if (b > 0) {
      const float between = 0.5f * (m_tiles.tileRect(col - 1).Max.x + m_tiles.tileRect(col).Min.x);
      list->AddLine(ImVec2(between, grid.Min.y), ImVec2(between, grid.Max.y),
                    IM_COL32(255, 255, 255, 255), 5.0f);
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(start.x, grid.Max.y + 2.0f));
  caption(text, size.x);
  if (hovered >= 0) {
    const int row = hovered / columns, col = hovered % columns;
    const int c = row + (col / perClass) * rows;
    const int i = col % perClass;
    if (c < classes) {
      const char* name = s->data->classNames[static_cast<std::size_t>(c)].c_str();
      if (i == 0)
        ImGui::SetTooltip("class %s: p(pixel on | %s)", name, name);
      else
        ImGui::SetTooltip("class %s: sample %d from p(x | %s)", name, i, name);
    }
  }
}

NbDrawView::NbDrawView() {
  m_barRects = &m_bars.add<plot::RectLayer>();
  m_barLabels = &m_bars.add<plot::TextLayer>();
  m_bars.setAxisLabels("class y", "P(y | drawing)");
  m_bars.setLegendPosition(plot::LegendPosition::Hidden);
}

void NbDrawView::showTestImage(const nb::NbSnapshot& snapshot, int index) {
  const auto& test = snapshot.data->test;
  if (test.rows() == 0) return;
  m_drawing.assign(test.row(index % test.rows()));
}

void NbDrawView::update(ViewContext& context) {
  const auto s = std::dynamic_pointer_cast<const nb::NbSnapshot>(context.snapshot);
  if (!s || !s->model || !s->data || !s->data->images()) return;
  if (m_drawing.height() != s->data->height || m_drawing.width() != s->data->width) {
    m_drawing = DrawingGrid(s->data->height, s->data->width);
  }
  if (m_canvasVersion != m_drawing.version()) {
    m_canvas.set(m_drawing.pixels(), 1, m_drawing.height(), m_drawing.width(), 1,
                 m_drawing.version());
    m_canvasVersion = m_drawing.version();
  }
  // Every bar's value where the categories are wide enough for it, else the winner's alone (a
  // small panel's labels would run into each other).
  const bool labelAll =
      m_bars.transform().pixelsPerUnitX() >= 3.0 * static_cast<double>(context.style.fontPx);
  if (context.snapshot == m_shown && m_drawing.version() == m_shownVersion &&
      context.style.palette == m_shownPalette && labelAll == m_labelAll)
    return;
  m_labelAll = labelAll;
  m_posterior = posteriorOf(*s->model, m_drawing);
  const int classes = s->classes();
  Eigen::Index best = 0;
  m_posterior.maxCoeff(&best);
  const ui::Palette& palette = context.style.palette;
  std::vector<plot::FilledRect> rects;
  std::vector<plot::Label> labels;
  for (int k = 0; k < classes; ++k) {
    const double p = m_posterior(k);
    // The winner in the first series colour, the others in a quiet grey-blue.
    const gl::Color color = k == best ? palette.seriesColor(0)
                                      : gl::mix(palette.seriesColor(0), palette.plotArea, 0.55f);
    rects.push_back({{k - 0.38, k + 0.38, 0.0, p}, color});
    if (k == best || (labelAll && p >= 0.005)) {
      char text[16];
      std::snprintf(text, sizeof text, "%.2f", p);
      labels.push_back({{static_cast<double>(k), p},
                        text,
                        palette.foreground,
                        gl::HAlign::Center,
                        gl::VAlign::Bottom,
                        {0.0, -4.0},
                        k == best});
    }
  }
  m_barRects->setRects(std::move(rects));
  m_barLabels->setLabels(std::move(labels));
  if (classes != m_barClasses) {
    m_bars.setXCategories(s->data->classNames);
    const plot::DataRect home{-0.6, classes - 0.4, 0.0, 1.12};
    m_bars.setHomeView(home);
    m_bars.setView(home);
    m_barClasses = classes;
  }
  char title[160];
  std::snprintf(title, sizeof title, "Most probable: %s (%.0f%%)",
                s->data->classNames[static_cast<std::size_t>(best)].c_str(),
                100.0 * m_posterior(best));
  m_bars.setTitle(title);
  m_shown = context.snapshot;
  m_shownVersion = m_drawing.version();
  m_shownPalette = palette;
}

void NbDrawView::handleMouse() {
  // Called right after the canvas's tiles were drawn: the last item is their invisible button,
  // which holds the mouse while the left button is down (so the window does not move). A stroke
  // starts with a press on the canvas and lasts while that button stays down.
  const bool hovered = ImGui::IsItemHovered() || ImGui::IsItemActive();
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) m_button = ImGuiMouseButton_Left;
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) m_button = ImGuiMouseButton_Right;
  if (m_button >= 0 && !ImGui::IsMouseDown(m_button)) m_button = -1;
  const ImRect cell0 = m_canvas.tileRect(0);
  const float cellSize = (cell0.Max.x - cell0.Min.x) / static_cast<float>(m_drawing.width());
  if (m_button < 0 || cellSize <= 0.0f) {
    m_lastCell.reset();
    return;
  }
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const Eigen::Vector2d at((mouse.x - cell0.Min.x) / cellSize, (mouse.y - cell0.Min.y) / cellSize);
  m_drawing.stroke(m_lastCell.value_or(at), at, m_button == ImGuiMouseButton_Left ? 1.0f : 0.0f);
  m_lastCell = at;
}

void NbDrawView::draw(ViewContext& context, ImVec2 size) {
  const auto s = std::dynamic_pointer_cast<const nb::NbSnapshot>(context.snapshot);
  if (!s || !s->model || !s->data || !s->data->images()) {
    ImGui::TextUnformatted("waiting for the first snapshot...");
    return;
  }
  update(context);
  const char* help = "Left button paints, right button erases.";
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float left = std::max(120.0f, std::min(size.x * 0.45f, size.y));
  const float textHeight = captionHeight(help, left);
  const float side = std::min(left, size.y - textHeight);
  // The canvas and its caption in the middle of the column's height, not in its top corner.
  ImGui::SetCursorScreenPos(
      ImVec2(start.x, start.y + std::floor(0.5f * std::max(0.0f, size.y - side - textHeight))));
  m_canvas.draw(ImVec2(left, side));
  if (!context.scrubbing) handleMouse();
  // The cells' borders, so the student sees where a pixel begins.
  const ImRect r = m_canvas.tileRect(0);
  ImDrawList* list = ImGui::GetWindowDrawList();
  const ImU32 line = IM_COL32(110, 110, 110, 255);
  for (int i = 0; i <= m_drawing.width(); ++i) {
    const float x = r.Min.x + (r.Max.x - r.Min.x) * static_cast<float>(i) / m_drawing.width();
    list->AddLine(ImVec2(x, r.Min.y), ImVec2(x, r.Max.y), line, 1.0f);
  }
  for (int i = 0; i <= m_drawing.height(); ++i) {
    const float y = r.Min.y + (r.Max.y - r.Min.y) * static_cast<float>(i) / m_drawing.height();
    list->AddLine(ImVec2(r.Min.x, y), ImVec2(r.Max.x, y), line, 1.0f);
  }
  ImGui::SetCursorScreenPos(ImVec2(start.x, r.Max.y + 2.0f));
  caption(help, left);
  ImGui::SetCursorScreenPos(ImVec2(start.x + left + kImageGapPx, start.y));
  plot::CanvasWidgetOptions options;
  options.showTooltip = false;
  plot::showCanvas("##nb-bars", m_bars, ImVec2(size.x - left - kImageGapPx, size.y), context.style,
                   options);
}

}  // namespace genlab::views
