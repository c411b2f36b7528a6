#pragma once
// Every string the lab's pictures drew this frame, in screen pixels (ImGui's logical units),
// with the rect each must stay inside to be read whole. The lab's --report-layout lists them
// per view, and the layout tests check that none overlaps another or leaves its rect.
// Only the UI thread touches it; beginCanvasFrame() (plot_widget.h) empties it.

#include <imgui.h>

#include <string>
#include <vector>

#include "ui/gl/text.h"
#include "ui/plot/plot_canvas.h"

namespace genlab::plot {

struct ScreenText {
  std::string text;
  gl::PixelBox box;
  gl::PixelBox clip;
};

// Off by default: the strings are kept only while a report wants them (the lab's
// --report-layout), so an ordinary frame copies none.
void setScreenTextRecording(bool on);
void clearScreenTexts();
// A canvas's strings (framebuffer pixels) as shown at `origin` (screen) with `fbScale`
// framebuffer pixels per screen pixel.
void recordCanvasTexts(const std::vector<PlacedText>& texts, ImVec2 origin, float fbScale);
// A text batch's strings as shown at `origin` with `fbScale`, to stay inside `origin + size`.
void recordBatchTexts(const std::vector<gl::DrawnText>& drawn, ImVec2 origin, ImVec2 size,
                      float fbScale);
// ImDrawList::AddText that records the string, to stay inside the list's current clip rect.
void addRecordedText(ImDrawList* list, ImVec2 position, ImU32 color, const char* text);
const std::vector<ScreenText>& screenTexts();

}  // namespace genlab::plot
