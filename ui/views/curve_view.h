#pragma once
// A training curve: one or more metric columns of the session against the step.

#include <string>
#include <vector>

#include "ui/plot/line_chart.h"
#include "ui/views/view.h"

namespace genlab::views {

class CurveView final : public View {
 public:
  // `columns`: metric names as the trainer logs them; `labels`: legend names (same length).
  CurveView(std::string title, std::vector<std::string> columns, std::vector<std::string> labels,
            std::string yLabel);
  std::string title() const override { return m_title; }
  void draw(ViewContext& context, ImVec2 size) override;
  plot::LineChart& chart() { return m_chart; }

 private:
  std::string m_title;
  std::vector<std::string> m_columns;
  plot::LineChart m_chart;
  std::size_t m_rowsShown = 0;
  std::int64_t m_lastStepShown = -1;
};

}  // namespace genlab::views
