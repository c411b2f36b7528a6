// Files in and out of the lab: the File menu, Ctrl+O / Ctrl+S / Ctrl+C, files dropped on the
// window, the typed-path box where Qt cannot start, and reading views back from the frame for
// export and the image clipboard. Dialogs and the clipboard go through ui/desktop (Qt 6).

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "core/run/run_catalog.h"
#include "ui/desktop/qt_desktop.h"
#include "ui/export/run_export.h"
#include "ui/gl/gl.h"
#include "ui/lab/data_import.h"
#include "ui/lab/export_menu.h"
#include "ui/lab/lab_app.h"
#include "ui/lab/path_kind.h"

namespace genlab::lab {
namespace {

namespace fs = std::filesystem;
constexpr std::size_t kMaxRecentFiles = 10;

const std::vector<std::pair<std::string, std::vector<std::string>>> kLessonAndRunFilters = {
    {"Lessons and runs", {"*.json"}}};
const std::vector<std::pair<std::string, std::vector<std::string>>> kDataFilters = {
    {"Data (CSV points, IDX images, sequence text)",
     {"*.csv", "*.txt", "*.idx", "*-ubyte", "*-ubyte.gz", "*.gz"}}};

// The view drawn at `mouse` this frame, else the first (the main view); null when none.
const nlohmann::json* viewAt(const nlohmann::json& layout, std::optional<ImVec2> mouse) {
  if (layout.empty()) return nullptr;
  if (!mouse) return &layout.front();
  for (const auto& entry : layout) {
    const auto& r = entry["rect"];
    const float x = r[0], y = r[1], w = r[2], h = r[3];
    if (mouse->x >= x && mouse->x < x + w && mouse->y >= y && mouse->y < y + h) return &entry;
  }
  return nullptr;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

const lesson::Lesson* LabApp::currentLesson() const {
  return m_lessons.empty() ? nullptr : &m_lessons[std::min(m_lessonIndex, m_lessons.size() - 1)];
}

void LabApp::rememberRecent(const fs::path& path) {
  std::error_code ec;
  const std::string text = fs::absolute(path, ec).lexically_normal().string();
  auto& recent = m_settings.recentFiles;
  recent.erase(std::remove(recent.begin(), recent.end(), text), recent.end());
  recent.insert(recent.begin(), text);
  if (recent.size() > kMaxRecentFiles) recent.resize(kMaxRecentFiles);
}

bool LabApp::openPaths(const std::vector<fs::path>& paths) {
  std::vector<fs::path> lessons, runs, sweeps, data;
  bool allUsed = true;
  for (const fs::path& path : paths) {
    const PathClass found = classifyPath(path);
    switch (found.kind) {
      case PathKind::kLesson:
        lessons.push_back(found.path);
        break;
      case PathKind::kRun:
        runs.push_back(found.path);
        break;
      case PathKind::kSweep:
        sweeps.push_back(found.path);
        break;
      case PathKind::kUnknown:
        m_messages.push_back("not opened: " + found.why);
        allUsed = false;
        break;
      default:
        data.push_back(found.path);
        break;
    }
  }
  // One thing at a time is what the window can show: a lesson, runs side by side, a sweep, or
  // data for the lesson open.
  const std::size_t kinds = !lessons.empty() + !runs.empty() + !sweeps.empty() + !data.empty();
  if (kinds > 1 || lessons.size() > 1 || sweeps.size() > 1 || data.size() > 1) {
    m_messages.push_back("dropped " + plural(lessons.size(), "lesson", "lessons") + ", " +
                         plural(runs.size(), "run", "runs") + ", " +
                         plural(sweeps.size(), "sweep", "sweeps") + " and " +
                         plural(data.size(), "data file", "data files") +
                         ": drop one lesson, one sweep, one data file, or runs to compare");
    return false;
  }
  if (!lessons.empty()) return openLessonFile(lessons.front()) && allUsed;
  if (!sweeps.empty()) {
    openSweep(sweeps.front());
    return allUsed;
  }
  if (!data.empty()) return importData(data.front()) && allUsed;
  if (!runs.empty()) {
    openRecordedRuns(runs);
    for (const auto& folder : runs) rememberRecent(folder);
    m_messages.push_back(runs.size() == 1 ? "opened the run " + runs.front().filename().string()
                                          : "comparing " + plural(runs.size(), "run", "runs"));
  }
  return allUsed;
}

bool LabApp::openLessonFile(const fs::path& file) {
  std::optional<std::size_t> index;
  for (std::size_t i = 0; i < m_lessons.size(); ++i) {
    std::error_code ec;
    if (fs::equivalent(m_lessons[i].file, file, ec)) index = i;
  }
  if (!index) {
    try {
      m_lessons.push_back(lesson::loadLesson(file));
      index = m_lessons.size() - 1;
    } catch (const std::exception& error) {
      m_messages.push_back(std::string("lesson not opened: ") + error.what());
      return false;
    }
  }
  openLesson(*index);
  rememberRecent(file);
  m_messages.push_back("opened the lesson \"" + m_lessons[*index].title + "\"");
  return m_openError.empty();
}

bool LabApp::importData(const fs::path& file) {
  const lesson::Lesson* current = currentLesson();
  const PathClass found = classifyPath(file);
  if (current == nullptr) {
    m_messages.push_back(file.string() + ": no lesson open to import into");
    return false;
  }
  const ImportPlan plan = planImport(*current, found);
  if (!plan.ok) {
    // Say which lessons would take it.
    std::string takers;
    const auto models = modelsTaking(found.kind);
    for (const auto& lesson : m_lessons) {
      if (std::find(models.begin(), models.end(), lesson.model) != models.end())
        takers += (takers.empty() ? "" : "; ") + lesson.title;
    }
    m_messages.push_back(plan.message +
                         (takers.empty() ? "" : " (lessons that do: " + takers + ")"));
    return false;
  }
  lesson::Lesson& target = m_lessons[m_lessonIndex];
  const nlohmann::json before = target.dataset;
  target.dataset = plan.dataset;
  openLesson(m_lessonIndex);
  if (!m_openError.empty()) {
    // The model's reader refused the file (its message names the file and line); keep the
    // lesson as it was, and leave the reason on screen.
    const std::string why = m_openError;
    target.dataset = before;
    openLesson(m_lessonIndex);
    m_messages.push_back("not imported: " + why);
    return false;
  }
  rememberRecent(file);
  m_messages.push_back("imported " + file.filename().string() + " into \"" + target.title +
                       "\": " + plan.message);
  return true;
}

void LabApp::exportView(const fs::path& png, std::optional<ImVec2> mouse) {
  m_captures.push_back({png, mouse});  // drawn by ui/export once the frame knows its views
}

bool LabApp::exportTimeline(const fs::path& gif) {
  OpenRun* run = focusedRun();
  if (run == nullptr || run->ui().views().empty()) {
    m_messages.push_back("no run open: nothing to export");
    return false;
  }
  if (run->folder().empty()) {
    m_messages.push_back(gif.string() +
                         ": this run is not recorded, so it has no timeline on disk to export");
    return false;
  }
  exporting::RunViewExport request;
  request.run = run->folder();
  request.view = run->ui().views()[std::min(m_mainView, run->ui().views().size() - 1)]->title();
  request.gif = gif;
  std::ostringstream log;
  bool written = false;
  try {
    exporting::exportRunView(request, log);
    m_messages.push_back("timeline of " + request.view + " written to " + gif.string());
    rememberRecent(gif);
    written = true;
  } catch (const std::exception& error) {
    m_messages.push_back(std::string("timeline export failed: ") + error.what());
  }
  glfwMakeContextCurrent(m_window);  // the export drew in a hidden context of its own
  return written;
}

bool LabApp::exportCurves(const fs::path& csv) {
  const auto sources = curveSources(m_runs);
  std::size_t columns = 0;
  for (const auto& source : sources) columns += source.columns.size();
  if (columns == 0) {
    m_messages.push_back("no curves to export: no run has metrics yet");
    return false;
  }
  try {
    run::writeCurvesCsv(sources, csv);
  } catch (const std::exception& error) {
    m_messages.push_back(error.what());
    return false;
  }
  m_messages.push_back("curves written to " + csv.string() + " (" +
                       plural(columns, "column", "columns") + " besides the step)");
  return true;
}

void LabApp::askForFile(FileDialogRequest request) {
  m_pendingDialog = std::move(request);
}

void LabApp::runPendingDialog() {
  if (!m_pendingDialog) return;
  FileDialogRequest request = std::move(*m_pendingDialog);
  m_pendingDialog.reset();
  std::vector<desktop::FileFilter> filters;
  for (const auto& [name, patterns] : request.filters) filters.push_back({name, patterns});
  desktop::DialogResult result;
  using Mode = FileDialogRequest::Mode;
  switch (request.mode) {
    case Mode::kOpenOne:
    case Mode::kOpenMany:
      result = desktop::chooseOpenFiles(request.title, filters, request.startIn,
                                        request.mode == Mode::kOpenMany);
      break;
    case Mode::kSave:
      result = desktop::chooseSaveFile(request.title, filters, request.startIn);
      break;
    case Mode::kFolder:
      result = desktop::chooseFolder(request.title, request.startIn);
      break;
  }
  // The dialog had the window system's attention: make the lab's context current again and
  // start the next frame from fresh input.
  glfwMakeContextCurrent(m_window);
  m_lastInput = std::chrono::steady_clock::now();
  if (result.status == desktop::DialogResult::Status::kUnavailable) {
    m_pathPromptWhy = result.why;
    std::error_code ec;
    // A folder ends in '/', so that what is typed next goes inside it.
    m_pathPromptText = fs::is_directory(request.startIn, ec) ? (request.startIn / "").string()
                                                             : request.startIn.string();
    m_pathPrompt = std::move(request);
    return;
  }
  if (result.chosen()) request.then(result.paths);
}

// Where Qt cannot start: the path typed into a box, with the reason shown.
void LabApp::drawPathPrompt() {
  if (!m_pathPrompt) return;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.4f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.9f, 640.0f * m_fontScale), 0));
  bool open = true;
  ImGui::Begin((m_pathPrompt->title + "###pathprompt").c_str(), &open,
               ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
  ImGui::TextWrapped("No file dialog: %s. Type the path instead%s.", m_pathPromptWhy.c_str(),
                     m_pathPrompt->mode == FileDialogRequest::Mode::kOpenMany
                         ? " (several: separate them with ';')"
                         : "");
  ImGui::SetNextItemWidth(-1);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  const bool entered =
      ImGui::InputText("##typedpath", &m_pathPromptText, ImGuiInputTextFlags_EnterReturnsTrue);
  const bool ok = ImGui::Button("OK") || entered;
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) open = false;
  ImGui::End();
  if (ok && !m_pathPromptText.empty()) {
    std::vector<fs::path> paths;
    std::string rest = m_pathPromptText;
    while (!rest.empty()) {
      const auto semicolon = rest.find(';');
      std::string part = rest.substr(0, semicolon);
      const auto first = part.find_first_not_of(' ');
      if (first != std::string::npos) paths.emplace_back(part.substr(first));
      rest = semicolon == std::string::npos ? "" : rest.substr(semicolon + 1);
    }
    FileDialogRequest request = std::move(*m_pathPrompt);
    m_pathPrompt.reset();
    if (!paths.empty()) request.then(paths);
    return;
  }
  if (!open) m_pathPrompt.reset();
}

void LabApp::dialogOpenLessonOrRuns() {
  fs::path start = m_lessons.empty() ? lesson::assetsDirectory() / "lessons"
                                     : currentLesson()->file.parent_path();
  askForFile({FileDialogRequest::Mode::kOpenMany, "Open a lesson or runs", kLessonAndRunFilters,
              start, [this](const std::vector<fs::path>& paths) { openPaths(paths); }});
}

void LabApp::dialogExportView(std::optional<ImVec2> mouse) {
  std::string name = "view.png";
  if (const nlohmann::json* view = viewAt(m_layout, mouse)) {
    name = view->value("view", "view");
    std::replace_if(
        name.begin(), name.end(),
        [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    name += ".png";
  }
  askForFile(
      {FileDialogRequest::Mode::kSave,
       "Export the view as PNG",
       {{"PNG images", {"*.png"}}},
       fs::current_path() / name,
       [this, mouse](const std::vector<fs::path>& paths) { exportView(paths.front(), mouse); }});
}

void LabApp::copyViewToClipboard(std::optional<ImVec2> mouse) {
  m_captures.push_back({{}, mouse});
}

void LabApp::drawFileMenu() {
  // Opaque: the side panel's text must not show through the menu on a projector.
  ImGui::PushStyleColor(ImGuiCol_PopupBg, ImGui::GetStyleColorVec4(ImGuiCol_WindowBg));
  const bool open = ImGui::BeginPopup("##filemenu");
  ImGui::PopStyleColor();
  if (!open) return;
  using Mode = FileDialogRequest::Mode;
  if (ImGui::MenuItem("Open lesson...", "Ctrl+O")) dialogOpenLessonOrRuns();
  if (ImGui::MenuItem("Open run(s)...")) {
    askForFile({Mode::kOpenMany,
                "Open runs (their run.json; several to compare)",
                {{"Run files", {"run.json"}}},
                runsDirectory(),
                [this](const std::vector<fs::path>& paths) { openPaths(paths); }});
  }
  if (ImGui::MenuItem("Open sweep...")) {
    askForFile({Mode::kFolder,
                "Open a sweep folder",
                {},
                runsDirectory(),
                [this](const std::vector<fs::path>& paths) { openPaths(paths); }});
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("A folder of runs (a sweep): its runs are listed to pick from");
  const bool haveLesson = currentLesson() != nullptr;
  if (ImGui::MenuItem("Import data...", nullptr, false, haveLesson)) {
    askForFile({Mode::kOpenOne, "Import data into the lesson", kDataFilters, fs::current_path(),
                [this](const std::vector<fs::path>& paths) { importData(paths.front()); }});
  }
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("CSV points (GMM lessons), sequence text (HMM), IDX images (VAE, GAN)");
  ImGui::Separator();
  const bool haveViews = !m_runs.empty();
  if (ImGui::MenuItem("Export view...", "Ctrl+S", false, haveViews)) dialogExportView(std::nullopt);
  if (ImGui::MenuItem("Export curves...", nullptr, false, haveViews)) {
    askForFile({Mode::kSave,
                "Export the curves as CSV",
                {{"CSV", {"*.csv"}}},
                fs::current_path() / "curves.csv",
                [this](const std::vector<fs::path>& paths) { exportCurves(paths.front()); }});
  }
  if (ImGui::MenuItem("Export timeline...", nullptr, false, haveViews)) {
    askForFile({Mode::kSave,
                "Export the timeline as GIF",
                {{"GIF", {"*.gif"}}},
                fs::current_path() / "timeline.gif",
                [this](const std::vector<fs::path>& paths) { exportTimeline(paths.front()); }});
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("The focused run's main view over its recorded checkpoints");
  if (ImGui::MenuItem("Copy view as image", "Ctrl+C", false, haveViews))
    copyViewToClipboard(std::nullopt);
  ImGui::Separator();
  if (ImGui::BeginMenu("Recent files", !m_settings.recentFiles.empty())) {
    std::optional<fs::path> chosen;
    for (const auto& file : m_settings.recentFiles)
      if (ImGui::MenuItem(file.c_str())) chosen = file;
    ImGui::EndMenu();
    if (chosen) openPaths({*chosen});
  }
  ImGui::EndPopup();
}

void LabApp::finishCaptures() {
  if (m_captures.empty()) return;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  int fbWidth = 0;
  int fbHeight = 0;
  glfwGetFramebufferSize(m_window, &fbWidth, &fbHeight);
  const float sx = display.x > 0 ? static_cast<float>(fbWidth) / display.x : 1.0f;
  const float sy = display.y > 0 ? static_cast<float>(fbHeight) / display.y : 1.0f;
  // Those asked for during this frame wait for the next, which is drawn without hover.
  std::vector<ViewCapture> due;
  std::erase_if(m_captures, [&due](const ViewCapture& capture) {
    if (capture.due) due.push_back(capture);
    return capture.due;
  });
  for (const ViewCapture& capture : due) {
    if (!capture.png.empty()) {
      // A file: drawn again by the export renderer (ui/export), as E does: twice the
      // on-screen size with type to match, sharp on a slide rather than a screen grab.
      m_messages.push_back(
          m_export.quickExport(capture.mouse, m_fontScale, m_present, capture.png));
      continue;
    }
    const nlohmann::json* view = viewAt(m_layout, capture.mouse);
    if (view == nullptr) {
      m_messages.emplace_back(capture.mouse ? "no view under the mouse to copy"
                                            : "no view to export");
      continue;
    }
    const auto& r = (*view)["rect"];
    const int x = std::clamp(static_cast<int>(std::lround(r[0].get<float>() * sx)), 0, fbWidth);
    const int top = std::clamp(static_cast<int>(std::lround(r[1].get<float>() * sy)), 0, fbHeight);
    const int w = std::clamp(static_cast<int>(std::lround(r[2].get<float>() * sx)), 0, fbWidth - x);
    const int h =
        std::clamp(static_cast<int>(std::lround(r[3].get<float>() * sy)), 0, fbHeight - top);
    if (w <= 0 || h <= 0) continue;
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(x, fbHeight - top - h, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // The default framebuffer's alpha is whatever blending left: opaque for slides.
    for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;
    const std::string title = view->value("view", "view");
    // Top row first for the clipboard.
    std::vector<std::uint8_t> flipped(pixels.size());
    const std::size_t row = static_cast<std::size_t>(w) * 4;
    for (int y = 0; y < h; ++y)
      std::copy_n(pixels.data() + row * (h - 1 - y), row, flipped.data() + row * y);
    std::string why;
    if (desktop::copyImageToClipboard(flipped.data(), w, h, &why))
      m_messages.push_back("\"" + title + "\" copied as a " + std::to_string(w) + " x " +
                           std::to_string(h) + " image");
    else
      m_messages.push_back("not copied: " + why);
  }
}

}  // namespace genlab::lab
