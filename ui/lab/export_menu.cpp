#include "ui/lab/export_menu.h"

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "ui/export/run_export.h"
#include "ui/gl/png.h"

namespace genlab::lab {
namespace fs = std::filesystem;

fs::path defaultExportFolder() {
  const char* home = std::getenv("HOME");
  const fs::path base = home && *home ? fs::path(home) : fs::temp_directory_path();
  std::error_code error;
  return fs::is_directory(base / "Pictures", error) ? base / "Pictures" / "genlab"
                                                    : base / "genlab-exports";
}

fs::path freeExportPath(const fs::path& folder, const ExportTarget& target) {
  const std::string stem = exporting::viewSlug(target.run->label()) + "-" +
                           exporting::viewSlug(target.view->title()) + "-step" +
                           std::to_string(target.snapshot ? target.snapshot->step : 0);
  fs::path path = folder / (stem + ".png");
  for (int n = 2; fs::exists(path); ++n) path = folder / (stem + "-" + std::to_string(n) + ".png");
  return path;
}

void exportViewPng(const ExportTarget& target, const exporting::RenderSettings& settings,
                   const fs::path& file) {
  const exporting::ViewInputs inputs{target.run->session(), target.snapshot, target.run->metrics(),
                                     target.run->lesson(), target.past};
  gl::writePng(file, exporting::renderView(*target.view, inputs, settings));
}

std::vector<run::CurveSource> curveSources(const std::vector<std::unique_ptr<OpenRun>>& runs) {
  std::vector<run::CurveSource> sources;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    std::string name = runs[i]->label();
    for (const auto& other : sources)
      if (other.name == name) {  // two unrecorded live runs
        name += ' ';
        name += std::to_string(i + 1);
      }
    sources.push_back({name, runs[i]->metrics().columns(), runs[i]->metrics().rows()});
  }
  return sources;
}

const ExportTarget* ExportMenu::targetAt(ImVec2 point) const {
  for (const ExportTarget& target : m_targets) {
    if (point.x >= target.min.x && point.y >= target.min.y &&
        point.x < target.min.x + target.size.x && point.y < target.min.y + target.size.y)
      return &target;
  }
  return nullptr;
}

std::string ExportMenu::quickExport(std::optional<ImVec2> mouse, float labScale, bool present,
                                    const fs::path& file) {
  const ExportTarget* target =
      mouse ? targetAt(*mouse) : (m_targets.empty() ? nullptr : &m_targets.front());
  if (!target) return "Export: point at a view and press E (Shift+E: choose the size)";
  exporting::RenderSettings settings;
  settings.width = static_cast<int>(std::lround(target->size.x * 2.0f));
  settings.height = static_cast<int>(std::lround(target->size.y * 2.0f));
  settings.scale = 2.0f * labScale;
  settings.present = present;
  try {
    fs::path chosen = file;
    if (chosen.empty()) {
      const fs::path folder = defaultExportFolder();
      fs::create_directories(folder);
      chosen = freeExportPath(folder, *target);
    }
    exportViewPng(*target, settings, chosen);
    return "Exported " + target->view->title() + " to " + chosen.string();
  } catch (const std::exception& error) {
    return std::string("Export failed: ") + error.what();
  }
}

void ExportMenu::openWindow(ImVec2 mouse, float labScale, bool present) {
  const ExportTarget* target = targetAt(mouse);
  m_chosen = target ? std::optional<ExportTarget>(*target) : std::nullopt;
  if (target) {
    m_size[0] = static_cast<int>(std::lround(target->size.x * 2.0f));
    m_size[1] = static_cast<int>(std::lround(target->size.y * 2.0f));
  }
  m_scale = 2.0f * labScale;
  m_present = present;
  if (m_folder[0] == '\0')
    std::strncpy(m_folder, defaultExportFolder().c_str(), sizeof m_folder - 1);
  m_open = true;
}

void ExportMenu::draw(const std::vector<std::unique_ptr<OpenRun>>& runs,
                      std::vector<std::string>& messages) {
  if (!m_open) return;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  if (!ImGui::Begin("Export", &m_open,
                    ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  // The run may have been closed since the window opened: export only a view still open.
  bool stillOpen = false;
  for (const auto& run : runs) stillOpen = stillOpen || (m_chosen && run.get() == m_chosen->run);
  if (m_chosen && stillOpen) {
    ImGui::Text("View: %s  (%s)", m_chosen->view->title().c_str(), m_chosen->run->label().c_str());
    ImGui::InputInt2("Size (pixels)", m_size);
    m_size[0] = std::clamp(m_size[0], 16, 16384);
    m_size[1] = std::clamp(m_size[1], 16, 16384);
    const int presets[3][2] = {{1920, 1080},
                               {3840, 2160},
                               {static_cast<int>(std::lround(m_chosen->size.x * 2.0f)),
                                static_cast<int>(std::lround(m_chosen->size.y * 2.0f))}};
    const char* names[3] = {"1920 x 1080", "3840 x 2160", "2x on screen"};
    for (int i = 0; i < 3; ++i) {
      if (i > 0) ImGui::SameLine();
      if (ImGui::Button(names[i])) {
        m_size[0] = presets[i][0];
        m_size[1] = presets[i][1];
      }
    }
    ImGui::SliderFloat("Scale (type and strokes)", &m_scale, 0.5f, 8.0f, "%.2fx");
    ImGui::Checkbox("Presentation style", &m_present);
  } else {
    ImGui::TextDisabled("No view chosen: point at a view and press Shift+E.");
  }
  ImGui::InputText("Folder", m_folder, sizeof m_folder);
  const fs::path folder(m_folder);
  if (m_chosen && stillOpen && ImGui::Button("Export PNG")) {
    try {
      fs::create_directories(folder);
      const fs::path file = freeExportPath(folder, *m_chosen);
      exportViewPng(*m_chosen, {m_size[0], m_size[1], m_scale, m_present, {}}, file);
      messages.push_back("Exported " + m_chosen->view->title() + " to " + file.string());
    } catch (const std::exception& error) {
      messages.push_back(std::string("Export failed: ") + error.what());
    }
  }
  if (m_chosen && stillOpen) ImGui::SameLine();
  if (ImGui::Button("Export curves CSV (every open run)")) {
    try {
      fs::create_directories(folder);
      const fs::path file = folder / "curves.csv";
      run::writeCurvesCsv(curveSources(runs), file);
      messages.push_back("Exported the curves of " + std::to_string(runs.size()) + " run(s) to " +
                         file.string());
    } catch (const std::exception& error) {
      messages.push_back(std::string("Export failed: ") + error.what());
    }
  }
  ImGui::End();
}

}  // namespace genlab::lab
