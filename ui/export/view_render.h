#pragma once
// Draws one view of one run offscreen, at any size, through the lab's own drawing path: the
// view draws into an ImGui window (its canvases into their framebuffers, its text with the
// lab's fonts), and that window is rendered into a framebuffer of the requested size instead
// of the screen. Fonts are rasterised at the export's pixel size, so a 3840 x 2160 picture is
// as sharp as the lab on a 4K screen, not an enlarged screenshot.
//
// For the lab (the E key, the File menu's Export view...), the command line (`genlab export`)
// and tests. Needs a current GL 3.3 context (the lab's window, or gl::OffscreenContext). May
// be called in the middle of the lab's ImGui frame: it draws in an ImGui context of its own
// and restores the caller's context and framebuffer binding.

#include <memory>
#include <string>

#include "ui/gl/framebuffer.h"
#include "ui/views/view.h"

struct ImGuiContext;

namespace genlab::exporting {

struct RenderSettings {
  int width = 1600;  // pixels
  int height = 900;
  // Pixels per lab unit: type, strokes and paddings are this much larger than in the lab at
  // 1x. 0: autoScale(height).
  float scale = 0.0f;
  bool present = false;  // the lab's presentation style (larger type, high contrast)
  // One line of text above the picture (e.g. "Samples  ·  step 400"); empty for none.
  std::string caption;
};

// The scale at which a picture this tall looks like the lab's view of about 1280 x 720 units:
// height / 720, at least 1, in steps of 1/4 (900: 1.25; 2160: 3).
float autoScale(int height);

// Largest side the GL driver can render to (GL_MAX_TEXTURE_SIZE, capped by the viewport).
int maxRenderSide();

// What a view needs besides itself: as in views::ViewContext.
struct ViewInputs {
  train::Session& session;
  train::SnapshotPtr snapshot;
  const views::MetricsCache& metrics;
  const lesson::Lesson& lesson;
  bool past = false;  // the snapshot is not what the session holds now (edits are disabled)
};

// Keeps one ImGui context, with fonts at one size, for a series of pictures (a GIF's frames).
class ViewRenderer {
 public:
  explicit ViewRenderer(RenderSettings settings);
  ~ViewRenderer();
  ViewRenderer(const ViewRenderer&) = delete;
  ViewRenderer& operator=(const ViewRenderer&) = delete;

  // Draws `view` `frames` times (views that ask their run for pictures, such as decoded
  // samples, show them on a later frame) and returns the last picture. Between frames it
  // waits up to `settleMs` for the session to answer (0 in the lab, where a live session is
  // never idle and the view already has its pictures).
  gl::ImageRgba render(views::View& view, const ViewInputs& inputs, int frames = 3,
                       int settleMs = 0);

  void setCaption(std::string caption) { m_settings.caption = std::move(caption); }
  const RenderSettings& settings() const { return m_settings; }
  float scale() const { return m_scale; }

 private:
  void drawFrame(views::View& view, const ViewInputs& inputs);

  RenderSettings m_settings;
  float m_scale = 1.0f;
  ui::Style m_canvasStyle;
  ImGuiContext* m_context = nullptr;
  gl::Framebuffer m_target;
};

// One picture of `view` with a renderer made for it.
gl::ImageRgba renderView(views::View& view, const ViewInputs& inputs,
                         const RenderSettings& settings, int frames = 3, int settleMs = 0);

}  // namespace genlab::exporting
