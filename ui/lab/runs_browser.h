#pragma once
// The runs browser: every run under the runs folder in a table (lesson, the settings that tell
// it apart, steps, status, final metrics, start time), sortable by any column and filtered by
// text, with several selectable; "Open" hands the chosen folders to the lab. A folder that is a
// sweep can be opened whole in the sweep view.

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/run/run_catalog.h"

namespace genlab::lab {

class RunsBrowser {
 public:
  void open(const std::filesystem::path& directory);
  bool visible() const { return m_visible; }
  void close() { m_visible = false; }
  // Draws the window (when visible); returns the folders to open when "Open" was pressed.
  std::vector<std::filesystem::path> draw(float fontScale);
  // The folder to open in the sweep view, once, after "Open as sweep" was pressed.
  std::optional<std::filesystem::path> takeSweep() { return std::exchange(m_openSweep, {}); }

 private:
  void refresh();
  void sortRows(int column, bool ascending);

  bool m_visible = false;
  std::filesystem::path m_directory;
  std::vector<run::RunSummary> m_runs;
  std::vector<std::string> m_problems;
  std::vector<bool> m_selected;
  bool m_isSweep = false;  // m_directory is a sweep folder (core/run/sweep_catalog.h)
  std::optional<std::filesystem::path> m_openSweep;
  char m_filter[128] = {};
  char m_directoryText[512] = {};
};

}  // namespace genlab::lab
