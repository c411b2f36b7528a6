#include "ui/plot/screen_texts.h"

namespace genlab::plot {
namespace {

std::vector<ScreenText> g_texts;
bool g_recording = false;

gl::PixelBox toScreen(const gl::PixelBox& b, ImVec2 origin, float fbScale) {
  return {origin.x + b.x0 / fbScale, origin.y + b.y0 / fbScale, origin.x + b.x1 / fbScale,
          origin.y + b.y1 / fbScale};
}

}  // namespace

void setScreenTextRecording(bool on) {
  g_recording = on;
}

void clearScreenTexts() {
  g_texts.clear();
}

void recordCanvasTexts(const std::vector<PlacedText>& texts, ImVec2 origin, float fbScale) {
  if (!g_recording) return;
  for (const PlacedText& t : texts)
    g_texts.push_back(
        {t.text, toScreen(t.box, origin, fbScale), toScreen(t.clip, origin, fbScale)});
}

void recordBatchTexts(const std::vector<gl::DrawnText>& drawn, ImVec2 origin, ImVec2 size,
                      float fbScale) {
  if (!g_recording) return;
  const gl::PixelBox clip{origin.x, origin.y, origin.x + size.x, origin.y + size.y};
  for (const gl::DrawnText& t : drawn)
    g_texts.push_back({t.text, toScreen(t.box, origin, fbScale), clip});
}

void addRecordedText(ImDrawList* list, ImVec2 position, ImU32 color, const char* text) {
  list->AddText(position, color, text);
  if (!g_recording) return;
  const ImVec2 size = ImGui::CalcTextSize(text);
  const ImVec2 clipMin = list->GetClipRectMin();
  const ImVec2 clipMax = list->GetClipRectMax();
  g_texts.push_back({text,
                     {position.x, position.y, position.x + size.x, position.y + size.y},
                     {clipMin.x, clipMin.y, clipMax.x, clipMax.y}});
}

const std::vector<ScreenText>& screenTexts() {
  return g_texts;
}

}  // namespace genlab::plot
