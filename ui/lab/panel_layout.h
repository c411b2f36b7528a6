#pragma once
// What every fixed panel of the lab shares: the window flags (laid out by the lab each frame,
// never moved or saved by ImGui) and placing the next window at a rectangle.

#include <imgui.h>

namespace genlab::lab {

inline constexpr ImGuiWindowFlags kPanelFlags =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

inline void placeNextWindow(float x, float y, float width, float height) {
  ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, height), ImGuiCond_Always);
}

}  // namespace genlab::lab
