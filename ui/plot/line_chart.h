#pragma once
// Training curves: named (x, y) series on a PlotCanvas. Until the user pans or zooms, x spans
// all data and y fits the data inside the visible x range; a double-click returns to that.

#include <optional>
#include <string>
#include <vector>

#include "ui/plot/line_layer.h"
#include "ui/plot/plot_canvas.h"

struct ImVec2;

namespace genlab::plot {

class LineChart {
 public:
  LineChart();

  // Adds a series and returns its index. A default colour comes from the style's series
  // palette at render time when `color` is not given. A series with an empty name is drawn but
  // left out of the legend (the faint raw curve behind a smoothed one).
  std::size_t addSeries(std::string name, std::optional<Color> color = std::nullopt);
  void append(std::size_t series, double x, double y);
  void setData(std::size_t series, std::vector<Vec2> points);
  void clearData();
  // Removes every series.
  void clearSeries() {
    m_series.clear();
    m_dataChanged = true;
  }
  std::size_t seriesCount() const { return m_series.size(); }

  void setTitle(std::string title) { m_canvas.setTitle(std::move(title)); }
  void setAxisLabels(std::string x, std::string y) {
    m_canvas.setAxisLabels(std::move(x), std::move(y));
  }

  // Pushes new data to the canvas and refits (if following). Call before showing or exporting
  // canvas(); cheap when nothing changed.
  void update(const ui::Style& style);
  // Re-enables auto-fit (what double-click does too).
  void follow() { m_follow = true; }
  bool following() const { return m_follow; }
  // Call with the events from showCanvas(): a pan or zoom stops following, a reset resumes.
  void onEvents(const CanvasEvents& events);
  // update(), showCanvas() and onEvents() in one call, for the usual case.
  CanvasEvents show(const char* id, const ImVec2& size, const ui::Style& style);

  PlotCanvas& canvas() { return m_canvas; }

  // The rect auto-fit would show: x over all data, y over the points with x in that range,
  // with a small margin. Exposed for tests.
  DataRect fittedView() const;

 private:
  struct Series {
    std::string name;
    std::optional<Color> color;
    std::vector<Vec2> points;
  };
  std::vector<Series> m_series;
  PlotCanvas m_canvas;
  LineLayer* m_lines = nullptr;
  bool m_follow = true;
  bool m_dataChanged = true;
  std::optional<ui::Palette> m_palette;  // the palette the layer colours were taken from
};

}  // namespace genlab::plot
