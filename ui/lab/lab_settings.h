#pragma once
// What the lab remembers between runs (window size and place, presentation mode, the last
// lesson, which views are shown), in $XDG_CONFIG_HOME/genlab/lab.json (default ~/.config).
// Scripted runs neither read nor write it, so tests do not depend on who ran the lab before.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace genlab::lab {

struct LabSettings {
  int windowX = -1;  // -1: let the window manager place it
  int windowY = -1;
  int windowWidth = 1280;
  int windowHeight = 800;
  bool present = false;
  std::string lastLesson;                   // lesson file path
  float sidePanelFraction = 0.24f;          // share of the window width
  std::map<std::string, bool> hiddenViews;  // view title -> hidden
  std::string runsDirectory;                // empty: run::defaultRunsDirectory()
  bool recordRuns = true;                   // the lab records what it trains as run folders
  std::vector<std::string> recentFiles;     // opened or imported, most recent first
  std::string memoryBudget;  // "512M": bytes for timelines, metrics and caches (memory_budget.h)

  static std::filesystem::path defaultFile();
  // Missing or unreadable files give the defaults (a bad settings file must not stop the lab).
  static LabSettings load(const std::filesystem::path& file);
  void save(const std::filesystem::path& file) const;
};

}  // namespace genlab::lab
