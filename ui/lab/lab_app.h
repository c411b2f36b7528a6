#pragma once
// The lab window: a lesson picker, a transport bar, the lesson's views, a side panel with the
// model's controls, a timeline and a status bar. Owns the GLFW window, the ImGui context and
// the current lesson's training session.
//
// Call order: construct (opens the window; throws std::runtime_error with a readable message
// when no display or no GL 3.3 context can be had), then run() once.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/lesson/lesson.h"
#include "core/train/session.h"
#include "ui/lab/frame_stats.h"
#include "ui/lab/lab_options.h"
#include "ui/lab/lab_settings.h"
#include "ui/theme.h"
#include "ui/views/metrics_cache.h"
#include "ui/views/view.h"

struct GLFWwindow;

namespace genlab::lab {

class LabApp {
 public:
  explicit LabApp(LabOptions options);
  ~LabApp();
  LabApp(const LabApp&) = delete;
  LabApp& operator=(const LabApp&) = delete;

  // Runs until the window closes or a scripted run is done; returns the exit code.
  int run();

 private:
  // lab_window.cpp: platform and ImGui set-up.
  void createWindow();
  void initImGui();
  void rebuildFonts();
  void applyImGuiStyle();
  float contentScale() const;
  void saveScreenshot(const std::string& path);

  // lab_app.cpp: lessons and the frame.
  void loadLessons();
  void openLesson(std::size_t index);
  void frame();
  void handleShortcuts();
  void advanceScript();
  void rememberWindowGeometry();

  // lab_panels.cpp: what the person sees.
  void drawTopBar(float height);
  void drawSidePanel(float x, float y, float width, float height);
  void drawViews(float x, float y, float width, float height);
  void drawTimeline(float x, float y, float width, float height);
  void drawStatusBar(float y, float height);
  void drawHelpOverlay();
  void setSpeed(std::size_t index);

  LabOptions m_options;
  LabSettings m_settings;
  GLFWwindow* m_window = nullptr;
  bool m_imguiReady = false;
  bool m_deviceObjectsReady = false;  // the ImGui GL backend has built its objects
  bool m_present = false;
  bool m_fontsDirty = true;
  bool m_showHelp = false;
  float m_fontScale = 1.0f;
  int m_trainerThreads = 1;  // set once by the thread policy

  std::vector<lesson::Lesson> m_lessons;
  std::vector<std::string> m_lessonErrors;  // lesson files that failed to load
  std::size_t m_lessonIndex = 0;
  std::string m_openError;  // why the current lesson could not be opened

  std::unique_ptr<train::Session> m_session;
  std::unique_ptr<views::ModelUi> m_modelUi;
  views::MetricsCache m_metrics;
  train::SnapshotPtr m_viewSnapshot;  // what the views show (see frame())
  std::chrono::steady_clock::time_point m_viewSnapshotTime;
  std::vector<std::string> m_messages;  // most recent last
  std::size_t m_speedIndex = 0;
  std::optional<std::int64_t> m_scrubStep;  // set while looking at the past

  ui::Style m_canvasStyle;
  FrameStats m_frameStats;
  std::chrono::steady_clock::time_point m_lastFrameStart;
  std::chrono::steady_clock::time_point m_lastInput;  // last mouse, wheel or text input

  // Scripted runs.
  enum class ScriptPhase { kStepping, kDrawing, kDone };
  ScriptPhase m_scriptPhase = ScriptPhase::kStepping;
  int m_scriptFramesDrawn = 0;
  bool m_scriptStarted = false;
  int m_exitCode = 0;
};

}  // namespace genlab::lab
