// Compare mode: the same view of each open run side by side at equal size, the runs' curves on
// one chart, and the settings that tell them apart; plus the side panel's list of open runs.

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "ui/lab/fit_label.h"
#include "ui/lab/lab_app.h"
#include "ui/lab/layout_report.h"
#include "ui/lab/panel_layout.h"
#include "ui/views/panel_widgets.h"

namespace genlab::lab {
namespace {

ImVec4 toImVec4(const gl::Color& c) {
  return ImVec4(c.r, c.g, c.b, c.a);
}

std::string valueText(const nlohmann::json& value) {
  if (value.is_null()) return "-";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_float()) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value.get<double>());
    return buffer;
  }
  return value.dump();
}

// Settings whose values differ between the runs (all settings with `all`), in key order.
std::vector<std::string> settingKeys(const std::vector<nlohmann::json>& settings, bool all) {
  std::set<std::string> keys;
  for (const auto& s : settings)
    for (const auto& [key, value] : s.items()) keys.insert(key);
  std::vector<std::string> out;
  for (const auto& key : keys) {
    bool differs = false;
    for (const auto& s : settings)
      differs =
          differs || !s.contains(key) || s[key] != settings.front().value(key, nlohmann::json());
    if (all || differs) out.push_back(key);
  }
  return out;
}

// "beta=4, k=5": the differing settings of one run, for its caption.
std::string distinguishing(const nlohmann::json& settings, const std::vector<std::string>& keys) {
  std::string text;
  for (const auto& key : keys) {
    if (key == "load") continue;
    text +=
        (text.empty() ? "" : ", ") + key + "=" + valueText(settings.value(key, nlohmann::json()));
  }
  return text;
}

}  // namespace

std::string LabApp::runDisplayLabel(std::size_t index) const {
  // Asked for many times a frame (captions, legend, table, side panel): worked out once a frame.
  if (m_runLabelsFrame != ImGui::GetFrameCount() || m_runLabels.size() != m_runs.size()) {
    m_runLabelsFrame = ImGui::GetFrameCount();
    m_runLabels.clear();
    std::vector<nlohmann::json> settings;
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
      const std::string own = m_runs[i]->label();
      bool unique = true;
      for (std::size_t j = 0; j < m_runs.size(); ++j)
        unique = unique && (i == j || m_runs[j]->label() != own);
      if (unique) {
        m_runLabels.push_back(own);
        continue;
      }
      // Two unrecorded live runs are both "live": name them by what sets them apart.
      if (settings.empty())
        for (const auto& run : m_runs) settings.push_back(run->settings());
      const std::string apart = distinguishing(settings[i], settingKeys(settings, false));
      m_runLabels.push_back(apart.empty() ? own + " #" + std::to_string(i + 1) : apart);
    }
  }
  return m_runLabels[index];
}

void LabApp::drawRunViewPanel(OpenRun& run, std::size_t runIndex, views::View& view, float x,
                              float y, float width, float height, const std::string& caption) {
  placeNextWindow(x, y, width, height);
  const train::SnapshotPtr snapshot = run.snapshotFor(m_scrubStep);
  const std::int64_t shown = snapshot ? snapshot->step : -1;
  const std::string title = runDisplayLabel(runIndex) + "  \xC2\xB7  " + view.title() +
                            "###compare" + std::to_string(runIndex);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(4, 2));
  ImGui::Begin(title.c_str(), nullptr,
               kPanelFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
  const ViewReport report;
  const gl::Color color = m_canvasStyle.palette.seriesColor(static_cast<int>(runIndex));
  ImGui::TextColored(toImVec4(color), "\xE2\x96\xA0");
  ImGui::SameLine();
  char stepText[96];
  if (m_scrubStep && shown != *m_scrubStep)
    std::snprintf(stepText, sizeof stepText, "step %lld (nearest to %lld)",
                  static_cast<long long>(shown), static_cast<long long>(*m_scrubStep));
  else
    std::snprintf(stepText, sizeof stepText, "step %lld", static_cast<long long>(shown));
  ImGui::TextUnformatted(caption.empty() ? stepText : (caption + "   " + stepText).c_str());
  if (run.loading()) {
    ImGui::SameLine();
    ImGui::TextDisabled("(loading)");
  }
  views::ViewContext context{run.session(), snapshot,      showsPast(run, snapshot),
                             run.metrics(), m_canvasStyle, run.lesson()};
  context.linked = &m_linkedViewState;
  m_export.addTarget({&run, &view, snapshot, context.scrubbing, ImGui::GetCursorScreenPos(),
                      ImGui::GetContentRegionAvail()});
  view.draw(context, ImGui::GetContentRegionAvail());
  m_layout.push_back(report.finish(withPicture({{"run", run.folder().string()},
                                                {"label", run.label()},
                                                {"view", view.title()},
                                                {"step", shown},
                                                {"rect", {x, y, width, height}}},
                                               view)));
  ImGui::End();
}

void LabApp::drawOverlaidPanel(views::View& view, float x, float y, float width, float height) {
  placeNextWindow(x, y, width, height);
  const std::string title = view.title() + ": every run in one picture###compareoverlay";
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(4, 2));
  ImGui::Begin(title.c_str(), nullptr,
               kPanelFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
  const ViewReport report;
  std::vector<views::Overlay> overlays;
  nlohmann::json steps = nlohmann::json::array();
  nlohmann::json runs = nlohmann::json::array();
  for (std::size_t i = 0; i < m_runs.size(); ++i) {
    const train::SnapshotPtr snapshot = m_runs[i]->snapshotFor(m_scrubStep);
    overlays.push_back(
        {snapshot, m_canvasStyle.palette.seriesColor(static_cast<int>(i)), runDisplayLabel(i)});
    steps.push_back(snapshot ? snapshot->step : -1);
    runs.push_back(m_runs[i]->folder().string());
  }
  OpenRun& first = *m_runs.front();
  views::ViewContext context{
      first.session(), overlays.front().snapshot, true, first.metrics(), m_canvasStyle,
      first.lesson()};
  context.overlays = std::move(overlays);
  view.draw(context, ImGui::GetContentRegionAvail());
  m_layout.push_back(report.finish({{"view", view.title()},
                                    {"overlay", true},
                                    {"runs", runs},
                                    {"steps", steps},
                                    {"rect", {x, y, width, height}}}));
  ImGui::End();
}

void LabApp::drawSwipePanel(std::size_t viewIndex, float x, float y, float width, float height) {
  placeNextWindow(x, y, width, height);
  auto viewsA = m_runs[0]->ui().views();
  auto viewsB = m_runs[1]->ui().views();
  views::View& a = *viewsA[std::min(viewIndex, viewsA.size() - 1)];
  views::View& b = *viewsB[std::min(viewIndex, viewsB.size() - 1)];
  const std::string title = a.title() + ": swipe between the two runs###compareswipe";
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(4, 2));
  ImGui::Begin(title.c_str(), nullptr,
               kPanelFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
  const gl::Color colorA = m_canvasStyle.palette.seriesColor(0);
  const gl::Color colorB = m_canvasStyle.palette.seriesColor(1);
  ImGui::TextColored(toImVec4(colorA), "\xE2\x97\x80 %s", runDisplayLabel(0).c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("|  drag the divider  |");
  ImGui::SameLine();
  ImGui::TextColored(toImVec4(colorB), "%s \xE2\x96\xB6", runDisplayLabel(1).c_str());
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size = ImGui::GetContentRegionAvail();
  // The divider is dragged with the raw mouse, before the views take the input: the pictures
  // lie on top of one another and the first of them would claim the hover.
  const ImGuiIO& io = ImGui::GetIO();
  const float divider = origin.x + size.x * m_compare.swipeAt;
  const bool inside = io.MousePos.y >= origin.y && io.MousePos.y <= origin.y + size.y;
  const float grab = 8.0f * m_fontScale;
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && inside &&
      std::abs(io.MousePos.x - divider) <= grab && ImGui::IsWindowHovered())
    m_compare.draggingSwipe = true;
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) m_compare.draggingSwipe = false;
  if (m_compare.draggingSwipe && size.x > 0)
    m_compare.swipeAt = std::clamp((io.MousePos.x - origin.x) / size.x, 0.0f, 1.0f);

  const float at = origin.x + size.x * m_compare.swipeAt;
  train::SnapshotPtr snapshots[2];
  for (std::size_t i = 0; i < 2; ++i) {
    OpenRun& run = *m_runs[i];
    snapshots[i] = run.snapshotFor(m_scrubStep);
    views::ViewContext context{run.session(), snapshots[i],  showsPast(run, snapshots[i]),
                               run.metrics(), m_canvasStyle, run.lesson()};
    context.linked = &m_linkedViewState;
    ImGui::SetCursorScreenPos(origin);
    ImGui::PushID(static_cast<int>(i));
    // Run A shows left of the divider, run B right of it.
    const ImVec2 clipMin = i == 0 ? origin : ImVec2(at, origin.y);
    const ImVec2 clipMax =
        i == 0 ? ImVec2(at, origin.y + size.y) : ImVec2(origin.x + size.x, origin.y + size.y);
    ImGui::PushClipRect(clipMin, clipMax, true);
    (i == 0 ? a : b).draw(context, size);
    ImGui::PopClipRect();
    ImGui::PopID();
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddLine(ImVec2(at, origin.y), ImVec2(at, origin.y + size.y), IM_COL32(255, 255, 255, 255),
                5.0f * m_fontScale);
  draw->AddLine(ImVec2(at, origin.y), ImVec2(at, origin.y + size.y), IM_COL32(20, 20, 20, 255),
                2.0f * m_fontScale);
  draw->AddCircleFilled(ImVec2(at, origin.y + size.y * 0.5f), grab, IM_COL32(20, 20, 20, 255));
  ImGui::End();
  m_layout.push_back(
      {{"view", a.title()},
       {"swipe", m_compare.swipeAt},
       {"runs", {m_runs[0]->folder().string(), m_runs[1]->folder().string()}},
       {"steps", {snapshots[0] ? snapshots[0]->step : -1, snapshots[1] ? snapshots[1]->step : -1}},
       {"rect", {x, y, width, height}}});
}

std::vector<std::string> LabApp::compareMetricNames() const {
  std::vector<std::string> names;
  for (const auto& run : m_runs)
    for (const auto& name : run->metrics().columns())
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  return names;
}

void LabApp::drawCurveControls() {
  const std::vector<std::string> metricNames = compareMetricNames();
  if (metricNames.empty()) return;
  views::sectionHeader("Curves");
  m_compare.metricIndex =
      std::clamp(m_compare.metricIndex, 0, static_cast<int>(metricNames.size()) - 1);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##metric",
                        metricNames[static_cast<std::size_t>(m_compare.metricIndex)].c_str())) {
    for (std::size_t i = 0; i < metricNames.size(); ++i)
      if (ImGui::Selectable(metricNames[i].c_str(), static_cast<int>(i) == m_compare.metricIndex))
        m_compare.metricIndex = static_cast<int>(i);
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
  ImGui::SliderFloat("smoothing", &m_compare.smoothing, 0.0f, 0.99f, "%.2f");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Debiased moving average; accounts for uneven step spacing");
  ImGui::Checkbox("x: wall time", &m_compare.wallTime);
  ImGui::SetNextItemWidth(-1);
  const std::string baselineLabel =
      m_compare.baseline >= 0 && m_compare.baseline < static_cast<int>(m_runs.size())
          ? "minus " + runDisplayLabel(static_cast<std::size_t>(m_compare.baseline))
          : "no baseline";
  if (ImGui::BeginCombo("##baseline", baselineLabel.c_str())) {
    if (ImGui::Selectable("no baseline", m_compare.baseline < 0)) m_compare.baseline = -1;
    for (std::size_t i = 0; i < m_runs.size(); ++i)
      if (ImGui::Selectable(("minus " + runDisplayLabel(i)).c_str(),
                            static_cast<int>(i) == m_compare.baseline))
        m_compare.baseline = static_cast<int>(i);
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Draw each run minus a baseline run");
}

void LabApp::drawDifferencePanels(std::size_t viewIndex, float x, float y, float width,
                                  float height, const std::string& captionA,
                                  const std::string& captionB) {
  auto viewsA = m_runs[0]->ui().views();
  auto viewsB = m_runs[1]->ui().views();
  views::View& a = *viewsA[std::min(viewIndex, viewsA.size() - 1)];
  views::View& b = *viewsB[std::min(viewIndex, viewsB.size() - 1)];
  const float third = std::floor(width / 3.0f);
  drawRunViewPanel(*m_runs[0], 0, a, x, y, third, height, captionA);
  drawRunViewPanel(*m_runs[1], 1, b, x + third, y, third, height, captionB);

  placeNextWindow(x + 2 * third, y, width - 2 * third, height);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(4, 2));
  ImGui::Begin("|A - B|: where the two pictures differ###comparedifference", nullptr,
               kPanelFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
  const views::ImageTiles* tilesA = a.picture();
  const views::ImageTiles* tilesB = b.picture();
  double meanAbs = -1.0;
  if (tilesA && tilesB && !tilesA->empty() && tilesA->textureWidth() == tilesB->textureWidth() &&
      tilesA->textureHeight() == tilesB->textureHeight() &&
      tilesA->texels().size() == tilesB->texels().size()) {
    // The grids as drawn (same layout, same gaps): per texel |A - B| of the grey level.
    const auto& ta = tilesA->texels();
    const auto& tb = tilesB->texels();
    const int w = tilesA->textureWidth();
    const int h = tilesA->textureHeight();
    std::vector<float> difference(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    std::uint64_t hash = 1469598103934665603ull;
    double total = 0.0;
    for (std::size_t i = 0; i < difference.size(); ++i) {
      const int d = std::abs(static_cast<int>(ta[4 * i]) - static_cast<int>(tb[4 * i]));
      difference[i] = static_cast<float>(d) / 255.0f;
      total += difference[i];
      hash = (hash ^ static_cast<std::uint64_t>(d)) * 1099511628211ull;
    }
    meanAbs = total / static_cast<double>(difference.size());
    // Differences are often faint (a few grey levels): white is the largest one in the picture.
    const float largest = *std::max_element(difference.begin(), difference.end());
    if (largest > 0.0f)
      for (float& d : difference) d /= largest;
    m_compare.differenceTiles.set(difference, 1, h, w, 1, hash);
    ImGui::TextWrapped(
        "mean |A - B| = %.4f; black: the same, white: the largest difference "
        "(%.3f)",
        meanAbs, static_cast<double>(largest));
    m_compare.differenceTiles.draw(ImGui::GetContentRegionAvail());
  } else {
    ImGui::TextWrapped("The two runs' pictures differ in size or have not been drawn yet.");
  }
  ImGui::End();
  m_layout.push_back({{"view", "|A - B| " + a.title()},
                      {"difference", true},
                      {"mean_abs", meanAbs},
                      {"rect", {x + 2 * third, y, width - 2 * third, height}}});
}

void LabApp::drawCompare(float x, float y, float width, float height) {
  // Which runs share a model (and so a view to set side by side).
  std::set<std::string> models;
  for (const auto& run : m_runs) models.insert(run->lesson().model);
  const bool sameModel = models.size() == 1;

  std::vector<nlohmann::json> settings;
  for (const auto& run : m_runs) settings.push_back(run->settings());
  const std::vector<std::string> differing = settingKeys(settings, false);

  // The pictures come first; the chart and the settings table get what is left where they can
  // be read (view_layout.h says in which order the arrangements are tried).
  std::vector<views::View*> first = m_runs.front()->ui().views();
  if (!m_options.compareView.empty()) {
    for (std::size_t i = 0; i < first.size(); ++i)
      if (first[i]->title() == m_options.compareView) m_compare.viewIndex = static_cast<int>(i);
    m_options.compareView.clear();  // only the start; the person chooses afterwards
  }
  if (const auto key = std::exchange(m_tabKey, std::nullopt); key && *key <= first.size()) {
    m_compare.showCurves = *key == first.size();
    if (*key < first.size()) m_compare.viewIndex = static_cast<int>(*key);
  }
  m_compare.viewIndex =
      std::clamp(m_compare.viewIndex, 0, std::max(0, static_cast<int>(first.size()) - 1));
  const std::size_t n = m_runs.size();
  const bool roomyTable = !m_present && height >= 560.0f * m_fontScale;
  const CompareArrangement arrangement =
      arrangeCompare({x, y, width, height}, sameModel && !first.empty() ? n : 0, roomyTable,
                     m_compare.showCurves, viewLayoutLimits());
  if (arrangement.strip) {
    // The pictures of each view, and the chart, take turns.
    std::vector<std::string> titles;
    for (const views::View* view : first) titles.push_back(view->title());
    titles.emplace_back("Curves");
    const std::size_t chosen =
        m_compare.showCurves ? first.size() : static_cast<std::size_t>(m_compare.viewIndex);
    const int clicked = drawTabStrip(arrangement.stripRect, titles, chosen, {});
    if (clicked >= 0) {
      m_compare.showCurves = static_cast<std::size_t>(clicked) == first.size();
      if (!m_compare.showCurves) m_compare.viewIndex = clicked;
    }
  }
  if (!arrangement.pictures.empty()) {
    const LayoutRect& all = arrangement.pictures.front();
    const LayoutRect& last = arrangement.pictures.back();
    // The union of the cells: overlay, swipe and difference panels take it whole.
    const float viewsWidth = last.x + last.width - all.x;
    const float viewsHeight = last.y + last.height - all.y;
    views::View* chosen = first[static_cast<std::size_t>(m_compare.viewIndex)];
    if (m_compare.overlay && chosen->canOverlay()) {
      drawOverlaidPanel(*chosen, all.x, all.y, viewsWidth, viewsHeight);
    } else if (m_compare.swipe && n == 2) {
      drawSwipePanel(static_cast<std::size_t>(m_compare.viewIndex), all.x, all.y, viewsWidth,
                     viewsHeight);
    } else if (m_compare.difference && n == 2 && chosen->picture()) {
      drawDifferencePanels(static_cast<std::size_t>(m_compare.viewIndex), all.x, all.y, viewsWidth,
                           viewsHeight, distinguishing(settings[0], differing),
                           distinguishing(settings[1], differing));
    } else {
      for (std::size_t i = 0; i < n; ++i) {
        auto views = m_runs[i]->ui().views();
        if (views.empty()) continue;
        views::View& view = *views[std::min<std::size_t>(
            static_cast<std::size_t>(m_compare.viewIndex), views.size() - 1)];
        const LayoutRect& cell = arrangement.pictures[i];
        drawRunViewPanel(*m_runs[i], i, view, cell.x, cell.y, cell.width, cell.height,
                         distinguishing(settings[i], differing));
      }
    }
  }
  if (!arrangement.chart) return;
  const float bottomX = arrangement.chartRect.x;
  const float bottomY = arrangement.chartRect.y;
  const float chartWidth = arrangement.chartRect.width;
  const float bottomHeight = arrangement.chartRect.height;

  // Curves: one chart, a colour per run (its controls are in the side panel).
  const std::vector<std::string> metricNames = compareMetricNames();
  placeNextWindow(bottomX, bottomY, chartWidth, bottomHeight);
  const std::string curvesTitle =
      "Curves" +
      (metricNames.empty()
           ? std::string()
           : ": " + metricNames[static_cast<std::size_t>(std::clamp(
                        m_compare.metricIndex, 0, static_cast<int>(metricNames.size()) - 1))]) +
      "###comparecurves";
  ImGui::Begin(curvesTitle.c_str(), nullptr,
               kPanelFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  const ViewReport report;
  if (!sameModel) {
    std::string names;
    for (const auto& model : models) names += (names.empty() ? "" : ", ") + model;
    ImGui::TextWrapped(
        "These runs train different models (%s): their pictures cannot be set side "
        "by side, so only the metrics they share are compared.",
        names.c_str());
  }
  if (metricNames.empty()) {
    ImGui::TextDisabled("no metrics yet");
  } else {
    m_compare.metricIndex =
        std::clamp(m_compare.metricIndex, 0, static_cast<int>(metricNames.size()) - 1);
    std::vector<views::CurveRun> curveRuns;
    for (std::size_t i = 0; i < m_runs.size(); ++i)
      curveRuns.push_back({runDisplayLabel(i), &m_runs[i]->metrics(),
                           m_canvasStyle.palette.seriesColor(static_cast<int>(i))});
    views::CurveOptions options;
    options.metric = metricNames[static_cast<std::size_t>(m_compare.metricIndex)];
    options.smoothing = m_compare.smoothing;
    options.wallTime = m_compare.wallTime;
    options.baseline = m_compare.baseline;
    m_compare.curves.draw("##comparechart", curveRuns, options, ImGui::GetContentRegionAvail(),
                          m_canvasStyle);
    m_layout.push_back(report.finish({{"view", "curves"},
                                      {"metric", options.metric},
                                      {"curves", m_compare.curves.curvesDrawn()},
                                      {"rect", {bottomX, bottomY, chartWidth, bottomHeight}}}));
  }
  ImGui::End();

  if (!arrangement.table) return;
  // The settings that tell the runs apart.
  const LayoutRect& table = arrangement.tableRect;
  placeNextWindow(table.x, table.y, table.width, table.height);
  ImGui::Begin("Settings that differ###comparesettings", nullptr, kPanelFlags);
  ImGui::Checkbox("show all settings", &m_compare.showAllSettings);
  const std::vector<std::string> keys = settingKeys(settings, m_compare.showAllSettings);
  if (keys.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("the runs have the same settings (and maybe other seeds)");
    ImGui::PopStyleColor();
  }
  const int columns = static_cast<int>(m_runs.size()) + 1;
  if (ImGui::BeginTable("settingsdiff", columns,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                            ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("setting");
    for (std::size_t i = 0; i < m_runs.size(); ++i)
      ImGui::TableSetupColumn(runDisplayLabel(i).c_str());
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted("setting");
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
      ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
      ImGui::TextColored(toImVec4(m_canvasStyle.palette.seriesColor(static_cast<int>(i))), "%s",
                         runDisplayLabel(i).c_str());
    }
    const auto row = [&](const std::string& name, auto valueOf) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(name.c_str());
      for (std::size_t i = 0; i < m_runs.size(); ++i) {
        ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
        ImGui::TextUnformatted(valueOf(i).c_str());
      }
    };
    bool seedsDiffer = false;
    for (const auto& run : m_runs)
      seedsDiffer = seedsDiffer || run->seed() != m_runs.front()->seed();
    if (seedsDiffer || m_compare.showAllSettings)
      row("seed", [&](std::size_t i) { return std::to_string(m_runs[i]->seed()); });
    for (const auto& key : keys)
      row(key, [&](std::size_t i) { return valueText(settings[i].value(key, nlohmann::json())); });
    row("steps", [&](std::size_t i) { return std::to_string(m_runs[i]->lastStep()); });
    ImGui::EndTable();
  }
  ImGui::End();
}

void LabApp::drawCompareControls() {
  if (m_runs.empty()) return;
  views::sectionHeader(compareMode() ? "Runs side by side" : "This run");
  for (std::size_t i = 0; i < m_runs.size(); ++i) {
    OpenRun& run = *m_runs[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TextColored(toImVec4(m_canvasStyle.palette.seriesColor(static_cast<int>(i))),
                       "\xE2\x96\xA0");
    ImGui::SameLine();
    if (compareMode()) {
      if (ImGui::RadioButton("##focus", m_focus == i)) m_focus = i;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show this run's controls below");
      ImGui::SameLine();
    }
    // The label gives way to the buttons after it, so the row stays inside the panel.
    float buttons = 0.0f;
    if (!run.isLive()) buttons += views::buttonWidth("Resume") + ImGui::GetStyle().ItemSpacing.x;
    if (compareMode()) buttons += views::buttonWidth("Close") + ImGui::GetStyle().ItemSpacing.x;
    const std::string label =
        fitLabel(runDisplayLabel(i), ImGui::GetContentRegionAvail().x - buttons);
    ImGui::TextUnformatted(label.c_str());
    if (ImGui::IsItemHovered() && !run.folder().empty())
      ImGui::SetTooltip("%s\n%s", run.folder().c_str(), run.status().c_str());
    if (!run.isLive()) {
      ImGui::SameLine();
      if (ImGui::SmallButton("Resume")) resumeRun(i);
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Continue training this run from its last checkpoint");
    }
    if (compareMode()) {
      ImGui::SameLine();
      if (ImGui::SmallButton("Close")) {
        closeRun(i);
        ImGui::PopID();
        break;
      }
    }
    ImGui::PopID();
  }
  if (compareMode()) {
    std::vector<views::View*> views = m_runs.front()->ui().views();
    if (!views.empty()) {
      m_compare.viewIndex = std::clamp(m_compare.viewIndex, 0, static_cast<int>(views.size()) - 1);
      ImGui::SetNextItemWidth(-1);
      if (ImGui::BeginCombo(
              "##compareview",
              views[static_cast<std::size_t>(m_compare.viewIndex)]->title().c_str())) {
        for (std::size_t i = 0; i < views.size(); ++i)
          if (ImGui::Selectable(views[i]->title().c_str(),
                                static_cast<int>(i) == m_compare.viewIndex))
            m_compare.viewIndex = static_cast<int>(i);
        ImGui::EndCombo();
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("The view laid out once per run");
      if (views[static_cast<std::size_t>(m_compare.viewIndex)]->canOverlay()) {
        if (ImGui::Checkbox("one picture, runs overlaid", &m_compare.overlay) && m_compare.overlay)
          m_compare.swipe = false;
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("Draw every run into the same plot of the shared data");
      }
      if (m_runs.size() == 2 && views[static_cast<std::size_t>(m_compare.viewIndex)]->picture()) {
        if (ImGui::Checkbox("|A - B| beside them", &m_compare.difference) && m_compare.difference)
          m_compare.overlay = m_compare.swipe = false;
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("The two runs' image grids and, beside them, where they differ");
      }
      if (m_runs.size() == 2) {
        if (ImGui::Checkbox("swipe between the two", &m_compare.swipe) && m_compare.swipe)
          m_compare.overlay = m_compare.difference = false;
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("One picture: run A left of a divider you drag, run B right of it");
      }
    }
  }
  if (compareMode()) drawCurveControls();
  OpenRun* focus = focusedRun();
  if (focus && focus->isLive() && m_runs.size() < 4) {
    char* key = m_compare.duplicateKey;
    char* value = m_compare.duplicateValue;
    constexpr std::size_t kKeySize = sizeof m_compare.duplicateKey;
    constexpr std::size_t kValueSize = sizeof m_compare.duplicateValue;
    const nlohmann::json settings = focus->settings();
    if (ImGui::TreeNode("Duplicate with a change")) {
      ImGui::SetNextItemWidth(-1);
      if (ImGui::BeginCombo("##dupkey", key[0] ? key : "setting to change")) {
        for (const auto& [name, current] : settings.items()) {
          if (name == "load") continue;
          if (ImGui::Selectable(name.c_str(), name == key)) {
            std::snprintf(key, kKeySize, "%s", name.c_str());
            std::snprintf(value, kValueSize, "%s", valueText(current).c_str());
          }
        }
        ImGui::EndCombo();
      }
      ImGui::SetNextItemWidth(-1);
      ImGui::InputTextWithHint("##dupvalue", "new value", value, kValueSize);
      ImGui::BeginDisabled(!key[0] || !value[0]);
      if (ImGui::Button("Train both side by side")) {
        nlohmann::json parsed = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
        if (parsed.is_discarded()) parsed = std::string(value);
        duplicateWithChange(key, parsed);
      }
      ImGui::EndDisabled();
      ImGui::TreePop();
    }
  }
  ImGui::Separator();
}

}  // namespace genlab::lab
