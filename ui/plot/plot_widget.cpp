#include "ui/plot/plot_widget.h"

#include <imgui.h>
#include <imgui_internal.h>  // SetItemUsingMouseWheel (1.86 keeps it internal)

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <unordered_map>

#include "ui/plot/opaque_image.h"
#include "ui/plot/screen_texts.h"

namespace genlab::plot {
namespace {

// Frame-wide render budget (see setCanvasRenderBudget). Only the UI thread touches these.
int g_budgetPerFrame = std::numeric_limits<int>::max();
int g_budgetLeft = std::numeric_limits<int>::max();
int g_frame = 0;
std::unordered_map<const PlotCanvas*, int> g_lastRender;  // frame each canvas last rendered
constexpr int kMaxFramesStale = 3;

// Renders `canvas` if it needs it and the frame still has budget, or if it has waited
// kMaxFramesStale frames already (so no canvas starves behind one that changes every frame).
void renderWithinBudget(PlotCanvas& canvas, const ui::Style& style) {
  if (!canvas.needsRedraw(style)) return;
  const auto last = g_lastRender.find(&canvas);
  const bool starving = last != g_lastRender.end() && g_frame - last->second >= kMaxFramesStale;
  if (g_budgetLeft <= 0 && !starving && last != g_lastRender.end()) return;
  canvas.render(style);
  g_lastRender[&canvas] = g_frame;
  --g_budgetLeft;
}

}  // namespace

void setCanvasRenderBudget(int perFrame) {
  g_budgetPerFrame = std::max(perFrame, 1);
}

void beginCanvasFrame() {
  ++g_frame;
  g_budgetLeft = g_budgetPerFrame;
  clearScreenTexts();
}

CanvasEvents showCanvas(const char* id, PlotCanvas& canvas, const ImVec2& size,
                        const ui::Style& style, const CanvasWidgetOptions& options) {
  ImGuiIO& io = ImGui::GetIO();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 logical(size.x > 0 ? size.x : std::max(avail.x, 32.0f),
                       size.y > 0 ? size.y : std::max(avail.y, 32.0f));
  // HiDPI: render at physical resolution; sizes in the style grow with it.
  const float fbScale = std::max(io.DisplayFramebufferScale.x, 1.0f);
  const ui::Style physical = fbScale == 1.0f ? style : style.scaled(fbScale);
  canvas.resize(static_cast<int>(std::lround(logical.x * fbScale)),
                static_cast<int>(std::lround(logical.y * fbScale)));

  // An invisible button owns the rect so dragging here does not move the window, and the
  // wheel zooms instead of scrolling it.
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, logical,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                             ImGuiButtonFlags_MouseButtonMiddle);
  ImGui::SetItemUsingMouseWheel();
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();  // keeps a drag alive outside the rect

  CanvasInput in;
  in.mouse = {(io.MousePos.x - origin.x) * fbScale, (io.MousePos.y - origin.y) * fbScale};
  in.hovered = hovered;
  in.leftDown = (hovered || active) && io.MouseDown[ImGuiMouseButton_Left];
  in.rightDown = (hovered || active) && io.MouseDown[ImGuiMouseButton_Right];
  in.middleDown = (hovered || active) && io.MouseDown[ImGuiMouseButton_Middle];
  in.doubleClicked = hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
  in.wheel = hovered ? io.MouseWheel : 0.0;
  in.shift = io.KeyShift;
  in.ctrl = io.KeyCtrl;
  in.alt = io.KeyAlt;
  const CanvasEvents events = canvas.handleInput(in);

  renderWithinBudget(canvas, physical);
  // The framebuffer's first row is the bottom of the picture: flip v.
  const auto texture = static_cast<std::uintptr_t>(canvas.framebuffer().texture().id());
  addOpaqueImage(ImGui::GetWindowDrawList(), reinterpret_cast<ImTextureID>(texture), origin,
                 ImVec2(origin.x + logical.x, origin.y + logical.y), ImVec2(0, 1), ImVec2(1, 0));
  recordCanvasTexts(canvas.texts(), origin, fbScale);

  if (options.showTooltip && events.hovered && !active) {
    ImGui::BeginTooltip();
    ImGui::Text("x = %s   y = %s", formatValue(events.mouseData.x).c_str(),
                formatValue(events.mouseData.y).c_str());
    if (options.hoverText) {
      const std::string extra = options.hoverText(events.mouseData);
      if (!extra.empty()) ImGui::TextUnformatted(extra.c_str());
    }
    ImGui::EndTooltip();
  }
  return events;
}

}  // namespace genlab::plot
