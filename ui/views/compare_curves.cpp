#include "ui/views/compare_curves.h"

#include <algorithm>
#include <cmath>

#include "ui/views/curve_view.h"

namespace genlab::views {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kRefreshPeriod = std::chrono::milliseconds(250);

double xOf(const train::MetricsRow& row, bool wallTime) {
  return wallTime ? row.wallSeconds : static_cast<double>(row.step);
}

// The baseline's value at x: at the same x when it has one, else the nearest earlier point.
double valueAt(const std::vector<plot::Vec2>& points, double x) {
  auto it = std::upper_bound(points.begin(), points.end(), x,
                             [](double value, const plot::Vec2& p) { return value < p.x; });
  if (it == points.begin()) return std::nan("");
  return std::prev(it)->y;
}

std::vector<plot::Vec2> minus(const std::vector<plot::Vec2>& points,
                              const std::vector<plot::Vec2>& baseline) {
  std::vector<plot::Vec2> out;
  out.reserve(points.size());
  for (const auto& p : points) {
    const double y = p.y - valueAt(baseline, p.x);
    if (std::isfinite(y)) out.push_back({p.x, y});
  }
  return out;
}

}  // namespace

bool CompareCurves::extend(RunCurve& curve, const MetricsCache& metrics,
                           const CurveOptions& options) {
  const auto& rows = metrics.rows();
  const bool restarted =
      rows.size() < curve.rows || (curve.rows > 0 && rows[curve.rows - 1].step != curve.lastStep);
  if (restarted) {
    const std::string label = curve.label;
    curve = RunCurve{};
    curve.label = label;
  }
  if (curve.rows == 0) curve.ema = math::DebiasedEma(options.smoothing);
  if (rows.size() == curve.rows) return restarted;
  const int column = metrics.column(options.metric);
  for (std::size_t r = curve.rows; r < rows.size(); ++r) {
    if (column < 0) break;
    const double x = xOf(rows[r], options.wallTime);
    const double y = rows[r].values[static_cast<std::size_t>(column)];
    if (!std::isfinite(x) || !std::isfinite(y)) continue;
    curve.raw.push_back({x, y});
    curve.smooth.push_back({x, curve.ema.add(x, y)});
  }
  curve.rows = rows.size();
  curve.lastStep = rows.empty() ? -1 : rows.back().step;
  return true;
}

void CompareCurves::draw(const char* id, const std::vector<CurveRun>& runs,
                         const CurveOptions& options, ImVec2 size, const ui::Style& style) {
  if (!m_chart) m_chart = std::make_unique<plot::LineChart>();
  std::string key = options.metric + "|" + std::to_string(options.smoothing) + "|" +
                    (options.wallTime ? "t" : "s") + "|" + std::to_string(options.baseline);
  for (const auto& run : runs) key += "|" + run.label;
  const bool optionsChanged = key != m_optionsKey;
  if (optionsChanged) {
    m_optionsKey = key;
    m_curves.assign(runs.size(), RunCurve{});
    for (std::size_t i = 0; i < runs.size(); ++i) m_curves[i].label = runs[i].label;
  }
  const auto now = Clock::now();
  // While rows keep coming the chart refreshes at most every kRefreshPeriod; once they stop
  // (training paused or done) the last rows are shown at once.
  std::size_t total = 0;
  for (const auto& run : runs) total += run.metrics ? run.metrics->rows().size() : 0;
  const bool growing = total != m_lastTotal;
  m_lastTotal = total;
  const bool settled = !growing && total != m_refreshedTotal;
  if (optionsChanged || settled || now - m_lastRefresh >= kRefreshPeriod) {
    m_refreshedTotal = total;
    bool changed = optionsChanged;
    for (std::size_t i = 0; i < runs.size(); ++i)
      if (runs[i].metrics) changed = extend(m_curves[i], *runs[i].metrics, options) || changed;
    if (changed) {
      m_lastRefresh = now;
      m_chart->clearSeries();
      m_curvesDrawn = 0;
      const bool haveBaseline =
          options.baseline >= 0 && options.baseline < static_cast<int>(runs.size());
      const RunCurve* base =
          haveBaseline ? &m_curves[static_cast<std::size_t>(options.baseline)] : nullptr;
      for (std::size_t i = 0; i < runs.size(); ++i) {
        if (!runs[i].metrics || static_cast<int>(i) == options.baseline) continue;
        const RunCurve& curve = m_curves[i];
        if (options.smoothing > 0.0) {
          const auto series = m_chart->addSeries("", runs[i].color.withAlpha(0.25f));
          m_chart->setData(series, decimateMinMax(base ? minus(curve.raw, base->raw) : curve.raw,
                                                  CurveView::kMaxDrawnPoints));
        }
        const auto& points = options.smoothing > 0.0 ? curve.smooth : curve.raw;
        auto drawn =
            base ? minus(points, options.smoothing > 0.0 ? base->smooth : base->raw) : points;
        if (!drawn.empty()) ++m_curvesDrawn;
        const std::string name =
            base ? runs[i].label + " - " + runs[static_cast<std::size_t>(options.baseline)].label
                 : runs[i].label;
        const auto series = m_chart->addSeries(name, runs[i].color);
        m_chart->setData(series, decimateMinMax(drawn, CurveView::kMaxDrawnPoints));
      }
      m_chart->setAxisLabels(options.wallTime ? "wall time (s)" : "step",
                             base ? options.metric + " (difference)" : options.metric);
    }
  }
  m_chart->show(id, size, style);
}

}  // namespace genlab::views
