// The lab's panels: top bar (lesson picker and transport), side panel, the views, timeline,
// status bar and the help overlay. Layout is recomputed every frame from the window size, so
// panels are always where tests and people expect them.

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cstdio>

#include "ui/lab/lab_app.h"
#include "ui/lab/panel_layout.h"
#include "ui/lab/transport.h"
#include "ui/views/image_tiles.h"

namespace genlab::lab {
namespace {

bool buttonWithTooltip(const char* label, const char* tooltip, bool enabled = true) {
  if (!enabled) ImGui::BeginDisabled();
  const bool pressed = ImGui::Button(label);
  if (!enabled) ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tooltip);
  return pressed;
}

const char* stateLabel(train::RunState state) {
  return state == train::RunState::kFailed ? "stopped: see messages" : train::runStateName(state);
}

}  // namespace

void LabApp::drawTopBar(float height) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  placeNextWindow(0, 0, display.x, height);
  ImGui::Begin("##topbar", nullptr,
               kPanelFlags | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Lesson");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(
      std::min(420.0f * m_fontScale * (m_present ? 1.6f : 1.0f), display.x * 0.35f));
  // Recorded runs open from disk name their own lesson; picking one here opens it live.
  bool anyLiveRun = false;
  for (const auto& run : m_runs) anyLiveRun = anyLiveRun || run->isLive();
  const std::string recordedTitle =
      !m_runs.empty() && !anyLiveRun ? m_runs.front()->lesson().title + "  (recorded)" : "";
  const char* current = !recordedTitle.empty() ? recordedTitle.c_str()
                        : m_lessons.empty()    ? "(no lessons)"
                                               : m_lessons[m_lessonIndex].title.c_str();
  if (ImGui::BeginCombo("##lesson", current)) {
    for (std::size_t i = 0; i < m_lessons.size(); ++i) {
      if (ImGui::Selectable(m_lessons[i].title.c_str(), i == m_lessonIndex)) openLesson(i);
      if (ImGui::IsItemHovered() && !m_lessons[i].summary.empty()) {
        ImGui::SetTooltip("%s", m_lessons[i].summary.c_str());
      }
    }
    ImGui::EndCombo();
  }

  bool anyLive = false;
  for (const auto& run : m_runs) anyLive = anyLive || run->isLive();
  const bool haveRuns = !m_runs.empty();
  const bool playing = anyLive ? anyLivePlaying() : m_replaying;
  ImGui::SameLine(0, 24.0f * m_fontScale);
  const char* playTip = anyLive ? "Play or pause training (Space)"
                                : "Replay the recorded runs along the timeline (Space)";
  if (buttonWithTooltip(playing ? "\xE2\x9D\x9A\xE2\x9D\x9A Pause" : "\xE2\x96\xB6 Play", playTip,
                        haveRuns)) {
    togglePlay();
  }
  ImGui::SameLine();
  if (buttonWithTooltip("Step \xE2\x86\x92",
                        anyLive ? "Take one training step (Right arrow)"
                                : "Next recorded checkpoint (Right arrow)",
                        haveRuns)) {
    stepAll();
  }
  ImGui::SameLine();
  if (buttonWithTooltip("\xE2\x86\xBA Reset", "Start again from the same seed (R)", anyLive)) {
    resetAll();
  }
  ImGui::SameLine(0, 24.0f * m_fontScale);
  if (buttonWithTooltip("Slower", "Fewer steps per second (-)", m_speedIndex > 0)) {
    setSpeed(m_speedIndex + 1 == kSpeeds.size() ? kSpeeds.size() - 2 : m_speedIndex - 1);
  }
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s", speedLabel(m_speedIndex).c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Playing speed: training steps per second");
  ImGui::SameLine();
  if (buttonWithTooltip("Faster", "More steps per second (+)", m_speedIndex + 1 < kSpeeds.size())) {
    setSpeed(m_speedIndex + 1);
  }

  // Right-aligned: presentation mode and help; short labels when the window is too narrow
  // for the long ones (presentation type on a 1280-pixel screen).
  const ImGuiStyle& style = ImGui::GetStyle();
  auto groupWidth = [&](const char* a, const char* b) {
    return ImGui::CalcTextSize(a).x + ImGui::CalcTextSize(b).x + style.FramePadding.x * 4 +
           style.ItemSpacing.x;
  };
  const float usedUpTo = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;  // "Faster"
  const float runsWidth =
      ImGui::CalcTextSize("Runs...").x + style.FramePadding.x * 2 + style.ItemSpacing.x;
  const bool roomy =
      usedUpTo + style.ItemSpacing.x + runsWidth + groupWidth("Present (F5)", "Help (F1)") + 8.0f <=
      display.x;
  const char* presentLabel = roomy ? "Present (F5)" : "F5";
  const char* helpLabel = roomy ? "Help (F1)" : "?";
  const float rightWidth = groupWidth(presentLabel, helpLabel) + runsWidth;
  ImGui::SameLine(std::max(usedUpTo + style.ItemSpacing.x, display.x - rightWidth - 8.0f));
  if (buttonWithTooltip("Runs...", "Open recorded runs, or pick several to compare (Ctrl+O)"))
    m_browser.open(runsDirectory());
  ImGui::SameLine();
  if (buttonWithTooltip(presentLabel,
                        "Presentation mode (F5): large type, thick strokes, high contrast")) {
    m_present = !m_present;
    m_fontsDirty = true;
  }
  ImGui::SameLine();
  if (buttonWithTooltip(helpLabel, "Keyboard shortcuts and how to use the lab (F1)"))
    m_showHelp = !m_showHelp;
  ImGui::End();
}

void LabApp::drawSidePanel(float x, float y, float width, float height) {
  placeNextWindow(x, y, width, height);
  ImGui::Begin("##side", nullptr, kPanelFlags | ImGuiWindowFlags_NoTitleBar);
  OpenRun* focus = focusedRun();
  if (!m_lessons.empty() || focus) {
    const lesson::Lesson& lesson = focus ? focus->lesson() : m_lessons[m_lessonIndex];
    ImFont* bold = ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : nullptr;
    if (bold) ImGui::PushFont(bold);
    ImGui::TextWrapped("%s", lesson.title.c_str());
    if (bold) ImGui::PopFont();
    if (!lesson.summary.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.25f, 0.25f, 0.25f, 1.0f));
      ImGui::TextWrapped("%s", lesson.summary.c_str());
      ImGui::PopStyleColor();
    }
    ImGui::Separator();
  }
  if (!m_openError.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.05f, 1.0f));
    ImGui::TextWrapped("This could not be opened:\n%s", m_openError.c_str());
    ImGui::PopStyleColor();
  }
  // Compare mode's run list leads the panel; with one run, its record and "Duplicate with a
  // change" follow the lesson's own controls, which come first for a class.
  if (compareMode()) drawCompareControls();
  if (focus) {
    const train::SnapshotPtr shown = focus->snapshotFor(m_scrubStep);
    views::ViewContext context{focus->session(), shown,         showsPast(*focus, shown),
                               focus->metrics(), m_canvasStyle, focus->lesson()};
    if (!focus->isLive()) ImGui::BeginDisabled();
    focus->ui().drawControls(context);
    if (!focus->isLive()) ImGui::EndDisabled();
  }
  if (!compareMode()) drawCompareControls();
  if (!m_messages.empty() || !m_lessonErrors.empty()) {
    ImGui::Separator();
    ImGui::TextUnformatted("Messages");
    for (auto it = m_messages.rbegin(); it != m_messages.rend(); ++it)
      ImGui::TextWrapped("\xE2\x80\xA2 %s", it->c_str());
    for (const auto& error : m_lessonErrors) ImGui::TextWrapped("\xE2\x80\xA2 %s", error.c_str());
  }
  ImGui::End();
}

void LabApp::drawViews(float x, float y, float width, float height) {
  if (m_runs.empty()) {
    placeNextWindow(x, y, width, height);
    ImGui::Begin("##noviews", nullptr, kPanelFlags | ImGuiWindowFlags_NoTitleBar);
    ImGui::TextWrapped("%s", m_openError.empty() ? "Pick a lesson above, or open recorded runs."
                                                 : "Nothing to show: see the message on the left.");
    ImGui::End();
    return;
  }
  if (compareMode()) {
    drawCompare(x, y, width, height);
    return;
  }
  OpenRun& run = *m_runs.front();
  const train::SnapshotPtr snapshot = run.snapshotFor(m_scrubStep);
  views::ViewContext context{run.session(), snapshot,      showsPast(run, snapshot),
                             run.metrics(), m_canvasStyle, run.lesson()};
  std::vector<views::View*> visible = run.ui().views();
  if (visible.empty()) return;

  // The first view is the lesson's main picture: it takes the left 60%, the others stack on
  // the right. A single view takes everything.
  const float mainWidth = visible.size() == 1 ? width : std::floor(width * 0.6f);
  const float sideCount = static_cast<float>(visible.size() - 1);
  for (std::size_t i = 0; i < visible.size(); ++i) {
    float vx = x;
    float vy = y;
    float vw = mainWidth;
    float vh = height;
    if (i > 0) {
      vx = x + mainWidth;
      vw = width - mainWidth;
      vh = std::floor(height / sideCount);
      vy = y + vh * static_cast<float>(i - 1);
    }
    placeNextWindow(vx, vy, vw, vh);
    const std::string title = visible[i]->title() + "###view" + std::to_string(i);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(2, 2));
    ImGui::Begin(title.c_str(), nullptr,
                 kPanelFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    visible[i]->draw(context, ImGui::GetContentRegionAvail());
    ImGui::End();
    m_layout.push_back(withPicture({{"run", run.folder().string()},
                                    {"view", visible[i]->title()},
                                    {"step", snapshot ? snapshot->step : -1},
                                    {"rect", {vx, vy, vw, vh}}},
                                   *visible[i]));
  }
}

nlohmann::json LabApp::withPicture(nlohmann::json entry, const views::View& view) {
  const views::ImageTiles* tiles = view.picture();
  if (tiles && !tiles->empty() && tiles->texture()) entry["grid"] = tiles->report();
  return entry;
}

void LabApp::drawTimeline(float x, float y, float width, float height) {
  placeNextWindow(x, y, width, height);
  ImGui::Begin("##timeline", nullptr,
               kPanelFlags | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
  if (!m_runs.empty()) {
    const std::int64_t last = workspaceLastStep();
    bool anyLive = false;
    for (const auto& run : m_runs) anyLive = anyLive || run->isLive();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(compareMode() ? "Step (all runs)" : "Timeline");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(compareMode()
                            ? "One cursor for every open run: each shows its nearest recorded "
                              "step at or before it"
                            : "Drag to look back at earlier steps; training goes on");
    ImGui::SameLine();
    const bool newest = !m_scrubStep.has_value();
    const char* newestLabel = anyLive ? "Live" : "Last";
    const float liveButton =
        ImGui::CalcTextSize(newestLabel).x + ImGui::GetStyle().FramePadding.x * 2 + 8;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - liveButton);
    int step = static_cast<int>(m_scrubStep.value_or(last));
    const int maxStep = static_cast<int>(std::max<std::int64_t>(last, 1));
    const std::string format = newest ? (anyLive ? "step %d (live)" : "step %d (last)")
                                      : (m_replaying ? "step %d (replay)" : "step %d (past)");
    if (ImGui::SliderInt("##scrub", &step, 0, maxStep, format.c_str())) {
      m_replaying = false;
      if (step >= last && anyLive)
        m_scrubStep.reset();
      else
        m_scrubStep = step;
    }
    ImGui::SameLine();
    if (buttonWithTooltip(newestLabel, "Back to the newest step", !newest)) {
      m_scrubStep.reset();
      m_replaying = false;
    }
  }
  ImGui::End();
}

void LabApp::drawStatusBar(float y, float height) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  placeNextWindow(0, y, display.x, height);
  ImGui::Begin("##status", nullptr,
               kPanelFlags | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
  ImGui::AlignTextToFramePadding();
  if (OpenRun* run = focusedRun(); run && run->isLive()) {
    const train::Session& session = run->session();
    ImGui::Text("%s  |  step %lld  |  %.1f steps/s  |  seed %llu  |  %s%s",
                stateLabel(session.state()), static_cast<long long>(session.stepsDone()),
                session.stepsPerSecond(), static_cast<unsigned long long>(session.seed()),
                run->folder().empty() ? "not recorded" : "recording to ",
                run->folder().empty() ? "" : run->label().c_str());
  } else if (run) {
    ImGui::Text("recorded run %s  |  %s  |  showing step %lld of %lld", run->label().c_str(),
                run->status().c_str(), static_cast<long long>(run->shownStep()),
                static_cast<long long>(run->lastStep()));
  } else {
    ImGui::TextUnformatted("no lesson open");
  }
  char right[128];
  std::snprintf(right, sizeof right, "frame %.1f ms  |  %d trainer threads  |  F1 help",
                m_frameStats.recentWorkMs(), m_trainerThreads);
  ImGui::SameLine(
      std::max(ImGui::GetCursorPosX() + 16.0f, display.x - ImGui::CalcTextSize(right).x - 16.0f));
  ImGui::TextUnformatted(right);
  ImGui::End();
}

void LabApp::drawHelpOverlay() {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(0.97f);
  ImGui::Begin("Help", &m_showHelp,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoSavedSettings);
  struct Row {
    const char* keys;
    const char* what;
  };
  static const Row rows[] = {
      {"Space", "play / pause training"},
      {"Right arrow", "one training step"},
      {"R", "reset to the start (same seed)"},
      {"- / +", "slower / faster"},
      {"F5", "presentation mode (projector)"},
      {"F6", "hide / show the side panel"},
      {"F1, Esc", "this help"},
      {"Drag / wheel", "pan / zoom a plot; double-click fits it"},
      {"Timeline", "drag to look back in time"},
      {"Ctrl+O", "runs: open recorded runs, compare two to four"},
  };
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
    for (const auto& row : rows) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(row.keys);
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(row.what);
    }
    ImGui::EndTable();
  }
  ImGui::TextUnformatted("Each view lists its own mouse actions in its tooltip.");
  ImGui::End();
}

}  // namespace genlab::lab
