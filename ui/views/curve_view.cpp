#include "ui/views/curve_view.h"

#include <cmath>

namespace genlab::views {

CurveView::CurveView(std::string title, std::vector<std::string> columns,
                     std::vector<std::string> labels, std::string yLabel)
    : m_title(std::move(title)), m_columns(std::move(columns)) {
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
    m_chart.clearData();
    m_rowsShown = 0;
  }
  for (std::size_t c = 0; c < m_columns.size(); ++c) {
    const int column = context.metrics.column(m_columns[c]);
    if (column < 0) continue;
    for (std::size_t r = m_rowsShown; r < rows.size(); ++r) {
      const double value = rows[r].values[static_cast<std::size_t>(column)];
      if (std::isfinite(value)) m_chart.append(c, static_cast<double>(rows[r].step), value);
    }
  }
  m_rowsShown = rows.size();
  m_lastStepShown = rows.empty() ? -1 : rows.back().step;
  m_chart.show(("##curve-" + m_title).c_str(), size, context.style);
}

}  // namespace genlab::views
