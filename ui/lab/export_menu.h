#pragma once
// The lab's exports, a thin caller of ui/export: E saves the view under the mouse as a PNG at
// twice its on-screen size (sharp for slides) into defaultExportFolder(); Shift+E opens a small
// window to choose the size, the scale and presentation style, and to save the curves of every
// open run as CSV. The File menu (Qt) calls the same functions with paths from its dialogs.
//
// For the UI thread, inside the lab's ImGui frame.

#include <imgui.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/run/curves_csv.h"
#include "ui/export/view_render.h"
#include "ui/lab/open_run.h"

namespace genlab::lab {

// A view as drawn this frame: what it showed and where (window pixels).
struct ExportTarget {
  OpenRun* run = nullptr;
  views::View* view = nullptr;
  train::SnapshotPtr snapshot;
  bool past = false;
  ImVec2 min;
  ImVec2 size;
};

// ~/Pictures/genlab when ~/Pictures exists, else ~/genlab-exports (created on first use).
std::filesystem::path defaultExportFolder();

// "<run>-<view slug>-step<N>.png" in `folder`, with "-2", "-3", ... when that file exists.
std::filesystem::path freeExportPath(const std::filesystem::path& folder,
                                     const ExportTarget& target);

// Draws `target`'s view with `settings` and writes it as a PNG (std::runtime_error naming the
// path on failure).
void exportViewPng(const ExportTarget& target, const exporting::RenderSettings& settings,
                   const std::filesystem::path& file);

// The metrics of the open runs (live ones as trained so far), named by their labels.
std::vector<run::CurveSource> curveSources(const std::vector<std::unique_ptr<OpenRun>>& runs);

class ExportMenu {
 public:
  // The views drawn this frame; called as each view panel is drawn.
  void clearTargets() { m_targets.clear(); }
  void addTarget(ExportTarget target) { m_targets.push_back(std::move(target)); }
  // The view under `point`, if any (of the last frame drawn).
  const ExportTarget* targetAt(ImVec2 point) const;

  // E: the view under the mouse (unset: the first drawn, the main view), at twice its size and
  // at `labScale` x 2, into `file` (empty: a new name in defaultExportFolder()). Returns the
  // message for the status bar.
  std::string quickExport(std::optional<ImVec2> mouse, float labScale, bool present,
                          const std::filesystem::path& file = {});
  // Shift+E: opens the export window for the view under the mouse.
  void openWindow(ImVec2 mouse, float labScale, bool present);
  // Once a frame: the export window, while open. Messages go to `messages`.
  void draw(const std::vector<std::unique_ptr<OpenRun>>& runs, std::vector<std::string>& messages);

 private:
  std::vector<ExportTarget> m_targets;
  bool m_open = false;
  std::optional<ExportTarget> m_chosen;
  int m_size[2] = {1600, 900};
  float m_scale = 2.0f;
  bool m_present = false;
  char m_folder[512] = {};
};

}  // namespace genlab::lab
