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
  const ImVec2 box(size.x, size.y - textHeight);
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
  m_tiles.draw(box);
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
  std::snprintf(text, sizeof text, "%d units: white +%.2f, grey 0, black -%.2f", snap.hidden,
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

std::string RbmReconstructionsView::caption(const rbm::RbmSnapshot& snap) const {
  char text[160];
  std::snprintf(text, sizeof text,
                "pairs: held-out image, reconstruction p(v | p(h | image)); batch error %.3f",
                snap.reconstructionError);
  return text;
}

}  // namespace genlab::views
