#pragma once
// One metric of several runs on one chart, a colour per run (the same colour the run has in
// every panel of compare mode), with optional smoothing and a baseline.
//
// Smoothing is the debiased, gap-aware moving average of core/math/smoothing.h, computed on
// each run's full series before decimation for drawing; the raw curve stays behind it, faint.
// With a baseline, every other run is drawn as its difference from the baseline at the same
// step (or, against wall time, the baseline's value at the nearest earlier time): where two
// runs part is then where the curve leaves zero.

#include <memory>
#include <string>
#include <vector>

#include "ui/plot/line_chart.h"
#include "ui/theme.h"
#include "ui/views/metrics_cache.h"

struct ImVec2;

namespace genlab::views {

struct CurveRun {
  std::string label;
  const MetricsCache* metrics = nullptr;
  gl::Color color;
};

struct CurveOptions {
  std::string metric;
  double smoothing = 0.0;  // EMA weight in [0, 1)
  bool wallTime = false;   // x: wall time (s) instead of the step
  int baseline = -1;       // index into the runs, or -1
};

class CompareCurves {
 public:
  // Rebuilds the series when the options or the runs' row counts changed, then draws.
  void draw(const char* id, const std::vector<CurveRun>& runs, const CurveOptions& options,
            ImVec2 size, const ui::Style& style);
  // Series with at least one point after the last draw (one per run, not counting raw curves).
  int curvesDrawn() const { return m_curvesDrawn; }

  // The points of one run's curve as drawn before decimation (exposed for tests).
  static std::vector<plot::Vec2> curvePoints(const MetricsCache& metrics,
                                             const CurveOptions& options,
                                             const MetricsCache* baseline);

 private:
  // Made on first draw: a chart owns GL objects, and the lab builds its state before its GL
  // context exists.
  std::unique_ptr<plot::LineChart> m_chart;
  std::string m_key;  // what the series were built from
  int m_curvesDrawn = 0;
};

}  // namespace genlab::views
