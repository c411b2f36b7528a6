#pragma once
// The ImGui fonts and style the lab draws with, shared by the lab window and the offscreen
// export (ui/export/view_render.h), so an exported picture has the lab's type and colours.

#include <string>

struct ImGuiIO;

namespace genlab::ui {

// Font sizes in logical pixels. Presentation sizes were chosen for a 1080p projector read from
// the back of a classroom: body text about 2.6 mm on a 2 m wide image is 28 px.
constexpr float kNormalFontPx = 16.0f;
constexpr float kPresentFontPx = 28.0f;

// Replaces the atlas's fonts with DejaVu Sans (regular, then bold) at `px` pixels. Returns an
// empty string, or, when DejaVu is missing and ImGui's built-in font stands in, why.
std::string loadImGuiFonts(ImGuiIO& io, float px, float fallbackScale);

// The lab's light ImGui style (high contrast in presentation mode), every size multiplied by
// `sizeScale`, on the current context.
void applyImGuiStyle(bool present, float sizeScale);

}  // namespace genlab::ui
