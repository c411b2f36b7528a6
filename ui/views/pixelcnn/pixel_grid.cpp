#include "ui/views/pixelcnn/pixel_grid.h"

#include <algorithm>
#include <cmath>

namespace genlab::views::pixelcnnui {

GridHit drawPixelGrid(const char* id, const std::string& caption, int height, int width, ImVec2 box,
                      const std::function<ImU32(int)>& colour) {
  GridHit hit;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float captionHeight = ImGui::CalcTextSize(caption.c_str(), nullptr, false, box.x).y +
                              ImGui::GetStyle().ItemSpacing.y;
  const ImVec2 area(box.x, std::max(1.0f, box.y - captionHeight));
  if (height <= 0 || width <= 0) {
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + box.y));
    return hit;
  }
  hit.cell = std::max(1.0f, std::floor(std::min(area.x / width, area.y / height)));
  const ImVec2 size(hit.cell * width, hit.cell * height);
  // The grid centred in the box, its caption right above it (not at the top of a tall box).
  hit.min = ImVec2(std::floor(start.x + (area.x - size.x) * 0.5f),
                   std::floor(start.y + captionHeight + (area.y - size.y) * 0.5f));
  hit.max = ImVec2(hit.min.x + size.x, hit.min.y + size.y);
  ImGui::SetCursorScreenPos(ImVec2(start.x, hit.min.y - captionHeight));
  ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + box.x);
  ImGui::TextUnformatted(caption.c_str());
  ImGui::PopTextWrapPos();
  ImGui::SetCursorScreenPos(hit.min);
  ImGui::InvisibleButton(id, ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
  if (ImGui::IsItemHovered()) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const int col = std::clamp(static_cast<int>((m.x - hit.min.x) / hit.cell), 0, width - 1);
    const int row = std::clamp(static_cast<int>((m.y - hit.min.y) / hit.cell), 0, height - 1);
    hit.hovered = row * width + col;
    hit.clicked = ImGui::IsMouseClicked(ImGuiMouseButton_Left) ||
                  (ImGui::IsMouseDown(ImGuiMouseButton_Left) && ImGui::GetIO().MouseDelta.x != 0);
  }
  ImDrawList* list = ImGui::GetWindowDrawList();
  for (int r = 0; r < height; ++r) {
    for (int c = 0; c < width; ++c) {
      const ImVec2 a(hit.min.x + c * hit.cell, hit.min.y + r * hit.cell);
      list->AddRectFilled(a, ImVec2(a.x + hit.cell, a.y + hit.cell), colour(r * width + c));
    }
  }
  list->AddRect(hit.min, hit.max, IM_COL32(128, 128, 128, 255));
  ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + box.y));
  return hit;
}

void outlineCell(const GridHit& hit, int width, int index, ImU32 colour, float thickness) {
  if (index < 0 || width <= 0) return;
  const ImVec2 a(hit.min.x + (index % width) * hit.cell, hit.min.y + (index / width) * hit.cell);
  ImGui::GetWindowDrawList()->AddRect(a, ImVec2(a.x + hit.cell, a.y + hit.cell), colour, 0.0f, 0,
                                      thickness);
}

ImU32 greyCell(float v) {
  if (v < 0.0f) return IM_COL32(95, 110, 140, 255);
  const auto g = static_cast<int>(std::lround(255.0f * std::clamp(v, 0.0f, 1.0f)));
  return IM_COL32(g, g, g, 255);
}

}  // namespace genlab::views::pixelcnnui
