// The lab's panels: top bar (lesson picker and transport), side panel, the views, timeline,
// status bar and the help overlay. Layout is recomputed every frame from the window size, so
// panels are always where tests and people expect them.

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "ui/lab/fit_label.h"
#include "ui/lab/lab_app.h"
#include "ui/lab/layout_report.h"
#include "ui/lab/panel_layout.h"
#include "ui/lab/transport.h"
#include "ui/lab/view_layout.h"
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

// The top bar's labels, long where the window has room and short where it has not (a
// projector's 1024 pixels in presentation type); the tooltips always give the long meaning.
struct TopBarLabels {
  const char* file;
  const char* lesson;
  const char* play;
  const char* pause;
  const char* step;
  const char* reset;
  const char* slower;
  const char* faster;
  const char* runs;
  const char* present;
  const char* help;
};

constexpr TopBarLabels kLongLabels{"File",
                                   "Lesson",
                                   "\xE2\x96\xB6 Play",
                                   "\xE2\x9D\x9A\xE2\x9D\x9A Pause",
                                   "Step \xE2\x86\x92",
                                   "\xE2\x86\xBA Reset",
                                   "Slower",
                                   "Faster",
                                   "Runs...",
                                   "Present (F5)",
                                   "Help (F1)"};
constexpr TopBarLabels kShortLabels{"File",
                                    "",
                                    "\xE2\x96\xB6",
                                    "\xE2\x9D\x9A\xE2\x9D\x9A",
                                    "\xE2\x86\x92",
                                    "\xE2\x86\xBA",
                                    "\xE2\x88\x92",
                                    "+",
                                    "Runs",
                                    "F5",
                                    "?"};

// Width of the bar without the lesson picker, as drawTopBar lays it out.
float topBarWidthWithoutPicker(const TopBarLabels& l, const std::string& speed, float gap) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const auto button = [&](const char* label) {
    return ImGui::CalcTextSize(label).x + style.FramePadding.x * 2.0f;
  };
  const float playWidth = std::max(button(l.play), button(l.pause));
  float width = style.WindowPadding.x * 2.0f + button(l.file) + style.ItemSpacing.x;
  if (*l.lesson) width += ImGui::CalcTextSize(l.lesson).x + style.ItemSpacing.x;
  width += gap + playWidth + button(l.step) + button(l.reset) + style.ItemSpacing.x * 2.0f;
  width += gap + button(l.slower) + ImGui::CalcTextSize(speed.c_str()).x + button(l.faster) +
           style.ItemSpacing.x * 2.0f;
  width += gap + button(l.runs) + button(l.present) + button(l.help) + style.ItemSpacing.x * 2.0f;
  return width;
}

}  // namespace

void LabApp::drawTopBar(float height) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  placeNextWindow(0, 0, display.x, height);
  ImGui::Begin("##topbar", nullptr,
               kPanelFlags | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float gap = 24.0f * m_fontScale;
  const std::string speed = speedLabel(m_speedIndex);
  // The long labels when they leave the lesson picker room for about 24 characters.
  const float pickerMinimum = ImGui::CalcTextSize("HMM: the dishonest casin").x;
  const bool roomy =
      topBarWidthWithoutPicker(kLongLabels, speed, gap) + pickerMinimum + gap <= display.x;
  const TopBarLabels& labels = roomy ? kLongLabels : kShortLabels;
  const float pickerRoom = display.x - topBarWidthWithoutPicker(labels, speed, gap) - gap;
  const float pickerPreferred = 420.0f * m_fontScale * (m_present ? 1.6f * m_presentScale : 1.0f);

  if (buttonWithTooltip(labels.file, "Open, import, export; recent files (Ctrl+O, Ctrl+S)"))
    ImGui::OpenPopup("##filemenu");
  drawFileMenu();
  ImGui::SameLine();
  if (*labels.lesson) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(labels.lesson);
    ImGui::SameLine();
  }
  ImGui::SetNextItemWidth(std::max(std::min(pickerPreferred, pickerRoom), 4.0f * gap));
  // Recorded runs open from disk name their own lesson; picking one here opens it live.
  bool anyLiveRun = false;
  for (const auto& run : m_runs) anyLiveRun = anyLiveRun || run->isLive();
  const std::string recordedTitle =
      !m_runs.empty() && !anyLiveRun ? m_runs.front()->lesson().title + "  (recorded)" : "";
  const std::string sweepTitle = m_showSweep ? m_sweepView.title() : "";
  const char* current = m_showSweep              ? sweepTitle.c_str()
                        : !recordedTitle.empty() ? recordedTitle.c_str()
                        : m_lessons.empty()      ? "(no lessons)"
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
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Lesson: %s", current);

  const bool haveRuns = !m_runs.empty();
  const bool playing = anyLiveRun ? anyLivePlaying() : m_replaying;
  ImGui::SameLine(0, gap);
  const char* playTip = anyLiveRun ? "Play or pause training (Space)"
                                   : "Replay the recorded runs along the timeline (Space)";
  if (buttonWithTooltip(playing ? labels.pause : labels.play, playTip, haveRuns)) togglePlay();
  ImGui::SameLine();
  if (buttonWithTooltip(labels.step,
                        anyLiveRun ? "Take one training step (Right arrow)"
                                   : "Next recorded checkpoint (Right arrow)",
                        haveRuns)) {
    stepAll();
  }
  ImGui::SameLine();
  if (buttonWithTooltip(labels.reset, "Start again from the same seed (R)", anyLiveRun)) resetAll();
  ImGui::SameLine(0, gap);
  if (buttonWithTooltip(labels.slower, "Fewer steps per second (-)", m_speedIndex > 0)) {
    setSpeed(m_speedIndex + 1 == kSpeeds.size() ? kSpeeds.size() - 2 : m_speedIndex - 1);
  }
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(speed.c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Playing speed: training steps per second");
  ImGui::SameLine();
  if (buttonWithTooltip(labels.faster, "More steps per second (+)",
                        m_speedIndex + 1 < kSpeeds.size())) {
    setSpeed(m_speedIndex + 1);
  }

  // Right-aligned: the runs browser, presentation mode and help.
  const auto buttonWidth = [&](const char* label) {
    return ImGui::CalcTextSize(label).x + style.FramePadding.x * 2.0f;
  };
  const float rightWidth = buttonWidth(labels.runs) + buttonWidth(labels.present) +
                           buttonWidth(labels.help) + style.ItemSpacing.x * 2.0f;
  const float usedUpTo = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;  // "Faster"
  ImGui::SameLine(std::max(usedUpTo + gap, display.x - rightWidth - style.WindowPadding.x));
  if (buttonWithTooltip(labels.runs, "Open recorded runs, or pick several to compare"))
    m_browser.open(runsDirectory());
  ImGui::SameLine();
  if (buttonWithTooltip(labels.present,
                        "Presentation mode (F5): large type, fewer and larger views")) {
    m_present = !m_present;
    m_fontsDirty = true;
  }
  ImGui::SameLine();
  if (buttonWithTooltip(labels.help, "Keyboard shortcuts and how to use the lab (F1)"))
    m_showHelp = !m_showHelp;
  m_panels.push_back(panelEntry("top bar", false));
  ImGui::End();
}

void LabApp::drawSidePanel(float x, float y, float width, float height) {
  placeNextWindow(x, y, width, height);
  ImGui::Begin("##side", nullptr, kPanelFlags | ImGuiWindowFlags_NoTitleBar);
  if (m_showSweep) {
    drawSweepControls();
    m_panels.push_back(panelEntry("side panel", true));
    ImGui::End();
    return;
  }
  if (m_sweepView.isOpen() && ImGui::Button("Back to the sweep")) m_showSweep = true;
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
  m_panels.push_back(panelEntry("side panel", true));
  ImGui::End();
}

void LabApp::drawViews(float x, float y, float width, float height) {
  m_export.clearTargets();
  if (m_showSweep) {
    drawSweepPlots(x, y, width, height);
    return;
  }
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

  if (const auto key = std::exchange(m_tabKey, std::nullopt); key && *key < visible.size())
    m_mainView = *key;
  const ViewArrangement arrangement =
      arrangeViews({x, y, width, height}, visible.size(), m_mainView, viewLayoutLimits());
  m_mainView = arrangement.slots.front().view;
  if (arrangement.strip) {
    std::vector<std::string> titles;
    std::vector<bool> shown(visible.size(), false);
    for (const views::View* view : visible) titles.push_back(view->title());
    for (const ViewSlot& slot : arrangement.slots) shown[slot.view] = true;
    const int clicked = drawTabStrip(arrangement.stripRect, titles, m_mainView, shown);
    if (clicked >= 0) m_mainView = static_cast<std::size_t>(clicked);
  }
  for (const ViewSlot& slot : arrangement.slots) {
    views::View& view = *visible[slot.view];
    const LayoutRect& r = slot.rect;
    placeNextWindow(r.x, r.y, r.width, r.height);
    const std::string title = view.title() + "###view" + std::to_string(slot.view);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(2, 2));
    ImGui::Begin(title.c_str(), nullptr,
                 kPanelFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    const ViewReport report;
    m_export.addTarget({&run, &view, snapshot, context.scrubbing, ImGui::GetCursorScreenPos(),
                        ImGui::GetContentRegionAvail()});
    view.draw(context, ImGui::GetContentRegionAvail());
    m_layout.push_back(report.finish(withPicture({{"run", run.folder().string()},
                                                  {"view", view.title()},
                                                  {"step", snapshot ? snapshot->step : -1},
                                                  {"rect", {r.x, r.y, r.width, r.height}}},
                                                 view)));
    ImGui::End();
  }
}

ViewLayoutLimits LabApp::viewLayoutLimits() const {
  ViewLayoutLimits limits;
  // A view smaller than this cannot show its axes and labels at the type size in use.
  const float type = m_fontScale * (m_present ? m_presentScale : 1.0f);
  limits.minWidth = (m_present ? 420.0f : 300.0f) * type;
  limits.minHeight = (m_present ? 300.0f : 200.0f) * type;
  // On a projector, fewer and larger pictures: the main one and at most two beside it.
  limits.maxShown = m_present ? 3 : 8;
  limits.stripHeight = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2.0f;
  return limits;
}

// A strip of tabs (the views that do not fit, compare mode's pictures and chart): one button
// per title, numbered as the keys that choose it; `chosen` is highlighted most, the others in
// `shown` less. Returns the index clicked, or -1.
int LabApp::drawTabStrip(const LayoutRect& r, const std::vector<std::string>& titles,
                         std::size_t chosen, const std::vector<bool>& shown) {
  placeNextWindow(r.x, r.y, r.width, r.height);
  ImGui::Begin("##viewstrip", nullptr,
               kPanelFlags | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
  const ImVec4 chosenColor = ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive);
  const ImVec4 shownColor = ImGui::GetStyleColorVec4(ImGuiCol_ButtonHovered);
  const ImVec4 hiddenColor = ImGui::GetStyleColorVec4(ImGuiCol_FrameBg);
  // Every tab whole if they fit; otherwise the longest titles give way first (each tab gets
  // at most the same width, the share the shorter ones leave).
  std::vector<std::string> labels;
  std::vector<float> widths;
  for (std::size_t i = 0; i < titles.size(); ++i) {
    labels.push_back(i < 9 ? std::to_string(i + 1) + "  " + titles[i] : titles[i]);
    widths.push_back(ImGui::CalcTextSize(labels.back().c_str()).x);
  }
  const ImGuiStyle& style = ImGui::GetStyle();
  const float room = ImGui::GetContentRegionAvail().x -
                     static_cast<float>(titles.size()) * style.FramePadding.x * 2.0f -
                     static_cast<float>(titles.size() - 1) * style.ItemSpacing.x;
  const float cap = equalShareCap(widths, room);
  int clicked = -1;
  for (std::size_t i = 0; i < titles.size(); ++i) {
    const std::string label = widths[i] <= cap ? labels[i] : fitLabel(labels[i], cap);
    if (i > 0) ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, i == chosen                    ? chosenColor
                                           : i < shown.size() && shown[i] ? shownColor
                                                                          : hiddenColor);
    if (ImGui::Button((label + "###tab" + std::to_string(i)).c_str()))
      clicked = static_cast<int>(i);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s%s", titles[i].c_str(),
                        i < 9 ? (" (key " + std::to_string(i + 1) + ")").c_str() : "");
  }
  m_panels.push_back(panelEntry("view tabs", false));
  ImGui::End();
  return clicked;
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
  m_panels.push_back(panelEntry("timeline", false));
  ImGui::End();
}

void LabApp::drawStatusBar(float y, float height) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  placeNextWindow(0, y, display.x, height);
  ImGui::Begin("##status", nullptr,
               kPanelFlags | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
  ImGui::AlignTextToFramePadding();
  // Fields in order of importance; the least important give way when the bar is too narrow.
  std::vector<std::string> left;
  char text[160];
  if (OpenRun* run = focusedRun(); run && run->isLive()) {
    const train::Session& session = run->session();
    left.emplace_back(stateLabel(session.state()));
    left.push_back("step " + std::to_string(session.stepsDone()));
    std::snprintf(text, sizeof text, "%.1f steps/s", session.stepsPerSecond());
    left.emplace_back(text);
    left.push_back("seed " + std::to_string(session.seed()));
    left.push_back(run->folder().empty() ? "not recorded" : "recording to " + run->label());
  } else if (run) {
    left.push_back("recorded run " + run->label());
    left.push_back(run->status());
    std::snprintf(text, sizeof text, "showing step %lld of %lld",
                  static_cast<long long>(run->shownStep()),
                  static_cast<long long>(run->lastStep()));
    left.emplace_back(text);
  } else if (m_showSweep) {
    left.push_back(m_sweepView.title());
    left.push_back(std::to_string(m_sweepView.sweep().runs.size()) + " runs, " +
                   std::to_string(m_sweepView.sweep().points.size()) + " points");
  } else {
    left.emplace_back("no lesson open");
  }
  std::snprintf(text, sizeof text, "frame %.1f ms", m_frameStats.recentWorkMs());
  std::vector<std::string> right = {text, std::to_string(m_trainerThreads) + " trainer threads",
                                    "F1 help"};
  const auto joined = [](const std::vector<std::string>& parts) {
    std::string line;
    for (const auto& part : parts) line += (line.empty() ? "" : "  |  ") + part;
    return line;
  };
  const float room = ImGui::GetContentRegionAvail().x;
  const float spacing = 32.0f * m_fontScale;
  const auto width = [](const std::string& line) { return ImGui::CalcTextSize(line.c_str()).x; };
  while (!right.empty() && width(joined(left)) + spacing + width(joined(right)) > room)
    right.erase(right.begin());
  while (left.size() > 1 && width(joined(left)) > room) left.pop_back();
  const std::string leftLine = fitLabel(joined(left), room);
  ImGui::TextUnformatted(leftLine.c_str());
  if (!right.empty()) {
    const std::string rightLine = joined(right);
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width(rightLine));
    ImGui::TextUnformatted(rightLine.c_str());
  }
  m_panels.push_back(panelEntry("status bar", false));
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
      {"1 - 9", "make that view the large one (the tabs above the views)"},
      {"E", "export the view under the mouse as a PNG (Shift+E: size, scale, curves CSV)"},
      {"F1, Esc", "this help"},
      {"Drag / wheel", "pan / zoom a plot; double-click fits it"},
      {"Timeline", "drag to look back in time"},
      {"Ctrl+O", "open a lesson or runs (a file dialog; several runs compare)"},
      {"Ctrl+S", "export the view under the mouse as PNG"},
      {"Ctrl+C", "copy the view under the mouse as an image (paste into slides)"},
      {"Drop a file", "lesson, run folder(s), sweep folder, or data to import"},
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
