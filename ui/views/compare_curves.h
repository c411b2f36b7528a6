#pragma once
// One metric of several runs on one chart, a colour per run (the same colour the run has in
// every panel of compare mode), with optional smoothing and a baseline.
//
// Smoothing is the debiased, gap-aware moving average of core/math/smoothing.h, computed on
// each run's full series before decimation for drawing; the raw curve stays behind it, faint.
// With a baseline, every other run is drawn as its difference from the baseline at the same
// step (or, against wall time, the baseline's value at the nearest earlier time): where two
// runs part is then where the curve leaves zero.
//
// Cost: live runs append thousands of rows a second. Each run's raw and smoothed points are
// kept and extended with new rows only (O(1) a row); while rows keep coming the chart is handed
// new data at most four times a second, which is as often as a curve needs to move, and as
// soon as they stop.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "core/math/smoothing.h"
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
  void draw(const char* id, const std::vector<CurveRun>& runs, const CurveOptions& options,
            ImVec2 size, const ui::Style& style);
  // Series with at least one point after the last refresh (one per run, not counting raw
  // curves or the baseline itself).
  int curvesDrawn() const { return m_curvesDrawn; }

 private:
  // One run's points so far, extended row by row.
  struct RunCurve {
    std::string label;
    std::size_t rows = 0;        // rows of the run's MetricsCache consumed
    std::int64_t lastStep = -1;  // the step of the last consumed row (a reset changes it)
    math::DebiasedEma ema{0.0};
    std::vector<plot::Vec2> raw;
    std::vector<plot::Vec2> smooth;
  };
  // Appends the rows `curve` has not seen (starting over after a reset); true when it changed.
  static bool extend(RunCurve& curve, const MetricsCache& metrics, const CurveOptions& options);

  // Made on first draw: a chart owns GL objects, and the lab builds its state before its GL
  // context exists.
  std::unique_ptr<plot::LineChart> m_chart;
  std::string m_optionsKey;
  std::vector<RunCurve> m_curves;
  std::chrono::steady_clock::time_point m_lastRefresh;
  std::size_t m_lastTotal = 0;       // rows of all runs at the last draw
  std::size_t m_refreshedTotal = 0;  // rows of all runs at the last refresh
  int m_curvesDrawn = 0;
};

}  // namespace genlab::views
