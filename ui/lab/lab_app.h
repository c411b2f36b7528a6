#pragma once
// The lab window: a lesson picker, a transport bar, the lesson's views, a side panel with the
// model's controls, a timeline and a status bar. Owns the GLFW window, the ImGui context and
// the workspace: the runs open now (ui/lab/open_run.h), live or recorded. One run shows the
// lesson's views; two to four are compare mode: the same view of each side by side, one global
// step cursor, overlaid curves and the settings that differ.
//
// Call order: construct (opens the window; throws std::runtime_error with a readable message
// when no display or no GL 3.3 context can be had), then run() once.

#include <imgui.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/lesson/lesson.h"
#include "core/train/memory_budget.h"
#include "core/train/session.h"
#include "ui/lab/compare_state.h"
#include "ui/lab/export_menu.h"
#include "ui/lab/frame_stats.h"
#include "ui/lab/lab_options.h"
#include "ui/lab/lab_settings.h"
#include "ui/lab/open_run.h"
#include "ui/lab/runs_browser.h"
#include "ui/lab/shortcut_keys.h"
#include "ui/lab/soak_log.h"
#include "ui/lab/soak_tour.h"
#include "ui/lab/sweep_view.h"
#include "ui/lab/view_layout.h"
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
  // Shows a sweep folder in the sweep view (sweep_panels.cpp); what is open stays open behind
  // it. A folder that is not a sweep leaves a message naming it.
  void openSweep(const std::filesystem::path& folder);

  // file_actions.cpp: files in and out (the File menu, dropped files, Ctrl+O/S/C). Each says
  // what it did, or why not, in the messages.
  // Opens or imports each path by what it is (ui/lab/path_kind.h): a lesson, a run folder (or
  // its run.json; several open side by side), a sweep folder, or data for the current lesson.
  // False when one of them could not be used.
  bool openPaths(const std::vector<std::filesystem::path>& paths);
  bool openLessonFile(const std::filesystem::path& file);
  // Points the current lesson's dataset at `file` and reopens it (ui/lab/data_import.h).
  bool importData(const std::filesystem::path& file);
  // The view under `mouse` (unset: the main view) drawn by ui/export at twice its on-screen
  // size, as E does. Ctrl+S and the File menu both come here.
  void exportView(const std::filesystem::path& png, std::optional<ImVec2> mouse = std::nullopt);
  // Every open run's metrics, one column per run and metric, by step.
  bool exportCurves(const std::filesystem::path& csv);
  // The focused run's main view over its recorded timeline (its checkpoints) as a GIF.
  bool exportTimeline(const std::filesystem::path& gif);
  // For tests and scripts: the lesson the picker shows, the messages, the run whose controls show.
  const lesson::Lesson* currentLesson() const;
  const std::vector<std::string>& messages() const { return m_messages; }
  OpenRun* focusedRun();
  std::size_t openRunCount() const { return m_runs.size(); }

 private:
  // lab_window.cpp: platform and ImGui set-up.
  void createWindow();
  void initImGui();
  void rebuildFonts();
  void applyImGuiStyle();
  float contentScale() const;
  // What presentation type is multiplied by at the window's present height (m_presentScale).
  float presentScale() const;
  void saveScreenshot(const std::string& path);

  // lab_app.cpp: lessons and the frame.
  void loadLessons();
  void openLesson(std::size_t index);
  void frame();
  // workspace.cpp: which runs are open.
  void openRecordedRuns(const std::vector<std::filesystem::path>& folders);
  void addRecordedRun(const std::filesystem::path& folder);
  void closeRun(std::size_t index);
  void resumeRun(std::size_t index);
  // A second live run of the focused run's lesson with one setting changed, trained beside it.
  void duplicateWithChange(const std::string& key, const nlohmann::json& value);
  // The same with several settings changed at once ({"key": value, ...}).
  void duplicateWithChanges(const nlohmann::json& changes);
  LiveRunOptions liveOptions(std::uint64_t seed, std::vector<std::string> overrides) const;
  std::filesystem::path runsDirectory() const;
  bool recording() const;
  bool compareMode() const { return m_runs.size() >= 2; }
  std::int64_t workspaceLastStep() const;
  void forEachLiveSession(const std::function<void(train::Session&)>& action);
  bool anyLivePlaying() const;
  void updateWindowTitle();
  void writeLayoutReport();
  // The transport, acting on every live run (so two runs trained side by side stay in step),
  // or, with only recorded runs open, on the replay cursor.
  void togglePlay();
  void stepAll();
  void resetAll();
  void advanceReplay();
  void handleShortcuts();
  void handleShortcut(const KeyPress& press);
  void advanceScript();
  // soak_run.cpp: the soak run's events, and the export it leaves for after the frame is drawn.
  void startSoak();
  void advanceSoak();
  void performSoakEvent(const SoakEvent& event, double elapsed);
  void finishSoak();
  void exportSoakWindow();
  void settleForSoak();  // close every run, wait for its session to end, trim the heap
  void rememberWindowGeometry();

  // file_actions.cpp
  struct FileDialogRequest {
    enum class Mode { kOpenOne, kOpenMany, kSave, kFolder };
    Mode mode = Mode::kOpenOne;
    std::string title;
    std::vector<std::pair<std::string, std::vector<std::string>>> filters;  // name, patterns
    std::filesystem::path startIn;
    std::function<void(const std::vector<std::filesystem::path>&)> then;
  };
  struct ViewCapture {
    std::filesystem::path png;    // empty: to the clipboard (read back); else ui/export draws it
    std::optional<ImVec2> mouse;  // the view under this point; unset: the main view
    bool due = false;             // drawn this frame without hover: read back at its end
  };
  void drawFileMenu();
  // The dialog runs after the frame is shown (a modal Qt dialog must not interrupt an ImGui
  // frame); where Qt cannot start, a typed-path box says why and takes the path instead.
  void askForFile(FileDialogRequest request);
  void runPendingDialog();
  void drawPathPrompt();
  void copyViewToClipboard(std::optional<ImVec2> mouse);
  // Reads back the pending captures' rectangles from the frame just drawn (before the swap).
  void finishCaptures();
  void rememberRecent(const std::filesystem::path& path);
  void dialogOpenLessonOrRuns();
  void dialogExportView(std::optional<ImVec2> mouse);

  // lab_panels.cpp: what the person sees.
  void drawTopBar(float height);
  void drawSidePanel(float x, float y, float width, float height);
  void drawViews(float x, float y, float width, float height);
  // failure_banner.cpp: what stopped a live run, and Resume; returns the height it took (0: none).
  float drawFailureBanner(float x, float y, float width);
  ViewLayoutLimits viewLayoutLimits() const;
  int drawTabStrip(const LayoutRect& rect, const std::vector<std::string>& titles,
                   std::size_t chosen, const std::vector<bool>& shown);
  // sweep_panels.cpp: the sweep view in the side panel and in place of the views.
  void drawSweepControls();
  void drawSweepPlots(float x, float y, float width, float height);
  // A sweep point's runs (or a selection's) replace what is open, in compare mode.
  void openFromSweep(const std::vector<std::filesystem::path>& folders);
  // compare_panels.cpp
  void drawCompare(float x, float y, float width, float height);
  void drawCompareControls();
  void drawCurveControls();
  // Whether `shown` is not what the run's session holds now, so requests to the session (a
  // decoded probe, drawn samples) and edits would not be about the picture: a live run looked
  // at in the past, or a recorded run still loading the step. A recorded run showing its loaded
  // checkpoint is not "past": its replayed model answers for that step.
  bool showsPast(const OpenRun& run, const train::SnapshotPtr& shown) const;
  std::vector<std::string> compareMetricNames() const;
  void drawOverlaidPanel(views::View& view, float x, float y, float width, float height);
  void drawSwipePanel(std::size_t viewIndex, float x, float y, float width, float height);
  void drawDifferencePanels(std::size_t viewIndex, float x, float y, float width, float height,
                            const std::string& captionA, const std::string& captionB);
  // The run's label, or, where two runs share one (unrecorded live runs), what sets it apart.
  std::string runDisplayLabel(std::size_t index) const;
  void drawRunViewPanel(OpenRun& run, std::size_t runIndex, views::View& view, float x, float y,
                        float width, float height, const std::string& caption);
  void drawTimeline(float x, float y, float width, float height);
  // A view's --report-layout entry, with its image grid as drawn ("grid") when it has one.
  static nlohmann::json withPicture(nlohmann::json entry, const views::View& view);
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
  bool m_sidePanelHidden = false;  // F6
  float m_fontScale = 1.0f;
  // Presentation type follows the window's height (a 768-pixel projector gets type as large,
  // relative to the wall, as a 1080-pixel one); 1 at 1080 pixels and above.
  float m_presentScale = 1.0f;
  std::size_t m_mainView = 0;           // the lesson's view shown large (number keys choose it)
  std::optional<std::size_t> m_tabKey;  // a number key pressed this frame: its tab, from 0
  int m_trainerThreads = 1;             // set once by the thread policy

  std::vector<lesson::Lesson> m_lessons;
  // The first lesson's settings as read, before --set: what its run folders record as the
  // lesson, with the overrides beside it; and which lesson the overrides belong to.
  nlohmann::json m_firstLessonSettingsAsRead;
  std::string m_overriddenLesson;
  std::vector<std::string> m_lessonErrors;  // lesson files that failed to load
  std::size_t m_lessonIndex = 0;
  std::string m_openError;  // why the current lesson could not be opened

  // Closed runs' sessions end here, off the UI thread. Declared before m_runs: destroyed after
  // it, so the lab's exit waits for every run folder to be final.
  train::SessionReaper m_reaper;
  std::vector<std::unique_ptr<OpenRun>> m_runs;  // the workspace; at most kMaxOpenRuns
  // The bytes timelines, metrics and caches may hold (--memory-budget, the settings), and each
  // live run's share of the timeline part, re-split every frame between the runs open then.
  train::MemoryBudget m_memoryBudget;
  std::shared_ptr<std::atomic<std::size_t>> m_timelineShare =
      std::make_shared<std::atomic<std::size_t>>(0);
  void shareMemoryBudget();
  std::size_t m_focus = 0;              // whose controls the side panel shows
  std::vector<std::string> m_messages;  // most recent last
  std::size_t m_speedIndex = 0;
  // The global step cursor: unset follows the newest step; set while looking at the past or
  // replaying recorded runs.
  std::optional<std::int64_t> m_scrubStep;
  bool m_replaying = false;  // advancing the cursor through recorded runs
  double m_replayPosition = 0.0;
  std::chrono::steady_clock::time_point m_replayClock;
  CompareState m_compare;
  nlohmann::json m_linkedViewState = nlohmann::json::object();  // ViewContext::linked
  mutable std::vector<std::string> m_runLabels;                 // runDisplayLabel, once a frame
  mutable int m_runLabelsFrame = -1;
  RunsBrowser m_browser;
  ExportMenu m_export;  // E, Shift+E: the view under the mouse as a PNG (export_menu.h)
  SweepView m_sweepView;
  bool m_showSweep = false;  // the sweep view takes the side panel and the views' place
  ShortcutKeys m_keys;       // presses queued as GLFW delivers them (see shortcut_keys.h)
  nlohmann::json m_layout = nlohmann::json::array();  // views drawn this frame (--report-layout)
  nlohmann::json m_panels = nlohmann::json::array();  // the fixed panels, with their content
  // --every-view: the tab shown large in this round, and the views and panels of earlier rounds.
  std::size_t m_everyViewTab = 0;
  nlohmann::json m_earlierRounds = nlohmann::json::array();
  std::string m_windowTitle;
  std::optional<FileDialogRequest> m_pendingDialog;  // shown after this frame
  std::optional<FileDialogRequest> m_pathPrompt;     // typed-path fallback, while shown
  std::string m_pathPromptText;
  std::string m_pathPromptWhy;
  std::vector<ViewCapture> m_captures;  // done at the end of this frame

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

  // The soak run (--soak).
  std::optional<SoakTour> m_soak;
  SoakLog m_soakLog;
  std::chrono::steady_clock::time_point m_soakStart;
  bool m_soakStarted = false;
  bool m_soakExportPending = false;
  bool m_soakEventFrame = false;  // this frame performed a soak event
  FrameStats m_soakSwitchStats;   // the frames that did
  // The steady frames again, by the lesson on screen: which lesson a slow p95 comes from.
  std::map<std::string, FrameStats> m_soakLessonFrames;
  // The soak's events that held the UI thread longest: (seconds, "lesson: event").
  std::vector<std::pair<double, std::string>> m_soakSlowEvents;
  std::string m_soakLesson;
  // Time this frame spent in settleForSoak: the soak's own measuring, left out of the frame's and
  // the event's time.
  std::chrono::steady_clock::duration m_soakMeasuring{};
  bool m_soakSettledSinceOpen = false;  // a cycle's end measured the lesson that just closed
  std::size_t m_soakBaseRuns = 0;       // runs the lesson opened with; the twin comes after them
};

}  // namespace genlab::lab
