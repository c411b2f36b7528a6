#include "ui/lab/lab_settings.h"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/run/run_writer.h"

namespace genlab::lab {

std::filesystem::path LabSettings::defaultFile() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
    return std::filesystem::path(xdg) / "genlab" / "lab.json";
  }
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home ? home : ".") / ".config" / "genlab" / "lab.json";
}

LabSettings LabSettings::load(const std::filesystem::path& file) {
  LabSettings settings;
  std::ifstream in(file);
  if (!in) return settings;
  const auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return settings;
  auto read = [&json](const char* key, auto& target) {
    if (!json.contains(key)) return;
    try {
      target = json.at(key).get<std::decay_t<decltype(target)>>();
    } catch (const nlohmann::json::exception&) {
      // A stale or hand-edited value: keep the default.
    }
  };
  read("window_x", settings.windowX);
  read("window_y", settings.windowY);
  read("window_width", settings.windowWidth);
  read("window_height", settings.windowHeight);
  read("present", settings.present);
  read("last_lesson", settings.lastLesson);
  read("side_panel_fraction", settings.sidePanelFraction);
  read("hidden_views", settings.hiddenViews);
  read("runs_directory", settings.runsDirectory);
  read("record_runs", settings.recordRuns);
  read("recent_files", settings.recentFiles);
  read("memory_budget", settings.memoryBudget);
  settings.windowWidth = std::max(settings.windowWidth, 640);
  settings.windowHeight = std::max(settings.windowHeight, 480);
  settings.sidePanelFraction = std::clamp(settings.sidePanelFraction, 0.12f, 0.5f);
  return settings;
}

void LabSettings::save(const std::filesystem::path& file) const {
  const nlohmann::json json = {{"window_x", windowX},
                               {"window_y", windowY},
                               {"window_width", windowWidth},
                               {"window_height", windowHeight},
                               {"present", present},
                               {"last_lesson", lastLesson},
                               {"side_panel_fraction", sidePanelFraction},
                               {"hidden_views", hiddenViews},
                               {"runs_directory", runsDirectory},
                               {"record_runs", recordRuns},
                               {"recent_files", recentFiles},
                               {"memory_budget", memoryBudget}};
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  try {
    run::writeFileAtomically(file, json.dump(2) + "\n");
  } catch (const std::exception&) {
    // Not being able to remember the layout is not worth interrupting anyone for.
  }
}

}  // namespace genlab::lab
