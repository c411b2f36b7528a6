#pragma once
// Small side-panel idioms every lesson's controls share, so the panels read alike, and so that
// nothing in a panel runs past its right edge at any width (a 1024-pixel projector in
// presentation type leaves the panel under 300 pixels).

#include <imgui.h>

#include <algorithm>
#include <cstdarg>
#include <string>

namespace genlab::views {

// Room left on the current line after the last item, in the current window.
inline float roomAfterLastItem() {
  return ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x -
         ImGui::GetItemRectMax().x - ImGui::GetStyle().ItemSpacing.x;
}

// Continues the line after the last item when `width` more fits there; otherwise the next item
// starts a new line.
inline void sameLineIfFits(float width) {
  if (roomAfterLastItem() >= width) ImGui::SameLine();
}

// The width of a checkbox or radio button with `label`.
inline float toggleWidth(const char* label) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
         ImGui::CalcTextSize(label, nullptr, true).x;
}

// The width of a button with `label`.
inline float buttonWidth(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

// A greyed "(?)" after the last item (on the next line where it does not fit beside it) whose
// tooltip explains it.
inline void helpMarker(const char* text) {
  sameLineIfFits(ImGui::CalcTextSize("(?)").x);
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

// ImGui 1.86 has no SeparatorText: a little space, the heading, then a rule.
inline void sectionHeader(const char* text) {
  ImGui::Spacing();
  ImGui::TextWrapped("%s", text);
  ImGui::Separator();
}

// Sets the width of the next labelled widget (slider, combo, input) and returns the label to
// give it. The widget leaves room for its label beside it, and for a "(?)" when `withHelp`;
// where that would make the widget narrower than 45% of the panel, the label takes a line of
// its own above a widget as wide as the panel (the returned label is then "##" + label).
inline std::string sideField(const char* label, bool withHelp = false) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float help = withHelp ? ImGui::CalcTextSize("(?)").x + style.ItemSpacing.x : 0.0f;
  const float beside =
      avail - ImGui::CalcTextSize(label, nullptr, true).x - style.ItemInnerSpacing.x - help;
  if (beside >= avail * 0.45f) {
    ImGui::SetNextItemWidth(std::min(beside, avail * 0.6f));
    return label;
  }
  ImGui::TextUnformatted(label);
  ImGui::SetNextItemWidth(avail - help);
  return std::string("##") + label;
}

// Text in the panel's disabled colour that wraps at the panel's edge (TextDisabled does not).
inline void wrappedDisabled(const char* format, ...) IM_FMTARGS(1);
inline void wrappedDisabled(const char* format, ...) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  va_list args;
  va_start(args, format);
  ImGui::TextWrappedV(format, args);
  va_end(args);
  ImGui::PopStyleColor();
}

}  // namespace genlab::views
