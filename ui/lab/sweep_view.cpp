#include "ui/lab/sweep_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "ui/lab/layout_report.h"
#include "ui/lab/panel_layout.h"
#include "ui/plot/band_layer.h"
#include "ui/plot/line_layer.h"
#include "ui/plot/plot_canvas.h"
#include "ui/plot/plot_widget.h"
#include "ui/plot/point_layer.h"
#include "ui/plot/text_layer.h"

namespace genlab::lab {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr float kBandAlpha = 0.25f;
constexpr double kHitPixels = 10.0;  // how near a click must be to a dot or a polyline

std::string valueText(const json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

// Where a setting's value sits along its own axis: its log10, its value, or its index.
double axisPosition(const run::SweptSetting& setting, const json& value) {
  if (setting.numeric && value.is_number()) {
    const double v = value.get<double>();
    return setting.logScale ? std::log10(v) : v;
  }
  return static_cast<double>(setting.indexOf(value));
}

std::string statisticName(const run::SweepMeasure& measure) {
  switch (measure.statistic) {
    case run::SweepStatistic::kFinal:
      return "final";
    case run::SweepStatistic::kBest:
      return measure.bestIsLowest ? "best, lowest" : "best, highest";
    case run::SweepStatistic::kAtStep:
      return "at step " + std::to_string(measure.step);
  }
  return "";
}

// Squared pixel distance from p to the segment a-b.
double segmentDistance2(plot::Vec2 p, plot::Vec2 a, plot::Vec2 b) {
  const plot::Vec2 d = b - a;
  const double len2 = d.x * d.x + d.y * d.y;
  double t = len2 > 0 ? ((p.x - a.x) * d.x + (p.y - a.y) * d.y) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  const plot::Vec2 q = a + d * t - p;
  return q.x * q.x + q.y * q.y;
}

// What a band's colour looks like drawn over the plot area (for the layout report's checks).
json blended(const ui::Color& over, const ui::Color& under) {
  const auto mix = [&](float a, float b) {
    return static_cast<int>(std::lround((a * over.a + b * (1.0f - over.a)) * 255.0f));
  };
  return {mix(over.r, under.r), mix(over.g, under.g), mix(over.b, under.b)};
}

}  // namespace

// The two canvases and their layers (GL objects: made on the first draw).
struct SweepView::Charts {
  plot::PlotCanvas main;
  plot::BandLayer* bands = nullptr;
  plot::LineLayer* means = nullptr;
  plot::PointLayer* selected = nullptr;
  plot::PointLayer* seeds = nullptr;
  plot::PointLayer* meanDots = nullptr;

  plot::PlotCanvas parallel;
  plot::LineLayer* axes = nullptr;
  plot::LineLayer* chosenLines = nullptr;
  plot::LineLayer* lines = nullptr;
  plot::TextLayer* valueLabels = nullptr;
  std::vector<std::size_t> lineOwners;  // the point each of `lines`' polylines belongs to

  Charts() {
    bands = &main.add<plot::BandLayer>();
    means = &main.add<plot::LineLayer>();
    selected = &main.add<plot::PointLayer>();
    seeds = &main.add<plot::PointLayer>();
    meanDots = &main.add<plot::PointLayer>();
    selected->setPointSize(20);
    seeds->setPointSize(7);
    meanDots->setPointSize(11);
    axes = &parallel.add<plot::LineLayer>();
    chosenLines = &parallel.add<plot::LineLayer>();
    lines = &parallel.add<plot::LineLayer>();
    valueLabels = &parallel.add<plot::TextLayer>();
    axes->setWidth(1.5f);
    chosenLines->setWidth(7.0f);
    lines->setWidth(2.5f);
    parallel.setShowGrid(false);
    parallel.setLegendPosition(plot::LegendPosition::Hidden);
  }
};

SweepView::SweepView() = default;
SweepView::~SweepView() = default;

void SweepView::open(const fs::path& folder) {
  auto sweep = std::make_unique<run::SweepCatalog>(run::readSweep(folder));
  m_sweep = std::move(sweep);
  m_messages = m_sweep->problems;
  m_metric = 0;
  m_statistic = run::SweepStatistic::kFinal;
  m_step = static_cast<int>(m_sweep->lastStep);
  m_xSetting = 0;
  m_bestIsLowest =
      m_sweep->metrics.empty() ? true : run::lowerIsBetter(m_sweep->metrics[0]).value_or(true);
  m_selected.assign(m_sweep->points.size(), false);
  m_dirty = true;
}

void SweepView::reload() {
  if (!m_sweep) return;
  const int metric = m_metric, xSetting = m_xSetting, step = m_step;
  const auto statistic = m_statistic;
  const bool lowest = m_bestIsLowest;
  open(m_sweep->folder);
  m_metric = std::min(metric, std::max(0, static_cast<int>(m_sweep->metrics.size()) - 1));
  m_xSetting = std::min(xSetting, std::max(0, static_cast<int>(m_sweep->settings.size()) - 1));
  m_statistic = statistic;
  m_step = std::min(step, static_cast<int>(m_sweep->lastStep));
  m_bestIsLowest = lowest;
}

void SweepView::close() {
  m_sweep.reset();
  m_dirty = true;
}

std::string SweepView::title() const {
  return m_sweep ? "sweep " + m_sweep->folder.filename().string() : "";
}

run::SweepMeasure SweepView::measure() const {
  run::SweepMeasure measure;
  if (m_sweep && m_metric < static_cast<int>(m_sweep->metrics.size()))
    measure.metric = m_sweep->metrics[static_cast<std::size_t>(m_metric)];
  measure.statistic = m_statistic;
  measure.step = m_step;
  measure.bestIsLowest = m_bestIsLowest;
  return measure;
}

std::vector<SweepView::Group> SweepView::groups() const {
  std::map<std::vector<int>, Group> byOthers;
  const auto& settings = m_sweep->settings;
  for (std::size_t p = 0; p < m_sweep->points.size(); ++p) {
    const run::SweepPoint& point = m_sweep->points[p];
    std::vector<int> key;
    std::string label;
    for (std::size_t s = 0; s < settings.size(); ++s) {
      if (static_cast<int>(s) == m_xSetting) continue;
      key.push_back(settings[s].indexOf(point.values[s]));
      label += (label.empty() ? "" : ", ") + settings[s].key + "=" + valueText(point.values[s]);
    }
    Group& group = byOthers[key];
    group.label = label;
    group.points.push_back(p);
  }
  std::vector<Group> out;
  for (auto& [key, group] : byOthers) {
    std::sort(group.points.begin(), group.points.end(), [&](std::size_t a, std::size_t b) {
      return xPosition(m_sweep->points[a]) < xPosition(m_sweep->points[b]);
    });
    out.push_back(std::move(group));
  }
  return out;
}

double SweepView::xPosition(const run::SweepPoint& point) const {
  if (m_sweep->settings.empty()) return 0.0;
  const auto s = static_cast<std::size_t>(m_xSetting);
  return axisPosition(m_sweep->settings[s], point.values[s]);
}

void SweepView::rebuild(const ui::Style& style) {
  if (!m_charts) m_charts = std::make_unique<Charts>();
  m_stats.clear();
  for (const auto& point : m_sweep->points)
    m_stats.push_back(run::pointStats(*m_sweep, point, measure()));
  rebuildMain(style);
  rebuildParallel(style);
  m_dirty = false;
  m_builtStyle = style;
}

void SweepView::rebuildMain(const ui::Style& style) {
  plot::PlotCanvas& canvas = m_charts->main;
  const run::SweepMeasure chosen = measure();
  const auto& settings = m_sweep->settings;
  const run::SweptSetting* x =
      settings.empty() ? nullptr : &settings[static_cast<std::size_t>(m_xSetting)];

  std::vector<plot::Band> bands;
  std::vector<plot::Polyline> means;
  std::vector<plot::Vec2> seedXy, meanXy, selectedXy;
  std::vector<ui::Rgba8> seedColors, meanColors;
  std::vector<plot::LegendEntry> legend;
  m_bandColors.clear();
  const auto allGroups = groups();
  for (std::size_t g = 0; g < allGroups.size(); ++g) {
    const ui::Color color = style.palette.seriesColor(static_cast<int>(g));
    plot::Band band{{}, color.withAlpha(kBandAlpha)};
    plot::Polyline line{{}, color, false};
    for (const std::size_t p : allGroups[g].points) {
      const run::PointStats& stats = m_stats[p];
      if (stats.empty()) continue;
      const double px = xPosition(m_sweep->points[p]);
      const double lo = m_band == SweepBand::kMinMax ? stats.min : stats.mean - stats.sd;
      const double hi = m_band == SweepBand::kMinMax ? stats.max : stats.mean + stats.sd;
      band.points.push_back({px, lo, hi});
      line.points.push_back({px, stats.mean});
      meanXy.push_back({px, stats.mean});
      meanColors.push_back(color.toRgba8());
      if (m_selected[p]) selectedXy.push_back({px, stats.mean});
      for (const double v : stats.values) {
        seedXy.push_back({px, v});
        seedColors.push_back(color.withAlpha(0.75f).toRgba8());
      }
    }
    m_bandColors.push_back(band.color);
    bands.push_back(std::move(band));
    means.push_back(std::move(line));
    if (allGroups.size() > 1)
      legend.push_back({allGroups[g].label, color, plot::LegendSwatch::Line});
  }
  m_charts->bands->setBands(std::move(bands));
  m_charts->means->setPolylines(std::move(means));
  m_charts->seeds->setPoints(seedXy, seedColors);
  m_charts->meanDots->setPoints(meanXy, meanColors);
  m_charts->selected->setColor(style.palette.foreground.withAlpha(0.35f));
  m_charts->selected->setPoints(selectedXy);
  m_charts->means->setLegend(std::move(legend));

  std::vector<std::string> categories;
  if (!x) {
    categories = {"all runs"};
  } else if (!x->numeric) {
    for (const auto& value : x->values) categories.push_back(valueText(value));
  }
  canvas.setXCategories(categories);
  canvas.setXLogScale(x && x->numeric && x->logScale);
  std::size_t seeds = 0;
  for (const auto& point : m_sweep->points) seeds = std::max(seeds, point.runs.size());
  const std::string spread = m_band == SweepBand::kMinMax ? "min..max"
                                                          : "\xC2\xB1"
                                                            "1 sd";
  canvas.setTitle(chosen.metric + " (" + statisticName(chosen) + "): mean over " +
                  std::to_string(seeds) + (seeds == 1 ? " seed" : " seeds") + " (dots), band " +
                  spread);
  canvas.setAxisLabels(x ? x->key + (x->logScale ? " (log scale)" : "") : "",
                       chosen.metric + " (" + statisticName(chosen) + ")");
  canvas.setHomeView(std::nullopt);
  canvas.fitToData(0.08);
}

void SweepView::rebuildParallel(const ui::Style& style) {
  plot::PlotCanvas& canvas = m_charts->parallel;
  const auto& settings = m_sweep->settings;
  const run::SweepMeasure chosen = measure();
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& stats : m_stats) {
    if (stats.empty()) continue;
    lo = std::min(lo, stats.mean);
    hi = std::max(hi, stats.mean);
  }
  if (!(lo <= hi)) lo = 0, hi = 1;
  if (lo == hi) lo -= 0.5, hi += 0.5;
  // A setting's axis spans the metric's range: its values, evenly or by value, from bottom up.
  const auto yOf = [&](const run::SweptSetting& setting, const json& value) {
    double pmin = INFINITY, pmax = -INFINITY;
    for (const auto& v : setting.values) {
      pmin = std::min(pmin, axisPosition(setting, v));
      pmax = std::max(pmax, axisPosition(setting, v));
    }
    const double t = pmax > pmin ? (axisPosition(setting, value) - pmin) / (pmax - pmin) : 0.5;
    return lo + t * (hi - lo);
  };

  std::vector<std::string> names = {chosen.metric};
  std::vector<plot::Polyline> axes, lines, chosenLines;
  std::vector<plot::Label> labels;
  axes.push_back({{{0, lo}, {0, hi}}, style.palette.foreground.withAlpha(0.6f), false});
  for (std::size_t s = 0; s < settings.size(); ++s) {
    const double ax = static_cast<double>(s + 1);
    names.push_back(settings[s].key + (settings[s].logScale ? " (log)" : ""));
    axes.push_back({{{ax, lo}, {ax, hi}}, style.palette.foreground.withAlpha(0.6f), false});
    for (const auto& value : settings[s].values) {
      labels.push_back({{ax, yOf(settings[s], value)},
                        valueText(value),
                        style.palette.foreground,
                        gl::HAlign::Left,
                        gl::VAlign::Middle,
                        {8, 0},
                        false});
    }
  }
  m_charts->lineOwners.clear();
  for (std::size_t p = 0; p < m_sweep->points.size(); ++p) {
    if (m_stats[p].empty()) continue;
    std::vector<plot::Vec2> path = {{0, m_stats[p].mean}};
    for (std::size_t s = 0; s < settings.size(); ++s)
      path.push_back({static_cast<double>(s + 1), yOf(settings[s], m_sweep->points[p].values[s])});
    // Viridis stops short of its yellow end, which hardly shows on a white projector screen.
    const auto t = static_cast<float>(0.85 * (m_stats[p].mean - lo) / (hi - lo));
    if (m_selected[p]) chosenLines.push_back({path, style.palette.foreground.withAlpha(0.35f)});
    lines.push_back({std::move(path), ui::colormap(ui::Colormap::Viridis, t)});
    m_charts->lineOwners.push_back(p);
  }
  m_charts->axes->setPolylines(std::move(axes));
  m_charts->lines->setPolylines(std::move(lines));
  m_charts->chosenLines->setPolylines(std::move(chosenLines));
  m_charts->valueLabels->setLabels(std::move(labels));
  canvas.setXCategories(names);
  canvas.setTitle("Each line a point, coloured by its mean " + chosen.metric +
                  " (dark low, light high)");
  canvas.setAxisLabels("", chosen.metric + " (" + statisticName(chosen) + ")");
  // Room on the right for the last axis's value labels.
  const double pad = (hi - lo) * 0.06;
  canvas.setHomeView(
      plot::DataRect{-0.15, static_cast<double>(settings.size()) + 0.6, lo - pad, hi + pad});
  canvas.setView(
      plot::DataRect{-0.15, static_cast<double>(settings.size()) + 0.6, lo - pad, hi + pad});
}

int SweepView::pointAtMain(plot::Vec2 pixel) const {
  const plot::ViewTransform view = m_charts->main.transform();
  int best = -1;
  double bestDistance = kHitPixels * kHitPixels;
  for (std::size_t p = 0; p < m_stats.size(); ++p) {
    if (m_stats[p].empty()) continue;
    const double x = xPosition(m_sweep->points[p]);
    std::vector<double> ys = m_stats[p].values;
    ys.push_back(m_stats[p].mean);
    for (const double y : ys) {
      const plot::Vec2 d = view.toPixel({x, y}) - pixel;
      if (d.x * d.x + d.y * d.y < bestDistance) {
        bestDistance = d.x * d.x + d.y * d.y;
        best = static_cast<int>(p);
      }
    }
  }
  return best;
}

int SweepView::pointAtParallel(plot::Vec2 pixel) const {
  const plot::ViewTransform view = m_charts->parallel.transform();
  const auto& lines = m_charts->lines->polylines();
  int best = -1;
  double bestDistance = kHitPixels * kHitPixels;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    for (std::size_t k = 1; k < lines[i].points.size(); ++k) {
      const double d = segmentDistance2(pixel, view.toPixel(lines[i].points[k - 1]),
                                        view.toPixel(lines[i].points[k]));
      if (d < bestDistance) {
        bestDistance = d;
        best = static_cast<int>(m_charts->lineOwners[i]);
      }
    }
  }
  return best;
}

std::vector<fs::path> SweepView::foldersOf(const std::vector<std::size_t>& points) const {
  std::vector<fs::path> folders;
  for (const std::size_t p : points)
    for (const std::size_t r : m_sweep->points[p].runs) folders.push_back(m_sweep->runs[r].folder);
  return folders;
}

std::vector<fs::path> SweepView::clicked(int index, bool shift) {
  if (index < 0) return {};
  const auto p = static_cast<std::size_t>(index);
  if (!shift) return foldersOf({p});
  m_selected[p] = !m_selected[p];
  m_dirty = true;
  return {};
}

std::vector<fs::path> SweepView::drawControls(float fontScale) {
  if (!m_sweep) return {};
  std::vector<fs::path> open;
  const run::SweepCatalog& sweep = *m_sweep;
  ImGui::TextWrapped("Sweep %s", sweep.folder.filename().c_str());
  ImGui::TextWrapped("%zu runs, %zu points, %zu swept setting%s", sweep.runs.size(),
                     sweep.points.size(), sweep.settings.size(),
                     sweep.settings.size() == 1 ? "" : "s");
  ImGui::Separator();
  const float width = ImGui::GetContentRegionAvail().x * 0.6f;
  if (!sweep.metrics.empty()) {
    ImGui::SetNextItemWidth(width);
    const char* metric = sweep.metrics[static_cast<std::size_t>(m_metric)].c_str();
    if (ImGui::BeginCombo("Metric", metric)) {
      for (std::size_t i = 0; i < sweep.metrics.size(); ++i) {
        if (ImGui::Selectable(sweep.metrics[i].c_str(), static_cast<int>(i) == m_metric)) {
          m_metric = static_cast<int>(i);
          m_bestIsLowest = run::lowerIsBetter(sweep.metrics[i]).value_or(m_bestIsLowest);
          m_dirty = true;
        }
      }
      ImGui::EndCombo();
    }
  }
  int statistic = static_cast<int>(m_statistic);
  ImGui::TextUnformatted("Value of each run");
  m_dirty |= ImGui::RadioButton("final", &statistic, 0);
  ImGui::SameLine();
  m_dirty |= ImGui::RadioButton("best", &statistic, 1);
  ImGui::SameLine();
  m_dirty |= ImGui::RadioButton("at step", &statistic, 2);
  m_statistic = static_cast<run::SweepStatistic>(statistic);
  if (m_statistic == run::SweepStatistic::kAtStep) {
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    m_dirty |=
        ImGui::SliderInt("##sweepstep", &m_step, 0,
                         static_cast<int>(std::max<std::int64_t>(sweep.lastStep, 1)), "step %d");
  }
  if (m_statistic == run::SweepStatistic::kBest) {
    const auto known = run::lowerIsBetter(measure().metric);
    if (known) {
      ImGui::TextWrapped("best = %s", *known ? "lowest" : "highest");
    } else {
      int lowest = m_bestIsLowest ? 1 : 0;
      m_dirty |= ImGui::RadioButton("lowest", &lowest, 1);
      ImGui::SameLine();
      m_dirty |= ImGui::RadioButton("highest", &lowest, 0);
      m_bestIsLowest = lowest == 1;
    }
  }
  int band = static_cast<int>(m_band);
  ImGui::TextUnformatted("Band over seeds");
  m_dirty |= ImGui::RadioButton(
      "\xC2\xB1"
      "1 sd",
      &band, 0);
  ImGui::SameLine();
  m_dirty |= ImGui::RadioButton("min..max", &band, 1);
  m_band = static_cast<SweepBand>(band);
  if (sweep.settings.size() > 1) {
    ImGui::SetNextItemWidth(width);
    const char* current = sweep.settings[static_cast<std::size_t>(m_xSetting)].key.c_str();
    if (ImGui::BeginCombo("x axis", current)) {
      for (std::size_t i = 0; i < sweep.settings.size(); ++i) {
        if (ImGui::Selectable(sweep.settings[i].key.c_str(), static_cast<int>(i) == m_xSetting)) {
          m_xSetting = static_cast<int>(i);
          m_dirty = true;
        }
      }
      ImGui::EndCombo();
    }
  }
  ImGui::Separator();
  drawPointTable();
  std::vector<std::size_t> chosen;
  for (std::size_t p = 0; p < m_selected.size(); ++p)
    if (m_selected[p]) chosen.push_back(p);
  ImGui::TextWrapped(
      "Click a point to open its runs in compare mode; Shift+click (or a row) to "
      "select several.");
  if (!chosen.empty()) {
    for (const std::size_t p : chosen)
      ImGui::TextWrapped("\xE2\x80\xA2 %s", sweep.points[p].label.c_str());
    const std::string label =
        "Compare selection (" + std::to_string(foldersOf(chosen).size()) + " runs)";
    if (ImGui::Button(label.c_str())) open = foldersOf(chosen);
    ImGui::SameLine();
    if (ImGui::Button("Clear")) {
      m_selected.assign(m_selected.size(), false);
      m_dirty = true;
    }
  }
  if (m_parallelLeftOut) {
    ImGui::TextWrapped("Parallel coordinates: the window is too short to show them too.");
  }
  if (ImGui::Button("Reload")) reload();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Read the sweep folder again (runs still training)");
  if (!m_messages.empty()) {
    ImGui::Separator();
    ImGui::TextUnformatted("Problems reading the sweep");
    for (const auto& message : m_messages) ImGui::TextWrapped("\xE2\x80\xA2 %s", message.c_str());
  }
  (void)fontScale;
  return open;
}

void SweepView::drawPointTable() {
  // The stats are the last drawn chart's; before its first draw there are none.
  if (m_stats.size() != m_sweep->points.size()) return;
  const bool minMax = m_band == SweepBand::kMinMax;
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##sweeppoints", 4, flags)) return;
  // Each point by its values alone, under a header naming the settings: "k=3, lr=0.01" would
  // not fit a side panel beside its numbers.
  std::string keys;
  for (const auto& setting : m_sweep->settings) keys += (keys.empty() ? "" : ", ") + setting.key;
  ImGui::TableSetupColumn(keys.empty() ? "point" : keys.c_str(), 0, 2.2f);
  ImGui::TableSetupColumn("mean", 0, 1.0f);
  ImGui::TableSetupColumn(minMax ? "min..max" : "sd", 0, minMax ? 1.8f : 1.0f);
  ImGui::TableSetupColumn("n", 0, 0.35f);
  ImGui::TableHeadersRow();
  for (std::size_t p = 0; p < m_stats.size(); ++p) {
    const run::PointStats& stats = m_stats[p];
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushID(static_cast<int>(p));
    bool selected = m_selected[p];
    std::string values;
    for (const auto& value : m_sweep->points[p].values)
      values += (values.empty() ? "" : ", ") + valueText(value);
    if (values.empty()) values = m_sweep->points[p].label;
    if (ImGui::Selectable(values.c_str(), &selected, ImGuiSelectableFlags_SpanAllColumns)) {
      m_selected[p] = selected;
      m_dirty = true;
    }
    ImGui::PopID();
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s\nClick to select (or not) for comparing",
                        m_sweep->points[p].label.c_str());
    if (stats.empty()) continue;
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(plot::formatValue(stats.mean).c_str());
    ImGui::TableSetColumnIndex(2);
    const std::string spread =
        minMax ? plot::formatValue(stats.min) + ".." + plot::formatValue(stats.max)
               : plot::formatValue(stats.sd, 2);
    ImGui::TextUnformatted(spread.c_str());
    ImGui::TableSetColumnIndex(3);
    ImGui::Text("%zu", stats.values.size());
  }
  ImGui::EndTable();
}

json SweepView::reportEntry(const char* view, const LayoutRect& rect) const {
  return {{"run", m_sweep->folder.string()},
          {"view", view},
          {"step", -1},
          {"rect", {rect.x, rect.y, rect.width, rect.height}}};
}

std::vector<fs::path> SweepView::drawPlots(const LayoutRect& rect, const ui::Style& style,
                                           json& layout) {
  if (!m_sweep) return {};
  if (m_dirty || !m_charts || m_builtStyle != style) rebuild(style);
  std::vector<fs::path> open;
  // The parallel coordinates below the main chart when two or more settings are swept and
  // both keep the height the lab gives a readable view (ten lines of the charts' type, and 200
  // logical pixels), else the main chart alone: it teaches more than two cramped ones.
  const bool parallel = m_sweep->settings.size() >= 2 &&
                        rect.height >= std::max(20.0f * style.fontPx, 400.0f * style.scale);
  m_parallelLeftOut = m_sweep->settings.size() >= 2 && !parallel;
  const float mainHeight = parallel ? std::floor(rect.height * 0.55f) : rect.height;
  struct Panel {
    const char* title;
    const char* report;
    plot::PlotCanvas* canvas;
    LayoutRect rect;
    bool isMain;
  };
  std::vector<Panel> panels = {{"Sweep###sweepmain",
                                "sweep",
                                &m_charts->main,
                                {rect.x, rect.y, rect.width, mainHeight},
                                true}};
  if (parallel) {
    panels.push_back({"Parallel coordinates###sweepparallel",
                      "sweep parallel coordinates",
                      &m_charts->parallel,
                      {rect.x, rect.y + mainHeight, rect.width, rect.height - mainHeight},
                      false});
  }
  for (const Panel& panel : panels) {
    placeNextWindow(panel.rect.x, panel.rect.y, panel.rect.width, panel.rect.height);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(2, 2));
    ImGui::Begin(panel.title, nullptr,
                 kPanelFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    const ViewReport report;
    plot::CanvasWidgetOptions options;
    options.showTooltip = false;
    const plot::CanvasEvents events =
        plot::showCanvas(panel.isMain ? "##sweepmaincanvas" : "##sweepparallelcanvas",
                         *panel.canvas, ImGui::GetContentRegionAvail(), style, options);
    const auto hit = [&](plot::Vec2 data) {
      const plot::Vec2 pixel = panel.canvas->transform().toPixel(data);
      return panel.isMain ? pointAtMain(pixel) : pointAtParallel(pixel);
    };
    // A press and release in place is a click, Shift held or not (with Shift the canvas
    // neither pans nor reports a drag).
    if (events.clicked) open = clicked(hit(events.clickData), events.shift);
    if (events.hovered && !events.toolDrag) {
      const int under = hit(events.mouseData);
      if (under >= 0) {
        const run::PointStats& stats = m_stats[static_cast<std::size_t>(under)];
        ImGui::SetTooltip(
            "%s\nmean %s, sd %s over %zu runs\nclick: compare its runs; "
            "Shift+click: select",
            m_sweep->points[static_cast<std::size_t>(under)].label.c_str(),
            plot::formatValue(stats.mean).c_str(), plot::formatValue(stats.sd).c_str(),
            stats.values.size());
      }
    }
    json entry = reportEntry(panel.report, panel.rect);
    if (panel.isMain) {
      // Where each point's mean is on screen (window pixels), for tests that click one.
      const ImVec2 origin = ImGui::GetItemRectMin();
      const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
      const plot::ViewTransform view = panel.canvas->transform();
      json means = json::array();
      for (std::size_t p = 0; p < m_stats.size(); ++p) {
        if (m_stats[p].empty()) continue;
        const plot::Vec2 at = view.toPixel({xPosition(m_sweep->points[p]), m_stats[p].mean});
        means.push_back({{"point", m_sweep->points[p].label},
                         {"runs", m_stats[p].values.size()},
                         {"at", {origin.x + at.x / scale.x, origin.y + at.y / scale.y}}});
      }
      entry["means"] = means;
      json colors = json::array();
      for (const auto& color : m_bandColors)
        colors.push_back(blended(color, style.palette.plotArea));
      std::size_t withSpread = 0;
      for (const auto& stats : m_stats) withSpread += stats.values.size() >= 2 ? 1 : 0;
      entry["band_rgb"] = colors;
      entry["points"] = m_stats.size();
      entry["points_with_spread"] = withSpread;
      entry["seed_dots"] = m_charts->seeds->size();
    } else {
      entry["polylines"] = m_charts->lines->polylines().size();
    }
    layout.push_back(report.finish(entry));
    ImGui::End();
  }
  return open;
}

}  // namespace genlab::lab
