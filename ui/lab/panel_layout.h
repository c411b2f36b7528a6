#pragma once
// What every fixed panel of the lab shares: the window flags (laid out by the lab each frame,
// never moved or saved by ImGui) and placing the next window at a rectangle.

#include <imgui.h>

namespace genlab::lab {

// The panels tile the window and share the style's WindowBg, so they draw no background of their
// own: the lab clears the frame to WindowBg once (LabApp::drawFrame). On a software rasteriser
// (Mesa's llvmpipe) every blended pixel costs CPU, and the panels' own backgrounds were 2.1 of
// the 3.6 million pixels a 1920x1080 frame filled. A panel with its own colour uses
// kOpaquePanelFlags.
inline constexpr ImGuiWindowFlags kOpaquePanelFlags =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
inline constexpr ImGuiWindowFlags kPanelFlags = kOpaquePanelFlags | ImGuiWindowFlags_NoBackground;

inline void placeNextWindow(float x, float y, float width, float height) {
  ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, height), ImGuiCond_Always);
}

}  // namespace genlab::lab
