#include "ui/views/dbm/dbm_views.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace genlab::views {

RbmImageGridView::Grid DbmSecondFiltersView::grid(const rbm::RbmSnapshot& base) const {
  Grid g;
  const auto* snap = dynamic_cast<const dbm::DbmSnapshot*>(&base);
  if (!snap) return g;
  g.count = snap->hidden2;
  g.pixels.resize(snap->secondFilters.size());
  const float scale = 0.5F / snap->secondFilterScale;
  std::transform(snap->secondFilters.begin(), snap->secondFilters.end(), g.pixels.begin(),
                 [scale](float w) { return 0.5F + scale * w; });
  return g;
}

std::string DbmSecondFiltersView::caption(const rbm::RbmSnapshot& base) const {
  const auto* snap = dynamic_cast<const dbm::DbmSnapshot*>(&base);
  if (!snap) return "";
  char text[200];
  std::snprintf(
      text, sizeof text,
      "%d h2 units, each a weighted sum of the layer 1 filters: white +%.2g, grey 0, black -%.2g",
      snap->hidden2, static_cast<double>(snap->secondFilterScale),
      static_cast<double>(snap->secondFilterScale));
  return text;
}

RbmImageGridView::Grid DbmActivationsView::grid(const rbm::RbmSnapshot& snap) const {
  return {snap.reconstructionPairs, 2 * snap.pairCount, kAnyColumns, 2};
}

std::string DbmActivationsView::caption(const rbm::RbmSnapshot& /*snap*/) const {
  return "pairs: held-out image, mean-field reconstruction p(v | mu1); below: mu1 and mu2 of "
         "the outlined image (hover to choose), white = 1";
}

void DbmActivationsView::drawExtra(const rbm::RbmSnapshot& base, int hovered, ImVec2 box) {
  const auto* snap = dynamic_cast<const dbm::DbmSnapshot*>(&base);
  if (!snap) return;
  if (hovered >= 0) m_selected = hovered / 2;
  if (m_selected >= snap->pairCount) return;
  // Two rows, each "h1" / "h2" at the left and the layer's squares beside it.
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float labelWidth = ImGui::CalcTextSize("h2 ").x;
  const float row = 0.5F * box.y;
  const struct {
    const char* name;
    const std::vector<float>& values;
    int count;
  } layers[] = {{"h1", snap->shownHidden, snap->hidden}, {"h2", snap->shownHidden2, snap->hidden2}};
  float y = origin.y;
  for (const auto& layer : layers) {
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y + 0.5F * (row - ImGui::GetTextLineHeight())));
    ImGui::TextUnformatted(layer.name);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + labelWidth, y));
    const auto first = static_cast<std::size_t>(m_selected) * static_cast<std::size_t>(layer.count);
    if (first + static_cast<std::size_t>(layer.count) <= layer.values.size()) {
      drawActivationSquares(layer.values.data() + first, layer.count,
                            ImVec2(box.x - 2.0F * labelWidth, row - 4.0F));
    }
    y += row;
  }
  outlinePair(tiles(), m_selected);
}

}  // namespace genlab::views
