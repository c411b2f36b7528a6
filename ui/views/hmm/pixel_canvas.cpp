#include "ui/views/hmm/pixel_canvas.h"

#include <imgui_internal.h>  // SetItemUsingMouseWheel (1.86 keeps it internal)

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "ui/plot/opaque_image.h"
#include "ui/plot/screen_texts.h"

namespace genlab::views::hmmui {

void PixelCanvas::clear() {
  m_shapes.clear();
  m_text.clear();
  m_overlay.clear();
}

void PixelCanvas::render(const ui::Color& background) {
  GLint prevFbo = 0, prevViewport[4] = {0, 0, 0, 0};
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &prevFbo);
  glGetIntegerv(GL_VIEWPORT, prevViewport);
  const GLboolean prevBlend = glIsEnabled(GL_BLEND);
  const GLboolean prevScissor = glIsEnabled(GL_SCISSOR_TEST);

  m_fb.bind();
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(background.r, background.g, background.b, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glEnable(GL_BLEND);
  // As PlotCanvas: straight alpha for colour, destination alpha stays 1 (ImGui shows it opaque).
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  const float w = static_cast<float>(m_fb.width()), h = static_cast<float>(m_fb.height());
  const std::array<float, 4> pixelToNdc{2.0f / w, -2.0f / h, -1.0f, 1.0f};
  m_shapes.draw(pixelToNdc);
  m_text.draw(m_fb.width(), m_fb.height());
  m_overlay.draw(pixelToNdc);

  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(prevFbo));
  glViewport(prevViewport[0], prevViewport[1], prevViewport[2], prevViewport[3]);
  if (!prevBlend) glDisable(GL_BLEND);
  if (prevScissor) glEnable(GL_SCISSOR_TEST);
}

PixelFrame placePixelCanvas(const char* id, PixelCanvas& canvas, ImVec2 size,
                            const ui::Style& style) {
  ImGuiIO& io = ImGui::GetIO();
  PixelFrame frame;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  frame.logical = ImVec2(size.x > 0 ? size.x : std::max(avail.x, 32.0f),
                         size.y > 0 ? size.y : std::max(avail.y, 32.0f));
  frame.fbScale = std::max(io.DisplayFramebufferScale.x, 1.0f);
  frame.style = frame.fbScale == 1.0f ? style : style.scaled(frame.fbScale);
  canvas.resize(static_cast<int>(std::lround(frame.logical.x * frame.fbScale)),
                static_cast<int>(std::lround(frame.logical.y * frame.fbScale)));
  frame.origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, frame.logical, ImGuiButtonFlags_MouseButtonLeft);
  ImGui::SetItemUsingMouseWheel();
  PixelInput& in = frame.input;
  in.hovered = ImGui::IsItemHovered();
  in.active = ImGui::IsItemActive();
  in.mouse = {(io.MousePos.x - frame.origin.x) * frame.fbScale,
              (io.MousePos.y - frame.origin.y) * frame.fbScale};
  in.delta = {io.MouseDelta.x * frame.fbScale, io.MouseDelta.y * frame.fbScale};
  if (!std::isfinite(in.delta.x) || !std::isfinite(in.delta.y)) in.delta = {};
  in.leftDown = in.active && io.MouseDown[ImGuiMouseButton_Left];
  in.leftPressed = in.hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left);
  in.leftReleased = ImGui::IsItemDeactivated();
  in.doubleClicked = in.hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
  in.wheel = in.hovered ? io.MouseWheel : 0.0;
  in.shift = io.KeyShift;
  return frame;
}

void showPixelCanvas(const PixelFrame& frame, const PixelCanvas& canvas) {
  // The framebuffer's first row is the bottom of the picture: flip v.
  const auto texture = static_cast<std::uintptr_t>(canvas.framebuffer().texture().id());
  plot::addOpaqueImage(ImGui::GetWindowDrawList(), reinterpret_cast<ImTextureID>(texture),
                       frame.origin,
                       ImVec2(frame.origin.x + frame.logical.x, frame.origin.y + frame.logical.y),
                       ImVec2(0, 1), ImVec2(1, 0));
  plot::recordBatchTexts(canvas.text().drawn(), frame.origin, frame.logical, frame.fbScale);
}

ui::Color textOn(const ui::Color& fill, const ui::Palette& palette) {
  const float luminance = 0.2126f * fill.r + 0.7152f * fill.g + 0.0722f * fill.b;
  return luminance < 0.45f ? ui::Color{1, 1, 1, 1} : palette.foreground;
}

}  // namespace genlab::views::hmmui
