#pragma once
// A training curve: one or more metric columns of the session against the step.
//
// A fast trainer logs thousands of rows a second, more than a plot has pixels. The view keeps
// every row but hands the chart at most kMaxDrawnPoints per series: min and max of each bucket
// of consecutive steps, so spikes survive and the drawing cost stays flat however long the run.

#include <string>
#include <vector>

#include "ui/plot/line_chart.h"
#include "ui/views/view.h"

namespace genlab::views {

// Keeps the first and last points and, per bucket of consecutive points, the minimum and the
// maximum in their original order. Returns `points` unchanged when it is short enough.
std::vector<plot::Vec2> decimateMinMax(const std::vector<plot::Vec2>& points,
                                       std::size_t maxPoints);

class CurveView final : public View {
 public:
  static constexpr std::size_t kMaxDrawnPoints = 2000;

  // `columns`: metric names as the trainer logs them; `labels`: legend names (same length).
  CurveView(std::string title, std::vector<std::string> columns, std::vector<std::string> labels,
            std::string yLabel);
  std::string title() const override { return m_title; }
  void draw(ViewContext& context, ImVec2 size) override;
  plot::LineChart& chart() { return m_chart; }

 private:
  std::string m_title;
  std::vector<std::string> m_columns;
  std::vector<std::vector<plot::Vec2>> m_series;  // every logged point, per column
  plot::LineChart m_chart;
  std::size_t m_rowsShown = 0;
  std::int64_t m_lastStepShown = -1;
};

}  // namespace genlab::views
