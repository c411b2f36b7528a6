// The sweep view's place in the lab: opening a sweep folder, its controls in the side panel,
// its plots where the views go, and a click on a point opening that point's runs in compare
// mode (the sweep stays open: "Back to the sweep" returns to it).

#include <imgui.h>

#include <iostream>

#include "ui/lab/lab_app.h"

namespace genlab::lab {

void LabApp::openSweep(const std::filesystem::path& folder) {
  try {
    m_sweepView.open(folder);
    m_showSweep = true;
    m_openError.clear();
    rememberRecent(folder);
    for (const auto& problem : m_sweepView.sweep().problems)
      std::cerr << "genlab: " << problem << '\n';
  } catch (const std::exception& error) {
    m_openError = error.what();
    std::cerr << "genlab: " << error.what() << '\n';
  }
}

void LabApp::openFromSweep(const std::vector<std::filesystem::path>& folders) {
  if (folders.empty()) return;
  m_runs.clear();
  openRecordedRuns(folders);
}

void LabApp::drawSweepControls() {
  if (!m_openError.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.05f, 1.0f));
    ImGui::TextWrapped("This could not be opened:\n%s", m_openError.c_str());
    ImGui::PopStyleColor();
  }
  const auto folders = m_sweepView.drawControls(m_fontScale);
  if (!m_runs.empty() && ImGui::Button(compareMode() ? "Back to compare mode" : "Back to the run"))
    m_showSweep = false;
  openFromSweep(folders);
}

void LabApp::drawSweepPlots(float x, float y, float width, float height) {
  const auto folders = m_sweepView.drawPlots({x, y, width, height}, m_canvasStyle, m_layout);
  openFromSweep(folders);
}

}  // namespace genlab::lab
