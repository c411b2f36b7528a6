#include "ui/views/curve_view.h"

#include <algorithm>
#include <cmath>

namespace genlab::views {

std::vector<plot::Vec2> decimateMinMax(const std::vector<plot::Vec2>& points,
                                       std::size_t maxPoints) {
  if (points.size() <= maxPoints || maxPoints < 4) return points;
  const std::size_t buckets = (maxPoints - 2) / 2;
  const std::size_t inner = points.size() - 2;
  std::vector<plot::Vec2> out;
  out.reserve(maxPoints);
  out.push_back(points.front());
  for (std::size_t b = 0; b < buckets; ++b) {
    const std::size_t begin = 1 + inner * b / buckets;
    const std::size_t end = 1 + inner * (b + 1) / buckets;
    if (begin >= end) continue;
    std::size_t lo = begin;
    std::size_t hi = begin;
    for (std::size_t i = begin; i < end; ++i) {
      if (points[i].y < points[lo].y) lo = i;
      if (points[i].y > points[hi].y) hi = i;
    }
    out.push_back(points[std::min(lo, hi)]);
    if (lo != hi) out.push_back(points[std::max(lo, hi)]);
  }
  out.push_back(points.back());
  return out;
}

CurveView::CurveView(std::string title, std::vector<std::string> columns,
                     std::vector<std::string> labels, std::string yLabel)
    : m_title(std::move(title)), m_columns(std::move(columns)), m_series(m_columns.size()) {
  for (std::size_t i = 0; i < m_columns.size(); ++i) {
    m_chart.addSeries(i < labels.size() ? labels[i] : m_columns[i]);
  }
  m_chart.setAxisLabels("step", std::move(yLabel));
}

void CurveView::draw(ViewContext& context, ImVec2 size) {
  const auto& rows = context.metrics.rows();
  // Rows only grow until a reset (the cache then starts again from empty), so appending the
  // tail is enough; a shrink or a different last step means start over.
  const bool restarted = rows.size() < m_rowsShown ||
                         (m_rowsShown > 0 && rows[m_rowsShown - 1].step != m_lastStepShown);
  if (restarted) {
    for (auto& series : m_series) series.clear();
    m_rowsShown = 0;
  }
  if (restarted || rows.size() != m_rowsShown) {
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
      const int column = context.metrics.column(m_columns[c]);
      if (column < 0) continue;
      for (std::size_t r = m_rowsShown; r < rows.size(); ++r) {
        const double value = rows[r].values[static_cast<std::size_t>(column)];
        if (std::isfinite(value)) m_series[c].push_back({static_cast<double>(rows[r].step), value});
      }
      m_chart.setData(c, decimateMinMax(m_series[c], kMaxDrawnPoints));
    }
    m_rowsShown = rows.size();
    m_lastStepShown = rows.empty() ? -1 : rows.back().step;
  }
  m_chart.show(("##curve-" + m_title).c_str(), size, context.style);
}

}  // namespace genlab::views
