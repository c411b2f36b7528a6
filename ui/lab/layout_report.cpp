#include "ui/lab/layout_report.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiWindow: the cursor's furthest reach and the inner rect

#include "ui/plot/screen_texts.h"

namespace genlab::lab {
namespace {

nlohmann::json box(float x0, float y0, float x1, float y1) {
  return {x0, y0, x1, y1};
}

nlohmann::json box(const gl::PixelBox& b) {
  return box(b.x0, b.y0, b.x1, b.y1);
}

}  // namespace

nlohmann::json currentWindowExtent() {
  const ImGuiWindow* window = ImGui::GetCurrentWindow();
  const ImRect& inner = window->InnerRect;
  return {{"inner", box(inner.Min.x, inner.Min.y, inner.Max.x, inner.Max.y)},
          {"content", box(window->DC.CursorStartPos.x, window->DC.CursorStartPos.y,
                          window->DC.CursorMaxPos.x, window->DC.CursorMaxPos.y)}};
}

nlohmann::json screenTextsFrom(std::size_t first) {
  nlohmann::json texts = nlohmann::json::array();
  const auto& all = plot::screenTexts();
  for (std::size_t i = first; i < all.size(); ++i)
    texts.push_back({{"text", all[i].text}, {"rect", box(all[i].box)}, {"clip", box(all[i].clip)}});
  return texts;
}

std::size_t screenTextCount() {
  return plot::screenTexts().size();
}

nlohmann::json ViewReport::finish(nlohmann::json entry) const {
  entry.update(currentWindowExtent());
  entry["labels"] = screenTextsFrom(m_firstText);
  return entry;
}

nlohmann::json panelEntry(const std::string& name, bool scrollsVertically) {
  const ImVec2 pos = ImGui::GetWindowPos();
  const ImVec2 size = ImGui::GetWindowSize();
  nlohmann::json entry = {
      {"panel", name}, {"rect", {pos.x, pos.y, size.x, size.y}}, {"scrolls", scrollsVertically}};
  entry.update(currentWindowExtent());
  return entry;
}

}  // namespace genlab::lab
