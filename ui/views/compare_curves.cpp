#include "ui/views/compare_curves.h"

#include <algorithm>
#include <cmath>

#include "core/math/smoothing.h"
#include "ui/views/curve_view.h"

namespace genlab::views {
namespace {

struct Series {
  std::vector<double> x;
  std::vector<double> y;
};

Series column(const MetricsCache& metrics, const std::string& name, bool wallTime) {
  Series s;
  const int c = metrics.column(name);
  if (c < 0) return s;
  for (const auto& row : metrics.rows()) {
    const double x = wallTime ? row.wallSeconds : static_cast<double>(row.step);
    if (!std::isfinite(x)) continue;
    s.x.push_back(x);
    s.y.push_back(row.values[static_cast<std::size_t>(c)]);
  }
  return s;
}

// The baseline's value at x: at the same x when it has one, else the nearest earlier.
double valueAt(const Series& s, double x) {
  auto it = std::upper_bound(s.x.begin(), s.x.end(), x);
  if (it == s.x.begin()) return std::nan("");
  return s.y[static_cast<std::size_t>(std::distance(s.x.begin(), it) - 1)];
}

}  // namespace

std::vector<plot::Vec2> CompareCurves::curvePoints(const MetricsCache& metrics,
                                                   const CurveOptions& options,
                                                   const MetricsCache* baseline) {
  Series s = column(metrics, options.metric, options.wallTime);
  s.y = math::debiasedEma(s.x, s.y, options.smoothing);
  Series base;
  if (baseline) {
    base = column(*baseline, options.metric, options.wallTime);
    base.y = math::debiasedEma(base.x, base.y, options.smoothing);
  }
  std::vector<plot::Vec2> points;
  points.reserve(s.x.size());
  for (std::size_t i = 0; i < s.x.size(); ++i) {
    const double y = baseline ? s.y[i] - valueAt(base, s.x[i]) : s.y[i];
    if (std::isfinite(y)) points.push_back({s.x[i], y});
  }
  return points;
}

void CompareCurves::draw(const char* id, const std::vector<CurveRun>& runs,
                         const CurveOptions& options, ImVec2 size, const ui::Style& style) {
  std::string key = options.metric + "|" + std::to_string(options.smoothing) + "|" +
                    (options.wallTime ? "t" : "s") + "|" + std::to_string(options.baseline);
  for (const auto& run : runs)
    key +=
        "|" + run.label + ":" + std::to_string(run.metrics ? run.metrics->rows().size() : 0) + ":" +
        std::to_string(run.metrics && !run.metrics->rows().empty() ? run.metrics->rows().back().step
                                                                   : -1);
  if (!m_chart) m_chart = std::make_unique<plot::LineChart>();
  if (key != m_key) {
    m_key = key;
    m_chart->clearSeries();
    m_curvesDrawn = 0;
    const MetricsCache* baseline =
        options.baseline >= 0 && options.baseline < static_cast<int>(runs.size())
            ? runs[static_cast<std::size_t>(options.baseline)].metrics
            : nullptr;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      if (!runs[i].metrics || static_cast<int>(i) == options.baseline) continue;
      if (options.smoothing > 0.0) {
        CurveOptions raw = options;
        raw.smoothing = 0.0;
        const auto series = m_chart->addSeries("", runs[i].color.withAlpha(0.25f));
        m_chart->setData(series, decimateMinMax(curvePoints(*runs[i].metrics, raw, baseline),
                                                CurveView::kMaxDrawnPoints));
      }
      auto points = curvePoints(*runs[i].metrics, options, baseline);
      if (!points.empty()) ++m_curvesDrawn;
      const std::string name =
          baseline ? runs[i].label + " - " + runs[static_cast<std::size_t>(options.baseline)].label
                   : runs[i].label;
      const auto series = m_chart->addSeries(name, runs[i].color);
      m_chart->setData(series, decimateMinMax(points, CurveView::kMaxDrawnPoints));
    }
    const std::string y = baseline ? options.metric + " (difference)" : options.metric;
    m_chart->setAxisLabels(options.wallTime ? "wall time (s)" : "step", y);
  }
  m_chart->show(id, size, style);
}

}  // namespace genlab::views
