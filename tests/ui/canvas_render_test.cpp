// Offscreen rendering of the canvas and its layers, checked by measurable pixel properties.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "gl_fixture.h"
#include "ui/plot/heatmap_layer.h"
#include "ui/plot/line_layer.h"
#include "ui/plot/marker_layer.h"
#include "ui/plot/plot_canvas.h"
#include "ui/plot/point_layer.h"
#include "ui/plot/rect_layer.h"
#include "ui/plot/text_layer.h"

using namespace genlab;
using namespace genlab::plot;
using test::colorDistance;

namespace {

class CanvasRender : public test::GlTest {
 protected:
  // A plain style: white background, no grid, so layer pixels are easy to tell apart.
  static ui::Style plainStyle() {
    ui::Style s = ui::Style::normal();
    s.palette.grid = s.palette.background;
    return s;
  }
  void SetUp() override {
    GlTest::SetUp();
    if (IsSkipped()) return;
    canvas = std::make_unique<PlotCanvas>();
    canvas->resize(400, 300);
    canvas->setShowGrid(false);
    canvas->setView({0, 10, 0, 10});
  }
  void TearDown() override { canvas.reset(); }

  // Renders and returns the pixel under data point d, with the transform the render used.
  gl::ImageRgba renderNow() {
    canvas->render(style);
    return canvas->readPixels();
  }
  Vec2 pixelOf(Vec2 d) const { return canvas->transform().toPixel(d); }

  ui::Style style = plainStyle();
  std::unique_ptr<PlotCanvas> canvas;
};

const std::uint8_t* at(const gl::ImageRgba& img, Vec2 p) {
  return img.at(static_cast<int>(std::floor(p.x)), static_cast<int>(std::floor(p.y)));
}

}  // namespace

TEST_F(CanvasRender, RedPointLandsAtItsTransformedPixel) {
  auto& points = canvas->add<PointLayer>();
  points.setPoints(std::vector<float>{3.0f, 7.0f}, {Rgba8{255, 0, 0, 255}});
  points.setPointSize(9);
  const gl::ImageRgba img = renderNow();
  ASSERT_EQ(img.width, 400);
  ASSERT_EQ(img.height, 300);
  const Vec2 p = pixelOf({3, 7});
  EXPECT_LE(colorDistance(at(img, p), 255, 0, 0), 10) << "at " << p.x << "," << p.y;
  // Inside the plot area but far from the point: background.
  EXPECT_LE(colorDistance(at(img, pixelOf({8, 2})), 255, 255, 255), 2);
  // Just outside the disc's radius (4.5 px + 1 px rim).
  EXPECT_LE(colorDistance(at(img, p + Vec2{7, 0}), 255, 255, 255), 2);
}

TEST_F(CanvasRender, ThickLineCoversItsWidth) {
  auto& lines = canvas->add<LineLayer>();
  lines.addPolyline({{1, 5}, {9, 5}}, ui::Color{0, 0, 1, 1});
  lines.setWidth(8);
  const gl::ImageRgba img = renderNow();
  const Vec2 c = pixelOf({5, 5});
  // Rows within the half-width (minus the 1-px antialiased rim) are blue; beyond it, white.
  for (int dy = -3; dy <= 3; ++dy)
    EXPECT_LE(colorDistance(at(img, c + Vec2{0, static_cast<double>(dy)}), 0, 0, 255), 40)
        << "dy " << dy;
  for (int dy : {-7, 7})
    EXPECT_LE(colorDistance(at(img, c + Vec2{0, static_cast<double>(dy)}), 255, 255, 255), 2)
        << "dy " << dy;
  // Along the line too, not only at its middle; and not past its (round) end caps.
  EXPECT_LE(colorDistance(at(img, pixelOf({1.5, 5})), 0, 0, 255), 40);
  EXPECT_LE(colorDistance(at(img, pixelOf({9, 5}) + Vec2{8, 0}), 255, 255, 255), 2);
}

TEST_F(CanvasRender, ClosedEllipseHasAHole) {
  auto& lines = canvas->add<LineLayer>();
  lines.addPolyline(covarianceEllipse({5, 5}, 4, 0, 1, 1.0), ui::Color{0, 0.5f, 0, 1}, true);
  lines.setWidth(4);
  const gl::ImageRgba img = renderNow();
  EXPECT_LE(colorDistance(at(img, pixelOf({5, 5})), 255, 255, 255), 2);  // centre empty
  EXPECT_LE(colorDistance(at(img, pixelOf({7, 5})), 0, 128, 0), 40);     // on the 2-unit axis
  EXPECT_LE(colorDistance(at(img, pixelOf({5, 6})), 0, 128, 0), 40);     // on the 1-unit axis
}

TEST_F(CanvasRender, HeatmapShowsItsColormapValueInTheRightCell) {
  auto& heat = canvas->add<HeatmapLayer>();
  // 2x2 grid over [2, 8]^2, row 0 at the bottom: values 0, 1 / 0.5, 0.25.
  const std::vector<float> values = {0.0f, 1.0f, 0.5f, 0.25f};
  heat.setScalars({2, 2, {2, 8, 2, 8}, false}, values, 0.0f, 1.0f);
  const gl::ImageRgba img = renderNow();
  auto expect = [&](Vec2 d, float v) {
    const ui::Rgba8 c = ui::colormap(ui::Colormap::Viridis, v).toRgba8();
    EXPECT_LE(colorDistance(at(img, pixelOf(d)), c.r, c.g, c.b), 3) << d.x << "," << d.y;
  };
  expect({3.5, 3.5}, 0.0f);                                              // bottom-left cell
  expect({6.5, 3.5}, 1.0f);                                              // bottom-right
  expect({3.5, 6.5}, 0.5f);                                              // top-left
  expect({6.5, 6.5}, 0.25f);                                             // top-right
  EXPECT_LE(colorDistance(at(img, pixelOf({1, 1})), 255, 255, 255), 2);  // outside the grid
}

TEST_F(CanvasRender, LayersAreClippedToThePlotArea) {
  auto& rects = canvas->add<RectLayer>();
  rects.setRects({{{-100, 100, -100, 100}, ui::Color{1, 0, 0, 1}}});
  const gl::ImageRgba img = renderNow();
  const PixelRect a = canvas->plotArea();
  EXPECT_LE(colorDistance(at(img, {a.left + a.width / 2, a.top + a.height / 2}), 255, 0, 0), 2);
  // The margin left of the y axis stays background.
  EXPECT_LE(colorDistance(img.at(1, img.height / 2), 255, 255, 255), 2);
}

TEST_F(CanvasRender, DensityModeShowsMassWhereThePointsAre) {
  auto& points = canvas->add<PointLayer>();
  std::mt19937 rng(7);
  std::normal_distribution<float> n(0.0f, 0.3f);
  std::vector<float> xy;
  const std::size_t count = 50'000;
  for (std::size_t i = 0; i < count; ++i) {
    xy.push_back(2.5f + n(rng));  // one blob at (2.5, 7.5)
    xy.push_back(7.5f + n(rng));
  }
  points.setPoints(std::move(xy));
  points.setColor(ui::Color{0, 0, 0, 1});
  points.setDensityThreshold(10'000);
  ASSERT_TRUE(points.usesDensity());
  const gl::ImageRgba img = renderNow();
  // Dark at the blob centre, untouched in the opposite corner.
  const std::uint8_t* centre = at(img, pixelOf({2.5, 7.5}));
  EXPECT_LT(centre[0], 60);
  EXPECT_LE(colorDistance(at(img, pixelOf({7.5, 2.5})), 255, 255, 255), 2);

  // Colormap colouring: the densest bin uses the top of the colormap.
  points.setDensityColoring(DensityColoring::Colormap);
  const gl::ImageRgba img2 = renderNow();
  const ui::Rgba8 top = ui::colormap(ui::Colormap::Viridis, 1.0f).toRgba8();
  int best = 255;
  const Vec2 c = pixelOf({2.5, 7.5});
  for (int dy = -4; dy <= 4; ++dy)
    for (int dx = -4; dx <= 4; ++dx)
      best = std::min(
          best, colorDistance(at(img2, c + Vec2{static_cast<double>(dx), static_cast<double>(dy)}),
                              top.r, top.g, top.b));
  EXPECT_LE(best, 40);
  EXPECT_LE(colorDistance(at(img2, pixelOf({7.5, 2.5})), 255, 255, 255), 2);
}

TEST_F(CanvasRender, RendersOnlyWhenSomethingChanged) {
  auto& points = canvas->add<PointLayer>();
  points.setPoints(std::vector<float>{1, 1});
  EXPECT_TRUE(canvas->renderIfNeeded(style));
  EXPECT_FALSE(canvas->renderIfNeeded(style));
  points.setColor(ui::Color{1, 0, 0, 1});
  EXPECT_TRUE(canvas->renderIfNeeded(style));
  canvas->setView({0, 5, 0, 5});
  EXPECT_TRUE(canvas->renderIfNeeded(style));
  canvas->resize(300, 300);
  EXPECT_TRUE(canvas->renderIfNeeded(style));
  EXPECT_TRUE(canvas->renderIfNeeded(ui::Style::presentation()));
  EXPECT_FALSE(canvas->renderIfNeeded(ui::Style::presentation()));
}

TEST_F(CanvasRender, DraggingAMarkerMovesItAndReportsIt) {
  auto& markers = canvas->add<MarkerLayer>();
  markers.setMarkers({{{5, 5}, ui::Color{1, 0, 0, 1}, 8}});
  markers.setDraggable(true);
  canvas->render(style);
  const DataRect before = canvas->view();
  const Vec2 start = pixelOf({5, 5}) + Vec2{2, 1};  // grab slightly off-centre
  CanvasInput in;
  in.hovered = true;
  in.mouse = start;
  canvas->handleInput(in);
  in.leftDown = true;
  CanvasEvents ev = canvas->handleInput(in);
  EXPECT_EQ(ev.itemLayer, &markers);
  in.mouse = start + Vec2{40, -30};
  ev = canvas->handleInput(in);
  EXPECT_TRUE(ev.itemMoved);
  EXPECT_FALSE(ev.viewChanged);
  const Vec2 moved = canvas->transform().toPixel(markers.markers()[0].position);
  const Vec2 expected = pixelOf({5, 5}) + Vec2{40, -30};
  EXPECT_NEAR(moved.x, expected.x, 1e-6);
  EXPECT_NEAR(moved.y, expected.y, 1e-6);
  in.leftDown = false;
  ev = canvas->handleInput(in);
  EXPECT_TRUE(ev.itemReleased);
  EXPECT_EQ(canvas->view(), before);
}

TEST_F(CanvasRender, DragPansWheelZoomsClickClicks) {
  canvas->add<PointLayer>().setPoints(std::vector<float>{0, 0, 10, 10});
  canvas->render(style);
  const ViewTransform vt = canvas->transform();
  const Vec2 a{200, 150};
  const Vec2 grabbed = vt.toData(a);
  CanvasInput in;
  in.hovered = true;
  in.mouse = a;
  canvas->handleInput(in);
  in.leftDown = true;
  canvas->handleInput(in);
  in.mouse = a + Vec2{30, 20};
  EXPECT_TRUE(canvas->handleInput(in).viewChanged);
  in.leftDown = false;
  EXPECT_FALSE(canvas->handleInput(in).clicked);  // it was a drag
  const Vec2 now = canvas->transform().toPixel(grabbed);
  EXPECT_NEAR(now.x, a.x + 30, 1e-6);
  EXPECT_NEAR(now.y, a.y + 20, 1e-6);

  // Wheel: zoom in around the cursor, which keeps its data point.
  const Vec2 under = canvas->transform().toData(in.mouse);
  in.wheel = 2;
  EXPECT_TRUE(canvas->handleInput(in).viewChanged);
  in.wheel = 0;
  const Vec2 still = canvas->transform().toData(in.mouse);
  EXPECT_NEAR(still.x, under.x, 1e-9);
  EXPECT_NEAR(still.y, under.y, 1e-9);

  // Click: press and release in place.
  in.leftDown = true;
  canvas->handleInput(in);
  in.leftDown = false;
  const CanvasEvents ev = canvas->handleInput(in);
  EXPECT_TRUE(ev.clicked);
  EXPECT_NEAR(ev.clickData.x, under.x, 1e-9);

  // Double-click (the second press) resets to the data, and its release is no click.
  in.leftDown = true;
  in.doubleClicked = true;
  const CanvasEvents second = canvas->handleInput(in);
  EXPECT_TRUE(second.viewChanged);
  EXPECT_TRUE(second.reset);
  EXPECT_TRUE(canvas->view().contains({0, 0}) && canvas->view().contains({10, 10}));
  in.doubleClicked = false;
  in.leftDown = false;
  EXPECT_FALSE(canvas->handleInput(in).clicked);
  // The next single click clicks again.
  in.leftDown = true;
  canvas->handleInput(in);
  in.leftDown = false;
  EXPECT_TRUE(canvas->handleInput(in).clicked);
}

TEST_F(CanvasRender, ImageRowsCanStartAtTheTop) {
  auto& heat = canvas->add<HeatmapLayer>();
  // 1 column, 2 rows, first row (red) at the top.
  const std::vector<ui::Rgba8> cells = {{255, 0, 0, 255}, {0, 0, 255, 255}};
  heat.setImage({1, 2, {2, 8, 2, 8}, true}, cells);
  const gl::ImageRgba img = renderNow();
  EXPECT_LE(colorDistance(at(img, pixelOf({5, 7})), 255, 0, 0), 2);
  EXPECT_LE(colorDistance(at(img, pixelOf({5, 3})), 0, 0, 255), 2);
}

TEST_F(CanvasRender, HoverEnlargesADraggableMarker) {
  auto& markers = canvas->add<MarkerLayer>();
  markers.setMarkers({{{5, 5}, ui::Color{1, 0, 0, 1}, 6}});
  markers.setDraggable(true);
  canvas->render(style);
  const Vec2 c = pixelOf({5, 5});
  // 7 px right of the centre: outside a 6-px disc, inside it once grown by hover (7.8 px).
  EXPECT_LE(colorDistance(at(renderNow(), c + Vec2{7, 0}), 255, 255, 255), 2);
  CanvasInput in;
  in.hovered = true;
  in.mouse = c;
  canvas->handleInput(in);
  EXPECT_TRUE(canvas->needsRedraw(style));
  const gl::ImageRgba hovered = renderNow();
  EXPECT_GT(colorDistance(at(hovered, c + Vec2{7, 0}), 255, 255, 255), 100);
}

// Every tick label and title stays inside the canvas, however long the titles and however short
// the chart (a projector's BIC chart once read "lower is bette").
TEST_F(CanvasRender, TitlesAndTickLabelsStayInsideTheCanvas) {
  canvas->setTitle("A chart title much too long for the canvas it is given to sit on top of");
  canvas->setAxisLabels("an x axis title that is also far too long for this narrow canvas",
                        "BIC, AIC (lower is better)");
  const std::tuple<int, int, bool> sizes[] = {
      {400, 300, false}, {300, 180, true}, {220, 140, true}};
  for (const auto& [w, h, present] : sizes) {
    canvas->resize(w, h);
    canvas->setView({0, 1000, -20000, 90000});
    const ui::Style s = present ? ui::Style::presentation() : ui::Style::normal();
    canvas->render(s);
    ASSERT_FALSE(canvas->texts().empty());
    for (const plot::PlacedText& t : canvas->texts()) {
      const gl::PixelBox& b = t.box;
      EXPECT_GE(b.x0, -0.5f) << w << "x" << h;
      EXPECT_GE(b.y0, -0.5f) << w << "x" << h;
      EXPECT_LE(b.x1, w + 0.5f) << w << "x" << h;
      EXPECT_LE(b.y1, h + 0.5f) << w << "x" << h;
    }
  }
}

TEST_F(CanvasRender, CategoricalAxisTicksAtItsCategories) {
  canvas->setXCategories({"1", "2", "3", "4", "5", "6", "7"});
  canvas->setView({-0.6, 6.6, 0, 1});
  canvas->render(style);
  EXPECT_EQ(canvas->xTicks().values, (std::vector<double>{0, 1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(canvas->xTicks().labels, (std::vector<std::string>{"1", "2", "3", "4", "5", "6", "7"}));
}

// Labels of a layer: one that would cover an earlier label is left out; one anchored at the
// plot's edge is moved inside the plot area instead of being cut there; the legend sits above
// the plot area, clear of the data.
TEST_F(CanvasRender, LabelsStayWholeAndApart) {
  auto& labels = canvas->add<TextLayer>();
  const Color ink{0, 0, 0, 1};
  const auto label = [&](Vec2 at, const char* text) {
    Label l;
    l.position = at;
    l.text = text;
    l.color = ink;
    return l;
  };
  labels.setLabels({label({5, 5}, "first"),
                    label({5.1, 5.05}, "second"),  // on top of "first": left out
                    label({10, 10}, "corner")});   // the top-right corner: moved in
  canvas->setLegend({{"a legend entry", ink, LegendSwatch::Point}});
  canvas->render(style);
  std::vector<std::string> drawn;
  const PixelRect area = canvas->plotArea();
  for (const PlacedText& t : canvas->texts()) {
    drawn.push_back(t.text);
    if (t.text == "corner") {
      EXPECT_GE(t.box.x0, area.left - 0.5);
      EXPECT_LE(t.box.x1, area.right() + 0.5);
      EXPECT_GE(t.box.y0, area.top - 0.5);
      EXPECT_LE(t.box.y1, area.bottom() + 0.5);
    }
    if (t.text == "a legend entry") {
      EXPECT_LE(t.box.y1, area.top) << "the legend is above the plot";
    }
  }
  EXPECT_NE(std::find(drawn.begin(), drawn.end(), "first"), drawn.end());
  EXPECT_EQ(std::find(drawn.begin(), drawn.end(), "second"), drawn.end());
  EXPECT_NE(std::find(drawn.begin(), drawn.end(), "corner"), drawn.end());
  EXPECT_NE(std::find(drawn.begin(), drawn.end(), "a legend entry"), drawn.end());
}
