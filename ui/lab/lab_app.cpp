#include "ui/lab/lab_app.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cfloat>
#include <fstream>
#include <iostream>
#include <thread>

#include "core/models/registry.h"
#include "core/platform/threading.h"
#include "ui/desktop/qt_desktop.h"
#include "ui/gl/gl.h"
#include "ui/gl/shared_resources.h"
#include "ui/lab/transport.h"
#include "ui/plot/plot_widget.h"
#include "ui/plot/screen_texts.h"

namespace genlab::lab {
namespace {

using Clock = std::chrono::steady_clock;
// Frame pacing. While someone drags, hovers or scrolls, frames come at up to 60 a second so the
// view follows the hand. While training runs untouched, the views receive at most 30 snapshots
// a second, so frames beyond that show nothing new and only take CPU from the trainer: on the
// 2-core machine, rendering the VAE lesson at 60 frames a second slowed its training by a third.
constexpr auto kInteractiveFramePeriod = std::chrono::microseconds(16667);
constexpr auto kWatchingFramePeriod = std::chrono::microseconds(30000);  // 33 a second
// How long after the last input the lab keeps the interactive rate.
constexpr auto kInteractionLinger = std::chrono::milliseconds(500);
constexpr std::size_t kMaxMessages = 8;
constexpr auto kViewRefreshPeriod = std::chrono::milliseconds(33);

double millisecondsBetween(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

}  // namespace

LabApp::LabApp(LabOptions options) : m_options(std::move(options)) {
  m_compare.overlay = m_options.overlay;
  m_sidePanelHidden = m_options.hideSidePanel;
  m_compare.swipe = m_options.swipe;
  m_compare.difference = m_options.difference;
  plot::setScreenTextRecording(!m_options.reportLayout.empty());  // only a report reads them
  if (!m_options.scripted()) m_settings = LabSettings::load(LabSettings::defaultFile());
  m_present = m_options.present || (!m_options.scripted() && m_settings.present);
  if (!m_options.memoryBudget.empty()) {
    m_memoryBudget.total = train::parseByteSize(m_options.memoryBudget, "--memory-budget");
  } else if (!m_settings.memoryBudget.empty()) {
    try {
      m_memoryBudget.total = train::parseByteSize(m_settings.memoryBudget, "memory_budget");
    } catch (const std::exception& error) {
      m_messages.push_back(LabSettings::defaultFile().string() + ": " + error.what() + "; using " +
                           train::formatBytes(m_memoryBudget.total));
    }
  }
  m_settings.memoryBudget =
      m_options.memoryBudget.empty() ? m_settings.memoryBudget : m_options.memoryBudget;
  shareMemoryBudget();
  m_trainerThreads = platform::applyThreadPolicy(platform::ThreadMode::kInteractive).intraOpThreads;
  createWindow();
  initImGui();
  plot::setCanvasRenderBudget(1);
  loadLessons();
  if (m_options.showRunsBrowser) m_browser.open(runsDirectory());
}

LabApp::~LabApp() {
  // Stop the trainers (finishing their run folders) and release the views' GL objects while
  // the context exists.
  m_runs.clear();
  if (m_window) gl::releaseSharedResources();
  desktop::shutdown();  // Qt's windows before the display connection GLFW shares
  if (m_imguiReady) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  if (m_window) glfwDestroyWindow(m_window);
  glfwTerminate();
}

void LabApp::loadLessons() {
  m_lessons = lesson::loadLessonDirectory(lesson::assetsDirectory() / "lessons", m_lessonErrors);
  for (const auto& error : m_lessonErrors) std::cerr << "genlab: " << error << '\n';
  if (!m_options.sweepFolder.empty()) {
    openSweep(m_options.sweepFolder);
    if (!m_showSweep && m_options.scripted()) m_exitCode = 2;
    return;
  }
  if (!m_options.openRuns.empty() || !m_options.resumeRun.empty()) {
    std::vector<std::filesystem::path> folders(m_options.openRuns.begin(),
                                               m_options.openRuns.end());
    if (!m_options.resumeRun.empty()) folders.insert(folders.begin(), m_options.resumeRun);
    openRecordedRuns(folders);
    if (!m_options.resumeRun.empty() && !m_runs.empty()) {
      resumeRun(0);
      if (!m_runs.front()->isLive() && m_options.scripted()) m_exitCode = 2;
    }
    m_scrubStep = m_options.cursor;
    return;
  }

  std::optional<std::size_t> chosen;
  std::string wanted = m_options.lessonFile;
  if (wanted.empty() && !m_options.scripted()) wanted = m_settings.lastLesson;
  if (!m_options.lessonFile.empty()) {
    // A lesson given on the command line may live outside assets/; load it directly so its own
    // errors are reported rather than "not found".
    const std::filesystem::path path(m_options.lessonFile);
    for (std::size_t i = 0; i < m_lessons.size(); ++i) {
      std::error_code ec;
      if (std::filesystem::equivalent(m_lessons[i].file, path, ec)) chosen = i;
    }
    if (!chosen) {
      try {
        m_lessons.push_back(lesson::loadLesson(path));
        chosen = m_lessons.size() - 1;
      } catch (const std::exception& error) {
        m_openError = error.what();
        std::cerr << "genlab: " << error.what() << '\n';
        m_exitCode = 2;
      }
    }
  } else if (!wanted.empty()) {
    for (std::size_t i = 0; i < m_lessons.size(); ++i) {
      if (m_lessons[i].file.string() == wanted) chosen = i;
    }
  }
  if (m_lessons.empty()) {
    if (m_openError.empty())
      m_openError = "no lessons found in " + (lesson::assetsDirectory() / "lessons").string();
    return;
  }
  if (!m_openError.empty()) return;  // keep the window up to show why, but open nothing
  const std::size_t first = chosen.value_or(0);
  try {
    m_firstLessonSettingsAsRead = m_lessons[first].settings;
    m_overriddenLesson = m_lessons[first].file.string();
    lesson::applyOverrides(m_lessons[first], m_options.overrides);
    lesson::applyDisplayOverrides(m_lessons[first], m_options.display);
  } catch (const std::exception& error) {
    m_openError = error.what();
    m_exitCode = 2;
    return;
  }
  openLesson(first);
  if (!m_options.soakReport.empty()) startSoak();
  if (!m_options.compareWith.empty() && !m_runs.empty()) {
    const auto equals = m_options.compareWith.find('=');
    if (equals == std::string::npos || equals == 0) {
      m_openError = "--compare-with " + m_options.compareWith + ": expected key=value";
      m_exitCode = 2;
      return;
    }
    const std::string text = m_options.compareWith.substr(equals + 1);
    nlohmann::json value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) value = text;
    duplicateWithChange(m_options.compareWith.substr(0, equals), value);
  }
}

void LabApp::openLesson(std::size_t index) {
  if (index >= m_lessons.size()) return;
  const lesson::Lesson& chosen = m_lessons[index];
  // Stop the old trainers first: a new session may be expensive to build.
  m_runs.clear();
  m_showSweep = false;
  m_scrubStep.reset();
  m_replaying = false;
  m_mainView = 0;
  m_lessonIndex = index;
  m_openError.clear();
  try {
    const std::uint64_t seed = m_options.seed.value_or(chosen.seed);
    const bool overridden = chosen.file.string() == m_overriddenLesson;
    lesson::Lesson original = chosen;
    if (overridden) original.settings = m_firstLessonSettingsAsRead;
    m_runs.push_back(OpenRun::live(
        original, chosen,
        liveOptions(seed, overridden ? m_options.overrides : std::vector<std::string>{})));
    m_runs.back()->retireSessionTo(&m_reaper);
    m_focus = 0;
  } catch (const std::exception& error) {
    m_runs.clear();
    m_openError = error.what();
    std::cerr << "genlab: " << error.what() << '\n';
    if (m_options.scripted()) m_exitCode = 2;
    return;
  }
  setSpeed(nearestSpeed(chosen.speed));
  m_settings.lastLesson = chosen.file.string();
  // A lesson that is a comparison opens as one ("beta = 1 against beta = 4"), unless the
  // command line asks for another.
  if (m_options.compareWith.empty() && !chosen.compareWith.empty())
    duplicateWithChanges(chosen.compareWith);
}

void LabApp::setSpeed(std::size_t index) {
  m_speedIndex = std::min(index, kSpeeds.size() - 1);
  forEachLiveSession([this](train::Session& s) { s.setStepRateLimit(kSpeeds[m_speedIndex]); });
}

int LabApp::run() {
  m_lastFrameStart = Clock::now();
  while (!glfwWindowShouldClose(m_window)) {
    bool busy = m_replaying;
    for (const auto& run : m_runs) busy = busy || !run->session().idle() || run->loading();
    const bool animating =
        m_options.scripted() || busy || ImGui::IsAnyMouseDown() || m_frameStats.count() < 3;
    if (animating) {
      glfwPollEvents();
    } else {
      // Nothing moves: sleep until input, but wake a few times a second for status updates.
      glfwWaitEventsTimeout(0.25);
    }
    const auto frameStart = Clock::now();
    const double interval = millisecondsBetween(m_lastFrameStart, frameStart);
    m_lastFrameStart = frameStart;

    if (m_fontsDirty || contentScale() != m_fontScale || presentScale() != m_presentScale)
      rebuildFonts();
    frame();
    if (m_soakExportPending) exportSoakWindow();  // the frame is drawn, not yet swapped

    if (m_scriptPhase == ScriptPhase::kDone && m_options.scripted()) {
      if (!m_options.reportLayout.empty()) writeLayoutReport();
      if (!m_options.screenshot.empty()) {
        try {
          saveScreenshot(m_options.screenshot);
        } catch (const std::exception& error) {
          std::cerr << "genlab: " << error.what() << '\n';
          m_exitCode = 1;
        }
      }
      glfwSwapBuffers(m_window);
      break;
    }
    glfwSwapBuffers(m_window);
    runPendingDialog();        // a file dialog asked for in this frame, now that it is shown
    desktop::processEvents();  // others pasting what Ctrl+C copied
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f || io.MouseWheel != 0.0f ||
        io.MouseWheelH != 0.0f || ImGui::IsAnyMouseDown() || !io.InputQueueCharacters.empty()) {
      m_lastInput = frameStart;
    }
    // The soak's settling (every run ended and the heap trimmed before a figure) is not drawing.
    const auto frameEnd = Clock::now() - m_soakMeasuring;
    m_soakMeasuring = {};
    if (m_soakEventFrame) {
      // A soak frame that opened a lesson or a twin is timed apart: what a person waits for
      // after a click, not the steady drawing the frame-time goal is about.
      m_soakSwitchStats.record(millisecondsBetween(frameStart, frameEnd), interval);
      m_soakEventFrame = false;
    } else if (!m_options.scripted() || m_scriptPhase == ScriptPhase::kDrawing) {
      m_frameStats.record(millisecondsBetween(frameStart, frameEnd), interval);
      if (m_soak && !m_soakLesson.empty())
        m_soakLessonFrames[m_soakLesson].record(millisecondsBetween(frameStart, frameEnd),
                                                interval);
    }
    // Under Xvfb and some drivers swap does not wait for vertical sync; cap the rate so the UI
    // does not take a core from the trainer. Scripted runs are capped too: they stand in for a
    // person watching, and their measurements of training speed must be the same.
    const bool interacting = frameStart - m_lastInput < kInteractionLinger;
    const auto next = frameStart + (interacting ? kInteractiveFramePeriod : kWatchingFramePeriod);
    if (Clock::now() < next) std::this_thread::sleep_until(next);
  }

  if (!m_options.reportFrames.empty()) {
    std::ofstream out(m_options.reportFrames);
    nlohmann::json report = m_frameStats.report();
    // What the frames were drawn against: training steps taken and timeline snapshots kept.
    if (!m_runs.empty()) {
      const auto timeline = m_runs.front()->session().timeline();
      report["steps"] = m_runs.front()->session().stepsDone();
      report["timeline_snapshots"] = timeline ? timeline->snapshots.size() : 0;
    }
    out << report.dump(2) << '\n';
    if (!out) {
      std::cerr << "genlab: " << m_options.reportFrames << ": cannot write the frame report\n";
      m_exitCode = 1;
    }
  }
  if (!m_options.scripted()) {
    rememberWindowGeometry();
    m_settings.save(LabSettings::defaultFile());
  }
  return m_exitCode;
}

void LabApp::rememberWindowGeometry() {
  glfwGetWindowPos(m_window, &m_settings.windowX, &m_settings.windowY);
  glfwGetWindowSize(m_window, &m_settings.windowWidth, &m_settings.windowHeight);
  m_settings.present = m_present;
}

void LabApp::shareMemoryBudget() {
  const std::size_t runs = std::max<std::size_t>(m_runs.size(), 1);
  m_timelineShare->store(m_memoryBudget.timeline() / runs, std::memory_order_relaxed);
  // Half of the metrics part for the lab's copies here; the other half is the rings' (fixed
  // when each session starts, see liveOptions).
  for (auto& run : m_runs)
    run->setMemoryShares(m_memoryBudget.metrics() / 2 / runs, m_memoryBudget.openRuns() / runs);
}

void LabApp::frame() {
  ImGui_ImplOpenGL3_NewFrame();
  m_deviceObjectsReady = true;
  plot::beginCanvasFrame();
  ImGui_ImplGlfw_NewFrame();
  // Scripted runs take screenshots: keep Xvfb's pointer (parked mid-screen) from hovering.
  if (m_options.scripted()) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  // A view copied or exported is drawn as on a slide: no tooltip or hover mark from the
  // pointer (the capture remembers where the pointer was, to know which view).
  if (!m_captures.empty()) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  for (auto& capture : m_captures) capture.due = true;
  ImGui::NewFrame();

  shareMemoryBudget();
  for (auto& run : m_runs) {
    run->poll();
    for (auto& message : run->takeMessages()) m_messages.push_back(std::move(message));
  }
  if (m_messages.size() > kMaxMessages) {
    m_messages.erase(
        m_messages.begin(),
        m_messages.begin() + static_cast<std::ptrdiff_t>(m_messages.size() - kMaxMessages));
  }
  advanceReplay();
  if (m_soak)
    advanceSoak();
  else if (m_options.scripted())
    advanceScript();  // reads the last frame's layout (--every-view)
  m_layout = nlohmann::json::array();
  m_panels = nlohmann::json::array();
  handleShortcuts();
  for (const auto& drop : m_keys.takeDrops())
    openPaths(std::vector<std::filesystem::path>(drop.begin(), drop.end()));

  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float line = ImGui::GetFrameHeightWithSpacing();
  const float topHeight = line + ImGui::GetStyle().WindowPadding.y * 2.0f;
  const float statusHeight = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2.0f;
  const float timelineHeight = m_showSweep ? 0.0f : statusHeight;  // a sweep has no one timeline
  // Presentation type is ~1.75x larger: the side panel widens with it so controls stay whole.
  const float sideMinimum = 260.0f * m_fontScale * (m_present ? 1.6f * m_presentScale : 1.0f);
  // F6 hides the side panel: the pictures get the whole width (compare mode on a projector).
  const float sideWidth =
      m_sidePanelHidden ? 0.0f : std::max(sideMinimum, display.x * m_settings.sidePanelFraction);
  const float bodyHeight = display.y - topHeight - statusHeight - timelineHeight;

  drawTopBar(topHeight);
  if (!m_sidePanelHidden) drawSidePanel(0.0f, topHeight, sideWidth, bodyHeight + timelineHeight);
  // A training failure's banner sits above the views (none in the sweep view: no live runs).
  const float banner =
      m_showSweep ? 0.0f : drawFailureBanner(sideWidth, topHeight, display.x - sideWidth);
  drawViews(sideWidth, topHeight + banner, display.x - sideWidth, bodyHeight - banner);
  if (!m_showSweep)
    drawTimeline(sideWidth, topHeight + bodyHeight, display.x - sideWidth, timelineHeight);
  drawStatusBar(display.y - statusHeight, statusHeight);
  if (m_showHelp) drawHelpOverlay();
  m_export.draw(m_runs, m_messages);
  drawPathPrompt();
  if (auto chosen = m_browser.draw(m_fontScale); !chosen.empty()) openRecordedRuns(chosen);
  if (auto sweep = m_browser.takeSweep()) openSweep(*sweep);
  updateWindowTitle();
  m_tabKey.reset();  // a number with no tab this frame does nothing later

  ImGui::Render();
  int width = 0;
  int height = 0;
  glfwGetFramebufferSize(m_window, &width, &height);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, width, height);
  // The panels draw no background (kPanelFlags): the clear is theirs.
  const ImVec4 panelBackground = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(panelBackground.x, panelBackground.y, panelBackground.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  finishCaptures();
}

// Each queued press acts once (shortcut_keys.h states the rule); while a text field is being
// edited the keys are the field's, and the presses are dropped.
void LabApp::handleShortcuts() {
  const bool typing = ImGui::GetIO().WantTextInput;
  for (const KeyPress& press : m_keys.take()) {
    if (!typing) handleShortcut(press);
  }
}

void LabApp::handleShortcut(const KeyPress& press) {
  const bool ctrl = (press.mods & GLFW_MOD_CONTROL) != 0;
  switch (press.key) {  // keys that repeat while held
    case GLFW_KEY_RIGHT:
      stepAll();
      return;
    case GLFW_KEY_MINUS:
    case GLFW_KEY_KP_SUBTRACT:
    case GLFW_KEY_LEFT_BRACKET:
      if (m_speedIndex > 0 && m_speedIndex + 1 < kSpeeds.size())
        setSpeed(m_speedIndex - 1);
      else if (m_speedIndex + 1 == kSpeeds.size())
        setSpeed(kSpeeds.size() - 2);
      return;
    case GLFW_KEY_EQUAL:
    case GLFW_KEY_KP_ADD:
    case GLFW_KEY_RIGHT_BRACKET:
      if (m_speedIndex + 1 < kSpeeds.size()) setSpeed(m_speedIndex + 1);
      return;
    default:
      break;
  }
  if (press.repeat) return;  // the rest act once per press, however long it is held
  switch (press.key) {
    case GLFW_KEY_SPACE:
      togglePlay();
      break;
    case GLFW_KEY_R:
      if (!ctrl) resetAll();
      break;
    case GLFW_KEY_O:
      if (ctrl) dialogOpenLessonOrRuns();
      break;
    case GLFW_KEY_S:
      if (ctrl) dialogExportView(ImGui::GetIO().MousePos);
      break;
    case GLFW_KEY_C:
      // Text fields keep Ctrl+C for text (handleShortcuts drops keys while one is edited).
      if (ctrl && !ImGui::GetIO().WantCaptureKeyboard) copyViewToClipboard(ImGui::GetIO().MousePos);
      break;
    case GLFW_KEY_E:
      if ((press.mods & GLFW_MOD_SHIFT) != 0)
        m_export.openWindow(ImGui::GetIO().MousePos, m_fontScale, m_present);
      else if (!ctrl)
        m_messages.push_back(m_export.quickExport(ImGui::GetIO().MousePos, m_fontScale, m_present));
      break;
    case GLFW_KEY_F1:
      m_showHelp = !m_showHelp;
      break;
    case GLFW_KEY_ESCAPE:
      m_showHelp = false;
      m_browser.close();
      break;
    case GLFW_KEY_F6:
      m_sidePanelHidden = !m_sidePanelHidden;
      break;
    case GLFW_KEY_F5:
      m_present = !m_present;
      m_fontsDirty = true;
      break;
    default:
      // 1 to 9: the tab of that number (drawViews or drawCompare acts on it, or drops a
      // number with no tab).
      if (press.key >= GLFW_KEY_1 && press.key <= GLFW_KEY_9 && !ctrl)
        m_tabKey = static_cast<std::size_t>(press.key - GLFW_KEY_1);
      break;
  }
}

void LabApp::advanceScript() {
  if (m_runs.empty() && !m_showSweep) {
    // Nothing could be opened: show the error in one frame, then stop.
    m_scriptPhase = ScriptPhase::kDone;
    if (m_exitCode == 0) m_exitCode = 2;
    return;
  }
  if (!m_scriptStarted) {
    m_scriptStarted = true;
    if (m_options.play) {
      setSpeed(kSpeeds.size() - 1);
      forEachLiveSession([](train::Session& s) { s.play(); });
      m_scriptPhase = ScriptPhase::kDrawing;
    } else if (m_options.steps > 0) {
      forEachLiveSession([this](train::Session& s) { s.stepN(static_cast<int>(m_options.steps)); });
    }
  }
  switch (m_scriptPhase) {
    case ScriptPhase::kStepping: {
      // Done when every session has taken its steps and every recorded run shows the step
      // the cursor asks for.
      bool ready = true;
      for (const auto& run : m_runs) ready = ready && run->session().idle() && !run->loading();
      if (ready) m_scriptPhase = ScriptPhase::kDrawing;
      break;
    }
    case ScriptPhase::kDrawing: {
      // Two frames at least, so views have drawn the final snapshot once before the capture;
      // and no capture while a recorded run is still loading the step it must show.
      bool loading = false;
      for (const auto& run : m_runs) loading = loading || run->loading();
      if (++m_scriptFramesDrawn >= std::max(m_options.frames, 2) && !loading) {
        m_scriptPhase = ScriptPhase::kDone;
        // --every-view: keep this round's report, then the next tab (compare mode's last tab
        // is its chart) for as many frames again.
        const std::size_t tabs =
            m_runs.empty() ? 1 : m_runs.front()->ui().views().size() + (compareMode() ? 1 : 0);
        if (m_options.everyView && m_everyViewTab + 1 < tabs) {
          m_earlierRounds.push_back(
              {{"tab", m_everyViewTab}, {"views", m_layout}, {"panels", m_panels}});
          m_tabKey = ++m_everyViewTab;
          m_scriptFramesDrawn = 0;
          m_scriptPhase = ScriptPhase::kDrawing;
        }
      }
      break;
    }
    case ScriptPhase::kDone:
      break;
  }
}

}  // namespace genlab::lab
