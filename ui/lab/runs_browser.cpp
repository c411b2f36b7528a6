#include "ui/lab/runs_browser.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/run/sweep_catalog.h"

namespace genlab::lab {
namespace {

std::string changedText(const nlohmann::json& changed) {
  std::string text;
  for (const auto& [key, value] : changed.items()) {
    std::string shown = value.is_string() ? value.get<std::string>() : value.dump();
    if (value.is_number_float()) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.4g", value.get<double>());
      shown = buffer;
    }
    text += (text.empty() ? "" : ", ") + key + "=" + shown;
  }
  return text;
}

std::string metricsText(const run::RunSummary& s) {
  std::string text;
  for (std::size_t i = 0; i < s.lastMetrics.size() && i < s.metricNames.size() && i < 2; ++i) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s%s %.4g", text.empty() ? "" : ", ",
                  s.metricNames[i].c_str(), s.lastMetrics[i]);
    text += buffer;
  }
  return text;
}

bool matches(const run::RunSummary& s, const std::string& filter) {
  if (filter.empty()) return true;
  const std::string haystack = s.info.folder.filename().string() + " " + s.info.lessonId + " " +
                               s.info.title + " " + s.info.model + " " + s.info.status + " " +
                               changedText(s.changedSettings);
  auto lower = [](std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
  };
  return lower(haystack).find(lower(filter)) != std::string::npos;
}

}  // namespace

void RunsBrowser::open(const std::filesystem::path& directory) {
  m_directory = directory;
  std::snprintf(m_directoryText, sizeof m_directoryText, "%s", directory.c_str());
  m_visible = true;
  refresh();
}

void RunsBrowser::refresh() {
  m_problems.clear();
  m_runs = run::listRuns(m_directory, m_problems);
  m_selected.assign(m_runs.size(), false);
  m_isSweep = run::isSweepFolder(m_directory);
}

void RunsBrowser::sortRows(int column, bool ascending) {
  std::vector<std::size_t> order(m_runs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto key = [&](const run::RunSummary& s) -> std::string {
    switch (column) {
      case 1:
        return s.info.folder.filename().string();
      case 2:
        return s.info.lessonId;
      case 3:
        return changedText(s.changedSettings);
      case 5:
        return s.info.status;
      case 7:
        return s.info.started;
      default:
        return {};
    }
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = m_runs[a];
    const auto& y = m_runs[b];
    bool less = false;
    if (column == 4)
      less = x.lastStep < y.lastStep;
    else if (column == 6)
      less = (x.lastMetrics.empty() ? -1e300 : x.lastMetrics[0]) <
             (y.lastMetrics.empty() ? -1e300 : y.lastMetrics[0]);
    else
      less = key(x) < key(y);
    const bool greater = column == 4   ? y.lastStep < x.lastStep
                         : column == 6 ? (y.lastMetrics.empty() ? -1e300 : y.lastMetrics[0]) <
                                             (x.lastMetrics.empty() ? -1e300 : x.lastMetrics[0])
                                       : key(y) < key(x);
    return ascending ? less : greater;
  });
  std::vector<run::RunSummary> runs;
  std::vector<bool> selected;
  for (std::size_t i : order) {
    runs.push_back(std::move(m_runs[i]));
    selected.push_back(m_selected[i]);
  }
  m_runs = std::move(runs);
  m_selected = std::move(selected);
}

std::vector<std::filesystem::path> RunsBrowser::draw(float fontScale) {
  std::vector<std::filesystem::path> chosen;
  if (!m_visible) return chosen;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(display.x * 0.86f, display.y * 0.78f), ImGuiCond_Appearing);
  if (!ImGui::Begin("Runs", &m_visible,
                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return chosen;
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Folder");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  if (ImGui::InputText("##runsdir", m_directoryText, sizeof m_directoryText,
                       ImGuiInputTextFlags_EnterReturnsTrue)) {
    m_directory = m_directoryText;
    refresh();
  }
  ImGui::SameLine();
  if (ImGui::Button("Refresh")) refresh();
  ImGui::SameLine();
  ImGui::SetNextItemWidth(220.0f * fontScale);
  ImGui::InputTextWithHint("##filter", "filter: lesson, beta=4, failed...", m_filter,
                           sizeof m_filter);
  int selectedCount = 0;
  for (bool s : m_selected) selectedCount += s ? 1 : 0;
  ImGui::SameLine();
  ImGui::BeginDisabled(selectedCount == 0 || selectedCount > 4);
  char openLabel[48];
  std::snprintf(openLabel, sizeof openLabel, selectedCount > 1 ? "Compare %d" : "Open %d",
                selectedCount);
  if (ImGui::Button(openLabel)) {
    for (std::size_t i = 0; i < m_runs.size(); ++i)
      if (m_selected[i]) chosen.push_back(m_runs[i].info.folder);
    m_visible = false;
  }
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Select one run to open it, or two to four to compare them");
  if (m_isSweep) {
    ImGui::SameLine();
    if (ImGui::Button("Open as sweep")) {
      m_openSweep = m_directory;
      m_visible = false;
    }
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("This folder is a sweep: plot a metric against the swept settings");
  }

  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
  const float footer = m_problems.empty() ? 0.0f : ImGui::GetTextLineHeightWithSpacing() * 2.0f;
  if (ImGui::BeginTable("runs", 8, flags, ImVec2(0, -footer))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed,
                            28.0f * fontScale);
    ImGui::TableSetupColumn("run", 0, 2.2f);
    ImGui::TableSetupColumn("lesson", 0, 1.4f);
    ImGui::TableSetupColumn("changed settings", 0, 1.8f);
    ImGui::TableSetupColumn("steps", 0, 0.7f);
    ImGui::TableSetupColumn("status", 0, 0.9f);
    ImGui::TableSetupColumn("final metrics", 0, 2.0f);
    ImGui::TableSetupColumn(
        "started", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending,
        1.4f);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
      if (specs->SpecsCount > 0)
        sortRows(specs->Specs[0].ColumnIndex,
                 specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending);
      specs->SpecsDirty = false;
    }
    const std::string filter = m_filter;
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
      const auto& s = m_runs[i];
      if (!matches(s, filter)) continue;
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::PushID(static_cast<int>(i));
      bool selected = m_selected[i];
      if (ImGui::Checkbox("##sel", &selected)) m_selected[i] = selected;
      ImGui::PopID();
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(s.info.folder.filename().c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.info.folder.c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(s.info.lessonId.c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.info.title.c_str());
      ImGui::TableSetColumnIndex(3);
      ImGui::TextUnformatted(changedText(s.changedSettings).c_str());
      ImGui::TableSetColumnIndex(4);
      ImGui::Text("%lld", static_cast<long long>(std::max<std::int64_t>(s.lastStep, 0)));
      ImGui::TableSetColumnIndex(5);
      ImGui::TextUnformatted(s.info.status.c_str());
      if (!s.info.message.empty() && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", s.info.message.c_str());
      ImGui::TableSetColumnIndex(6);
      ImGui::TextUnformatted(metricsText(s).c_str());
      ImGui::TableSetColumnIndex(7);
      ImGui::TextUnformatted(s.info.started.c_str());
    }
    ImGui::EndTable();
  }
  if (!m_problems.empty()) {
    ImGui::TextDisabled("%zu folder(s) could not be read, e.g. %s", m_problems.size(),
                        m_problems.front().c_str());
  }
  ImGui::End();
  return chosen;
}

}  // namespace genlab::lab
