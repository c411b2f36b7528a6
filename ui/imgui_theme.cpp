#include "ui/imgui_theme.h"

#include <imgui.h>

#include <filesystem>

namespace genlab::ui {
namespace {

constexpr const char* kRegularFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* kBoldFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

// Latin-1, Greek (sigma, beta, pi in labels), arrows, maths operators, geometric shapes and
// dingbats (the transport symbols); all present in DejaVu Sans.
const ImWchar* glyphRanges() {
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2010, 0x205E, 0x2190, 0x21FF,
                                   0x2200, 0x22FF, 0x25A0, 0x25FF, 0x2700, 0x27BF, 0};
  return ranges;
}

}  // namespace

std::string loadImGuiFonts(ImGuiIO& io, float px, float fallbackScale) {
  io.Fonts->Clear();
  ImFontConfig config;
  config.OversampleH = 2;
  ImFont* regular = nullptr;
  if (std::filesystem::exists(kRegularFont)) {
    regular = io.Fonts->AddFontFromFileTTF(kRegularFont, px, &config, glyphRanges());
    if (std::filesystem::exists(kBoldFont)) {
      io.Fonts->AddFontFromFileTTF(kBoldFont, px * 1.15f, &config, glyphRanges());
    }
  }
  if (regular) return {};
  // fonts-dejavu-core missing: ImGui's built-in font still works, just small and blocky.
  ImFontConfig fallback;
  fallback.SizePixels = 13.0f * fallbackScale;
  io.Fonts->AddFontDefault(&fallback);
  return std::string(kRegularFont) + " not found: install fonts-dejavu-core";
}

void applyImGuiStyle(bool present, float sizeScale) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0.0f;
  style.FrameRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.WindowBorderSize = 1.0f;
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 6);
  style.WindowPadding = ImVec2(10, 8);
  ImVec4* colors = style.Colors;
  colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.97f, 1.0f);
  colors[ImGuiCol_Text] = ImVec4(0.08f, 0.08f, 0.08f, 1.0f);
  if (present) {
    // High contrast for projectors: white panels, black text, thicker frames.
    colors[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
    colors[ImGuiCol_Text] = ImVec4(0, 0, 0, 1);
    colors[ImGuiCol_Border] = ImVec4(0, 0, 0, 0.6f);
    style.FrameBorderSize = 2.0f;
    style.WindowBorderSize = 2.0f;
  }
  style.ScaleAllSizes(sizeScale);
}

}  // namespace genlab::ui
