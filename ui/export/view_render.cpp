#include "ui/export/view_render.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "ui/gl/gl.h"
#include "ui/imgui_theme.h"
#include "ui/plot/plot_widget.h"

namespace genlab::exporting {
namespace {

// Puts the caller's framebuffer binding and viewport back at the end of a scope (the lab may
// be in the middle of its frame; Framebuffer::resize and the ImGui backend bind their own).
class GlTargetGuard {
 public:
  GlTargetGuard() {
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &m_framebuffer);
    glGetIntegerv(GL_VIEWPORT, m_viewport);
  }
  ~GlTargetGuard() {
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(m_framebuffer));
    glViewport(m_viewport[0], m_viewport[1], m_viewport[2], m_viewport[3]);
  }
  GlTargetGuard(const GlTargetGuard&) = delete;
  GlTargetGuard& operator=(const GlTargetGuard&) = delete;

 private:
  GLint m_framebuffer = 0;
  GLint m_viewport[4] = {0, 0, 0, 0};
};

// Makes `context` current for the lifetime of the object, then puts the caller's ImGui context
// and GL target back.
class ContextSwitch {
 public:
  explicit ContextSwitch(ImGuiContext* context) : m_previous(ImGui::GetCurrentContext()) {
    ImGui::SetCurrentContext(context);
  }
  ~ContextSwitch() { ImGui::SetCurrentContext(m_previous); }
  ContextSwitch(const ContextSwitch&) = delete;
  ContextSwitch& operator=(const ContextSwitch&) = delete;

 private:
  const GlTargetGuard m_target;
  ImGuiContext* m_previous;
};

}  // namespace

float autoScale(int height) {
  const float exact = static_cast<float>(height) / 720.0f;
  return std::max(1.0f, std::round(exact * 4.0f) / 4.0f);
}

int maxRenderSide() {
  GLint texture = 0;
  GLint viewport[2] = {0, 0};
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &texture);
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
  return std::min(
      {static_cast<int>(texture), static_cast<int>(viewport[0]), static_cast<int>(viewport[1])});
}

ViewRenderer::ViewRenderer(RenderSettings settings) : m_settings(std::move(settings)) {
  const int limit = maxRenderSide();
  if (m_settings.width < 1 || m_settings.height < 1 || m_settings.width > limit ||
      m_settings.height > limit) {
    throw std::invalid_argument("export size " + std::to_string(m_settings.width) + "x" +
                                std::to_string(m_settings.height) +
                                " is outside what this GL driver renders (1 to " +
                                std::to_string(limit) + " pixels a side)");
  }
  m_scale = m_settings.scale > 0.0f ? m_settings.scale : autoScale(m_settings.height);
  m_canvasStyle =
      (m_settings.present ? ui::Style::presentation() : ui::Style::normal()).scaled(m_scale);
  ImGuiContext* previous = ImGui::GetCurrentContext();
  m_context = ImGui::CreateContext();  // with its own font atlas; current if there was none
  ImGui::SetCurrentContext(previous);
  const ContextSwitch guard(m_context);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  const float px = (m_settings.present ? ui::kPresentFontPx : ui::kNormalFontPx) * m_scale;
  (void)ui::loadImGuiFonts(io, px, m_scale);  // a missing font is reported by the lab itself
  ui::applyImGuiStyle(m_settings.present, m_scale * (m_settings.present ? 1.5f : 1.0f));
  ImGui_ImplOpenGL3_Init("#version 330 core");
  m_target.resize(m_settings.width, m_settings.height);
}

ViewRenderer::~ViewRenderer() {
  {
    const ContextSwitch guard(m_context);
    ImGui_ImplOpenGL3_Shutdown();
  }
  // DestroyContext leaves the current context alone unless it is the one destroyed.
  ImGui::DestroyContext(m_context);
}

void ViewRenderer::drawFrame(views::View& view, const ViewInputs& inputs) {
  ImGui_ImplOpenGL3_NewFrame();
  plot::beginCanvasFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize =
      ImVec2(static_cast<float>(m_settings.width), static_cast<float>(m_settings.height));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  io.DeltaTime = 1.0f / 30.0f;
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // nothing hovered: no tooltips in the picture
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6.0f * m_scale, 3.0f * m_scale));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::Begin("##export", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PopStyleVar(2);
  if (!m_settings.caption.empty()) ImGui::TextUnformatted(m_settings.caption.c_str());
  views::ViewContext context{inputs.session, inputs.snapshot, inputs.past,
                             inputs.metrics, m_canvasStyle,   inputs.lesson};
  view.draw(context, ImGui::GetContentRegionAvail());
  ImGui::End();
  ImGui::Render();
}

gl::ImageRgba ViewRenderer::render(views::View& view, const ViewInputs& inputs, int frames,
                                   int settleMs) {
  const ContextSwitch guard(m_context);
  for (int i = 0; i < std::max(frames, 1); ++i) {
    if (i > 0 && settleMs > 0)
      (void)inputs.session.waitUntilIdle(std::chrono::milliseconds(settleMs));
    drawFrame(view, inputs);
  }
  m_target.bind();
  const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(background.x, background.y, background.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  gl::ImageRgba image = m_target.readPixels();
  // The window background is opaque, but ImGui's blending leaves alpha below 1 where text is
  // drawn; a picture for slides is opaque everywhere.
  for (std::size_t i = 3; i < image.pixels.size(); i += 4) image.pixels[i] = 255;
  return image;
}

gl::ImageRgba renderView(views::View& view, const ViewInputs& inputs,
                         const RenderSettings& settings, int frames, int settleMs) {
  ViewRenderer renderer(settings);
  return renderer.render(view, inputs, frames, settleMs);
}

}  // namespace genlab::exporting
