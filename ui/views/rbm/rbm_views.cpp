#include "ui/views/rbm/rbm_views.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace genlab::views {

namespace {

// The multiple of `step` columns that gives `count` tiles the largest size in the box.
int bestColumns(ImVec2 box, int count, int height, int width, int step) {
  int best = step;
  float bestScale = -1.0F;
  for (int columns = step; columns < count + step; columns += step) {
    const float scale = layoutTiles(box.x, box.y, count, width, height, 1, columns).scale;
    if (scale > bestScale + 1e-4F) {
      bestScale = scale;
      best = columns;
    }
  }
  return best;
}

}  // namespace

void RbmImageGridView::draw(ViewContext& context, ImVec2 size) {
  const auto* snap = dynamic_cast<const rbm::RbmSnapshot*>(context.snapshot.get());
  if (!snap) {
    ImGui::TextUnformatted("waiting for the first snapshot...");
    return;
  }
  const std::string text = caption(*snap);
  const float textHeight = ImGui::CalcTextSize(text.c_str(), nullptr, false, size.x).y +
                           ImGui::GetStyle().ItemSpacing.y + 2.0f;
  const float extra = extraHeight(size);
  const ImVec2 box(size.x, size.y - textHeight - extra);
  bool repack = false;
  if (snap != m_shown) {
    m_grid = grid(*snap);
    m_shown = snap;
    m_keep = context.snapshot;
    repack = true;
  }
  // Pairs must stay side by side, so their grid picks its (even) columns here, for this box.
  const int columns = m_grid.columnStep > 1 ? bestColumns(box, m_grid.count, snap->height,
                                                          snap->width, m_grid.columnStep)
                                            : m_grid.columns;
  if (repack || columns != m_columns) {
    m_tiles.set(m_grid.pixels, m_grid.count, snap->height, snap->width, columns, ++m_version);
    m_columns = columns;
  }
  const int hovered = m_tiles.draw(box);
  if (extra > 0.0F) {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    drawExtra(*snap, hovered, ImVec2(size.x, extra));
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + extra));
  }
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + size.x);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
}

RbmImageGridView::Grid RbmFiltersView::grid(const rbm::RbmSnapshot& snap) const {
  Grid g;
  g.count = snap.hidden;
  g.pixels.resize(snap.filters.size());
  const float scale = 0.5F / snap.filterScale;
  std::transform(snap.filters.begin(), snap.filters.end(), g.pixels.begin(),
                 [scale](float w) { return 0.5F + scale * w; });
  return g;
}

std::string RbmFiltersView::caption(const rbm::RbmSnapshot& snap) const {
  char text[160];
  std::snprintf(text, sizeof text, "%d units: white +%.2g, grey 0, black -%.2g", snap.hidden,
                static_cast<double>(snap.filterScale), static_cast<double>(snap.filterScale));
  return text;
}

RbmImageGridView::Grid RbmDreamsView::grid(const rbm::RbmSnapshot& snap) const {
  return {snap.dreams, snap.dreamCount, kAnyColumns, 1};
}

std::string RbmDreamsView::caption(const rbm::RbmSnapshot& snap) const {
  char text[160];
  std::snprintf(text, sizeof text,
                "step %lld: %d chains from noise, one sweep per step, p(v | h) shown",
                static_cast<long long>(snap.step), snap.dreamCount);
  return text;
}

RbmImageGridView::Grid RbmReconstructionsView::grid(const rbm::RbmSnapshot& snap) const {
  return {snap.reconstructionPairs, 2 * snap.pairCount, kAnyColumns, 2};
}

void drawActivationSquares(const float* values, int count, ImVec2 box) {
  if (count <= 0) return;
  // One row of squares when they fit at a readable size, else as many rows as needed.
  const float gap = 2.0F;
  int columns = count;
  float cell = std::min(box.y, box.x / static_cast<float>(columns)) - gap;
  while (cell < 0.5F * box.y / std::ceil(static_cast<float>(count) / columns) && columns > 8) {
    columns = (columns + 1) / 2;
    const float rows = std::ceil(static_cast<float>(count) / static_cast<float>(columns));
    cell = std::min(box.y / rows, box.x / static_cast<float>(columns)) - gap;
  }
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float rowWidth = static_cast<float>(columns) * (cell + gap);
  const float left = origin.x + 0.5F * (box.x - rowWidth);
  ImDrawList* list = ImGui::GetWindowDrawList();
  for (int j = 0; j < count; ++j) {
    const float p = std::clamp(values[j], 0.0F, 1.0F);
    const float x = left + static_cast<float>(j % columns) * (cell + gap);
    const float y = origin.y + static_cast<float>(j / columns) * (cell + gap);
    const auto grey = static_cast<int>(255.0F * p + 0.5F);
    list->AddRectFilled(ImVec2(x, y), ImVec2(x + cell, y + cell), IM_COL32(grey, grey, grey, 255));
    list->AddRect(ImVec2(x, y), ImVec2(x + cell, y + cell), IM_COL32(128, 128, 128, 255));
  }
}

void outlinePair(const ImageTiles& tiles, int k) {
  if (2 * k + 1 >= tiles.count()) return;
  const ImRect a = tiles.tileRect(2 * k);
  const ImRect b = tiles.tileRect(2 * k + 1);
  ImGui::GetWindowDrawList()->AddRect(a.Min, b.Max, IM_COL32(230, 159, 0, 255), 0.0F, 0, 2.0F);
}

void RbmReconstructionsView::drawExtra(const rbm::RbmSnapshot& snap, int hovered, ImVec2 box) {
  if (hovered >= 0) m_selected = hovered / 2;
  if (m_selected >= snap.pairCount || snap.hidden == 0) return;
  const auto base = static_cast<std::size_t>(m_selected) * static_cast<std::size_t>(snap.hidden);
  drawActivationSquares(snap.shownHidden.data() + base, snap.hidden, box);
  outlinePair(tiles(), m_selected);  // the chosen pair, in the grid above
}

std::string RbmReconstructionsView::caption(const rbm::RbmSnapshot& snap) const {
  char text[160];
  std::snprintf(text, sizeof text,
                "pairs: held-out image, reconstruction p(v | p(h | image)); below: p(h | outlined "
                "image), white = 1; batch error %.3f",
                snap.reconstructionError);
  return text;
}

}  // namespace genlab::views
