#pragma once
// The lab's sweep view: a sweep folder (core/run/sweep_catalog.h) as a picture. A chosen metric
// (its final, best, or at-step value) against a swept setting: the mean over seeds as a line, a
// shaded band (mean +- 1 sd, or min..max) and each seed as a dot; one line per combination of the
// other settings. Numeric settings sit on a numeric axis (log when the values span two decades or
// more), others evenly spaced. With two or more swept settings a parallel-coordinates plot
// follows: the metric's axis first (the y ticks read it), then one axis per setting, one polyline
// per point coloured by the metric.
//
// Clicking a point (a mean, a seed's dot or a polyline) asks the lab to open that point's runs,
// every seed, in compare mode; Shift+click adds the point to a selection instead, which the side
// panel's button opens. All methods are for the UI thread, with the lab's GL context current.

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/run/sweep_catalog.h"
#include "ui/lab/view_layout.h"
#include "ui/plot/plot_math.h"
#include "ui/theme.h"

namespace genlab::plot {
class PlotCanvas;
class BandLayer;
class LineLayer;
class PointLayer;
class TextLayer;
}  // namespace genlab::plot

namespace genlab::lab {

enum class SweepBand { kStandardDeviation, kMinMax };

class SweepView {
 public:
  SweepView();
  ~SweepView();
  SweepView(const SweepView&) = delete;
  SweepView& operator=(const SweepView&) = delete;

  // Reads the sweep (throws DataError naming the folder) and chooses what to show first: the
  // first metric, its final value, the first swept setting on x.
  void open(const std::filesystem::path& folder);
  // Reads the folder again (runs that were still training have more rows), keeping the choices.
  void reload();
  bool isOpen() const { return m_sweep != nullptr; }
  void close();
  const run::SweepCatalog& sweep() const { return *m_sweep; }
  std::string title() const;

  // The side panel's part: what is plotted, and the selection. Returns run folders to open in
  // compare mode (the selection's button), else nothing.
  std::vector<std::filesystem::path> drawControls(float fontScale);
  // The plots inside `rect` (screen pixels), one ImGui window each; their --report-layout entries
  // are appended to `layout`. Returns run folders to open in compare mode (a click on a point).
  std::vector<std::filesystem::path> drawPlots(const LayoutRect& rect, const ui::Style& style,
                                               nlohmann::json& layout);

  // What the choices plot, for tests and the layout report.
  run::SweepMeasure measure() const;
  int xSetting() const { return m_xSetting; }

 private:
  struct Charts;
  // Series of the main chart: points sharing the values of every setting except x's.
  struct Group {
    std::string label;
    std::vector<std::size_t> points;  // in x order
  };
  std::vector<Group> groups() const;
  double xPosition(const run::SweepPoint& point) const;
  void rebuild(const ui::Style& style);
  void rebuildMain(const ui::Style& style);
  void rebuildParallel(const ui::Style& style);
  // The point under a click (framebuffer pixels) on either chart, or -1.
  int pointAtMain(plot::Vec2 pixel) const;
  int pointAtParallel(plot::Vec2 pixel) const;
  // A click on point `index`: open it, or (Shift) toggle it in the selection.
  std::vector<std::filesystem::path> clicked(int index, bool shift);
  // Each point's mean and spread; a click on a row selects it.
  void drawPointTable();
  std::vector<std::filesystem::path> foldersOf(const std::vector<std::size_t>& points) const;
  nlohmann::json reportEntry(const char* view, const LayoutRect& rect) const;

  std::unique_ptr<run::SweepCatalog> m_sweep;
  std::vector<std::string> m_messages;  // problems reading the sweep, shown in the panel

  // The choices.
  int m_metric = 0;
  run::SweepStatistic m_statistic = run::SweepStatistic::kFinal;
  int m_step = 0;
  bool m_bestIsLowest = true;
  SweepBand m_band = SweepBand::kStandardDeviation;
  int m_xSetting = 0;
  std::vector<bool> m_selected;  // per point

  // What the charts were built from; a change rebuilds their layers.
  bool m_dirty = true;
  std::optional<ui::Style> m_builtStyle;
  std::vector<run::PointStats> m_stats;  // per point, for the current measure
  std::vector<ui::Color> m_bandColors;   // per group: what the band's pixels look like
  std::unique_ptr<Charts> m_charts;      // made on first draw (GL objects)
  bool m_parallelLeftOut = false;        // two settings swept, but the window is too short
};

}  // namespace genlab::lab
