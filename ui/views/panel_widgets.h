#pragma once
// Small side-panel idioms every lesson's controls share, so the panels read alike.

#include <imgui.h>

namespace genlab::views {

// A greyed "(?)" after the last item whose tooltip explains it.
inline void helpMarker(const char* text) {
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

// ImGui 1.86 has no SeparatorText: a little space, the heading, then a rule.
inline void sectionHeader(const char* text) {
  ImGui::Spacing();
  ImGui::TextUnformatted(text);
  ImGui::Separator();
}

}  // namespace genlab::views
