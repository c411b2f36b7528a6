#include "ui/views/leaderboard/leaderboard_samples_view.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui/plot/screen_texts.h"
#include "ui/views/leaderboard/leaderboard_bars_view.h"

namespace genlab::views {

void LeaderboardSamplesView::draw(ViewContext& context, ImVec2 size) {
  const auto* snap = dynamic_cast<const eval::LeaderboardSnapshot*>(context.snapshot.get());
  if (!snap) {
    ImGui::TextUnformatted("waiting for the first snapshot...");
    return;
  }
  if (context.snapshot != m_shown) {
    // Rows of equal length: the fewest samples any model gave.
    const auto pixels = static_cast<std::size_t>(std::max(1, snap->pixels()));
    std::size_t columns = 0;
    m_rows.clear();
    m_labels.clear();
    m_figures.clear();
    for (const auto& e : snap->entries) {
      if (e.samples.size() < pixels) continue;
      const std::size_t count = e.samples.size() / pixels;
      columns = m_rows.empty() ? count : std::min(columns, count);
      m_rows.push_back(e.model);
      char figure[32];
      std::snprintf(figure, sizeof figure, "%.1f nats", e.nats);
      m_labels.push_back(leaderboardRowName(e.model));
      m_figures.push_back(figure);
    }
    std::vector<float> grid;
    for (const auto& e : snap->entries) {
      if (e.samples.size() < pixels) continue;
      grid.insert(grid.end(), e.samples.begin(),
                  e.samples.begin() + static_cast<std::ptrdiff_t>(columns * pixels));
    }
    m_samples = static_cast<int>(columns);
    m_grid = std::move(grid);
    m_columns = 0;
    m_shown = context.snapshot;
  }
  if (m_rows.empty() || m_samples == 0) {
    ImGui::TextWrapped("Each model's samples appear here when it has been scored.");
    return;
  }
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const std::string caption = "hover a row for how the model was trained";
  const float captionHeight = ImGui::GetTextLineHeightWithSpacing();
  float labelWidth = 0.0F;
  for (const auto& label : m_labels)
    labelWidth = std::max(labelWidth, ImGui::CalcTextSize(label.c_str()).x);
  for (const auto& figure : m_figures)
    labelWidth = std::max(labelWidth, ImGui::CalcTextSize(figure.c_str()).x);
  labelWidth = std::min(labelWidth + 0.6F * ImGui::GetFontSize(), 0.4F * size.x);
  const ImVec2 box(size.x - labelWidth, size.y - captionHeight);
  // As many of each model's samples as fill the box: fewer columns give larger tiles until the
  // rows fill the height; past that, more columns show more samples at the same size.
  const int rows = static_cast<int>(m_rows.size());
  int columns = std::min(m_samples, kMinColumns);
  for (int c = columns + 1; c <= m_samples; ++c) {
    const float now = layoutTiles(box.x, box.y, rows * c, snap->width, snap->height, 1, c).scale;
    const float before =
        layoutTiles(box.x, box.y, rows * columns, snap->width, snap->height, 1, columns).scale;
    if (now * now * static_cast<float>(c) >= before * before * static_cast<float>(columns))
      columns = c;
  }
  if (columns != m_columns) {
    // Row r is the first `columns` samples of model r.
    std::vector<float> pixels;
    const auto perImage = static_cast<std::size_t>(snap->pixels());
    for (int r = 0; r < rows; ++r) {
      const auto begin = m_grid.begin() + static_cast<std::ptrdiff_t>(
                                              static_cast<std::size_t>(r * m_samples) * perImage);
      pixels.insert(
          pixels.end(), begin,
          begin + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(columns) * perImage));
    }
    m_tiles.set(pixels, rows * columns, snap->height, snap->width, columns, ++m_version);
    m_columns = columns;
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x + labelWidth, origin.y));
  const int hovered = m_tiles.draw(box);

  // A label per row, left of it, centred on it, its figure under it where the row has room for
  // two lines; rows too thin for a line of text are labelled only where the previous label
  // leaves room.
  ImDrawList* list = ImGui::GetWindowDrawList();
  list->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const float line = ImGui::GetTextLineHeight();
  float free = origin.y;
  for (std::size_t r = 0; r < m_rows.size(); ++r) {
    const ImRect first = m_tiles.tileRect(static_cast<int>(r) * m_columns);
    const bool twoLines = first.Max.y - first.Min.y >= 2.2F * line;
    const float y = 0.5F * (first.Min.y + first.Max.y - (twoLines ? 2.0F : 1.0F) * line);
    if (y < free) continue;
    for (const std::string* label : {&m_labels[r], &m_figures[r]}) {
      if (label == &m_figures[r] && !twoLines) break;
      std::string shown = *label;
      while (!shown.empty() && ImGui::CalcTextSize(shown.c_str()).x > labelWidth - 0.3F * line)
        shown.pop_back();
      const float at = label == &m_labels[r] ? y : y + line;
      plot::addRecordedText(list, ImVec2(origin.x, at), label == &m_labels[r] ? text : muted,
                            shown.c_str());
      free = at + line;
    }
  }
  const float captionY = std::max(m_tiles.gridRect().Max.y, origin.y) + 2.0F;
  if (captionY + line <= origin.y + size.y) {
    std::string shown = caption;
    while (!shown.empty() && ImGui::CalcTextSize(shown.c_str()).x > size.x) shown.pop_back();
    plot::addRecordedText(list, ImVec2(origin.x, captionY),
                          ImGui::GetColorU32(ImGuiCol_TextDisabled), shown.c_str());
  }
  list->PopClipRect();
  if (hovered >= 0 && m_columns > 0) {
    const auto row = static_cast<std::size_t>(hovered / m_columns);
    for (const auto& e : snap->entries) {
      if (row < m_rows.size() && e.model == m_rows[row]) {
        ImGui::SetTooltip("%s\n%s", e.description.c_str(), e.note.c_str());
        break;
      }
    }
  }
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(size);
}

}  // namespace genlab::views
