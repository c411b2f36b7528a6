#include "ui/views/rbm/rbm_views.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace genlab::views {

namespace {

int squareColumns(int count) {
  return std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(count)))));
}

}  // namespace

void RbmImageGridView::draw(ViewContext& context, ImVec2 size) {
  const auto* snap = dynamic_cast<const rbm::RbmSnapshot*>(context.snapshot.get());
  if (!snap) {
    ImGui::TextUnformatted("waiting for the first snapshot...");
    return;
  }
  if (snap != m_shown) {
    const Grid g = grid(*snap);
    m_tiles.set(g.pixels, g.count, snap->height, snap->width, g.columns, ++m_version);
    m_shown = snap;
    m_keep = context.snapshot;
  }
  const std::string text = caption(*snap);
  const float textHeight = ImGui::CalcTextSize(text.c_str(), nullptr, false, size.x).y +
                           ImGui::GetStyle().ItemSpacing.y + 2.0f;
  m_tiles.draw(ImVec2(size.x, size.y - textHeight));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + size.x);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
}

RbmImageGridView::Grid RbmFiltersView::grid(const rbm::RbmSnapshot& snap) const {
  Grid g;
  g.count = snap.hidden;
  g.columns = squareColumns(g.count);
  g.pixels.resize(snap.filters.size());
  const float scale = 0.5F / snap.filterScale;
  std::transform(snap.filters.begin(), snap.filters.end(), g.pixels.begin(),
                 [scale](float w) { return 0.5F + scale * w; });
  return g;
}

std::string RbmFiltersView::caption(const rbm::RbmSnapshot& snap) const {
  char text[160];
  std::snprintf(text, sizeof text, "%d hidden units; white +%.2f, grey 0, black -%.2f", snap.hidden,
                static_cast<double>(snap.filterScale), static_cast<double>(snap.filterScale));
  return text;
}

RbmImageGridView::Grid RbmDreamsView::grid(const rbm::RbmSnapshot& snap) const {
  return {snap.dreams, snap.dreamCount, squareColumns(snap.dreamCount)};
}

std::string RbmDreamsView::caption(const rbm::RbmSnapshot& snap) const {
  char text[160];
  std::snprintf(text, sizeof text, "step %lld: %d chains started from noise, p(v | h) shown",
                static_cast<long long>(snap.step), snap.dreamCount);
  return text;
}

RbmImageGridView::Grid RbmReconstructionsView::grid(const rbm::RbmSnapshot& snap) const {
  return {snap.reconstructionPairs, 2 * snap.pairCount, 4};
}

std::string RbmReconstructionsView::caption(const rbm::RbmSnapshot& snap) const {
  char text[160];
  std::snprintf(text, sizeof text,
                "each pair: a held-out image, then p(v | h) with h = p(h | image); last batch error %.4f",
                snap.reconstructionError);
  return text;
}

}  // namespace genlab::views
