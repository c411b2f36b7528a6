// LineChart fitting and follow/unfollow, and PointLayer's default density switch.

#include "ui/plot/line_chart.h"

#include <gtest/gtest.h>

#include <vector>

#include "gl_fixture.h"
#include "ui/plot/point_layer.h"

using namespace genlab;
using namespace genlab::plot;

namespace {
class Charts : public test::GlTest {};
}  // namespace

TEST_F(Charts, FitsAllSeriesAndStopsFollowingAfterAPan) {
  LineChart chart;
  const auto a = chart.addSeries("train"), b = chart.addSeries("test");
  for (int s = 0; s <= 100; ++s) {
    chart.append(a, s, 2.0 - s * 0.01);
    chart.append(b, s, 2.5 - s * 0.01);
  }
  const ui::Style style = ui::Style::normal();
  chart.update(style);
  const DataRect v = chart.canvas().view();
  EXPECT_DOUBLE_EQ(v.xMin, 0);
  EXPECT_DOUBLE_EQ(v.xMax, 100);
  EXPECT_LT(v.yMin, 1.0);  // lowest point 1.0
  EXPECT_GT(v.yMax, 2.5);  // highest point 2.5
  EXPECT_LT(v.yMax - 2.5, 0.2);

  chart.canvas().resize(400, 300);
  chart.canvas().render(style);
  CanvasEvents panned;
  panned.viewChanged = true;
  chart.onEvents(panned);
  EXPECT_FALSE(chart.following());
  chart.canvas().setView({10, 20, 0, 1});
  chart.append(a, 101, 0.5);
  chart.update(style);
  EXPECT_DOUBLE_EQ(chart.canvas().view().xMin, 10);  // the user's view is kept
  CanvasEvents reset;
  reset.viewChanged = reset.reset = true;
  chart.onEvents(reset);
  EXPECT_TRUE(chart.following());
  chart.append(a, 102, 0.4);
  chart.update(style);
  EXPECT_DOUBLE_EQ(chart.canvas().view().xMax, 102);
  EXPECT_LT(chart.canvas().view().yMin, 0.4);
}

TEST_F(Charts, LargePointSetsSwitchToDensityByDefault) {
  PlotCanvas canvas;
  canvas.resize(320, 240);
  auto& small = canvas.add<PointLayer>();
  small.setPoints(std::vector<float>(2 * 1000, 0.5f));
  auto& large = canvas.add<PointLayer>();
  large.setPoints(std::vector<float>(2 * 500'000, 0.5f));
  canvas.setView({0, 1, 0, 1});
  canvas.render(ui::Style::normal());
  EXPECT_FALSE(small.usesDensity());
  EXPECT_TRUE(large.usesDensity());
  // Bigger points (presentation) switch earlier.
  const std::size_t normalThreshold = large.densityThreshold();
  canvas.render(ui::Style::presentation());
  EXPECT_LT(large.densityThreshold(), normalThreshold);
}
