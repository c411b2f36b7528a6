#include "ui/plot/line_chart.h"

#include <algorithm>
#include <cmath>

#include "ui/plot/plot_widget.h"

namespace genlab::plot {

LineChart::LineChart() {
  m_lines = &m_canvas.add<LineLayer>();
}

std::size_t LineChart::addSeries(std::string name, std::optional<Color> color) {
  m_series.push_back({std::move(name), color, {}});
  m_dataChanged = true;
  return m_series.size() - 1;
}

void LineChart::append(std::size_t series, double x, double y) {
  if (series >= m_series.size()) return;
  m_series[series].points.push_back({x, y});
  m_dataChanged = true;
}

void LineChart::setData(std::size_t series, std::vector<Vec2> points) {
  if (series >= m_series.size()) return;
  m_series[series].points = std::move(points);
  m_dataChanged = true;
}

void LineChart::clearData() {
  for (auto& s : m_series) s.points.clear();
  m_dataChanged = true;
}

DataRect LineChart::fittedView() const {
  DataRect xr = emptyBounds();
  for (const auto& s : m_series)
    for (const Vec2& p : s.points) include(xr, p);
  if (!(xr.xMin <= xr.xMax)) return {0, 1, 0, 1};
  // y over the points inside the x range that will be shown (all of it, when following).
  DataRect r = emptyBounds();
  for (const auto& s : m_series)
    for (const Vec2& p : s.points)
      if (p.x >= xr.xMin && p.x <= xr.xMax) include(r, p);
  DataRect fitted = fitWithMargin(r, 0.04);
  // x hugs the data: curves start at the left axis rather than floating.
  if (xr.xMax > xr.xMin) {
    fitted.xMin = xr.xMin;
    fitted.xMax = xr.xMax;
  }
  return fitted;
}

void LineChart::update(const ui::Style& style) {
  if (m_dataChanged || !m_palette || !(*m_palette == style.palette)) {
    std::vector<Polyline> lines;
    std::vector<LegendEntry> legend;
    for (std::size_t i = 0; i < m_series.size(); ++i) {
      const Color c = m_series[i].color.value_or(style.palette.seriesColor(static_cast<int>(i)));
      lines.push_back({m_series[i].points, c, false});
      if (!m_series[i].name.empty()) legend.push_back({m_series[i].name, c, LegendSwatch::Line});
    }
    m_lines->setPolylines(std::move(lines));
    m_lines->setLegend(legend.size() > 1 ? std::move(legend) : std::vector<LegendEntry>{});
    m_palette = style.palette;
    const DataRect fitted = fittedView();
    m_canvas.setHomeView(fitted);
    if (m_follow) m_canvas.setView(fitted);
    m_dataChanged = false;
  }
}

void LineChart::onEvents(const CanvasEvents& events) {
  if (events.reset)
    m_follow = true;
  else if (events.viewChanged)
    m_follow = false;
}

CanvasEvents LineChart::show(const char* id, const ImVec2& size, const ui::Style& style) {
  update(style);
  const CanvasEvents events = showCanvas(id, m_canvas, size, style);
  onEvents(events);
  return events;
}

}  // namespace genlab::plot
