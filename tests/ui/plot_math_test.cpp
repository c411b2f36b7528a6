// Pure plot geometry: tick selection, transforms, pan and zoom.

#include "ui/plot/plot_math.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <tuple>

using namespace genlab::plot;

namespace {

// The mantissa of a positive step in [1, 10).
double mantissa(double step) {
  return step / std::pow(10.0, std::floor(std::log10(step) + 1e-12));
}

}  // namespace

class NiceTicks : public ::testing::TestWithParam<std::tuple<double, double, int>> {};

TEST_P(NiceTicks, StepsAreNiceCoverTheRangeAndStayWithinTheCount) {
  const auto [lo, hi, maxTicks] = GetParam();
  const Ticks t = niceTicks(lo, hi, maxTicks);
  ASSERT_GE(t.values.size(), 2u) << lo << ".." << hi;
  EXPECT_LE(t.values.size(), static_cast<std::size_t>(maxTicks));
  const double m = mantissa(t.step);
  EXPECT_TRUE(std::abs(m - 1) < 1e-9 || std::abs(m - 2) < 1e-9 || std::abs(m - 5) < 1e-9)
      << "step " << t.step;
  const double tol = t.step * 1e-9;
  EXPECT_GE(t.values.front(), lo - tol);
  EXPECT_LE(t.values.back(), hi + tol);
  // No gap of a whole step at either end: the ticks span the range.
  EXPECT_LT(t.values.front() - lo, t.step + tol);
  EXPECT_LT(hi - t.values.back(), t.step + tol);
  for (std::size_t i = 1; i < t.values.size(); ++i)
    EXPECT_NEAR(t.values[i] - t.values[i - 1], t.step, tol);
  ASSERT_EQ(t.labels.size(), t.values.size());
  for (const auto& s : t.labels) {
    EXPECT_LE(s.size(), 9u) << "noisy label " << s;
    EXPECT_EQ(s.find("000000"), std::string::npos) << "noisy label " << s;
    EXPECT_NE(s, "-0");
    // The label parses back to its value (up to the printed precision).
  }
  for (std::size_t i = 0; i < t.values.size(); ++i)
    EXPECT_NEAR(std::stod(t.labels[i]), t.values[i], t.step * 1e-6) << t.labels[i];
}

INSTANTIATE_TEST_SUITE_P(
    Ranges, NiceTicks,
    ::testing::Values(std::make_tuple(0.0, 1.0, 6), std::make_tuple(-3.7, 12.2, 8),
                      std::make_tuple(0.1, 0.7, 7), std::make_tuple(-0.0031, 0.0047, 5),
                      std::make_tuple(1e6, 5e6, 6), std::make_tuple(-1e-5, 3e-5, 5),
                      std::make_tuple(99.0, 101.0, 4), std::make_tuple(-250.0, -10.0, 10),
                      std::make_tuple(0.0, 59999.0, 7), std::make_tuple(2.0, 2.0001, 3)));

TEST(NiceTicksLabels, DecimalRangesPrintCleanly) {
  const Ticks t = niceTicks(0.0, 1.0, 11);
  EXPECT_DOUBLE_EQ(t.step, 0.1);
  ASSERT_EQ(t.labels.size(), 11u);
  EXPECT_EQ(t.labels[3], "0.3");
  EXPECT_EQ(t.labels[0], "0.0");
  EXPECT_EQ(t.labels[10], "1.0");
}

TEST(NiceTicksLabels, SymmetricRangeHasZeroWithoutSign) {
  const Ticks t = niceTicks(-1.0, 1.0, 5);
  bool sawZero = false;
  for (const auto& s : t.labels) sawZero |= s == "0" || s == "0.0";
  EXPECT_TRUE(sawZero);
}

TEST(NiceTicksLabels, ReversedAndDegenerateRanges) {
  const Ticks r = niceTicks(10.0, 0.0, 6);
  ASSERT_GE(r.values.size(), 2u);
  EXPECT_LT(r.values.front(), r.values.back());
  const Ticks d = niceTicks(3.0, 3.0, 5);
  EXPECT_GE(d.values.size(), 2u);
}

TEST(NiceTicksLabels, ARangeOfAFewUlpsIsWidenedNotTickedAtItsRoundingStep) {
  // Two runs' curves equal but for the last bits of a double: before the fix the tick loop
  // never advanced (a step below the spacing of doubles) and filled memory.
  for (const double lo : {-20.123456789, 1.0e15, 3.0e-300, -7.5}) {
    const double hi = std::nextafter(std::nextafter(lo, HUGE_VAL), HUGE_VAL);
    const Ticks t = niceTicks(lo, hi, 6);
    ASSERT_GE(t.values.size(), 2u) << lo;
    EXPECT_LE(t.values.size(), 6u) << lo;
    EXPECT_LE(t.values.front(), lo) << lo;  // the widened range holds the values
    EXPECT_GE(t.values.back(), hi) << lo;
    for (std::size_t i = 1; i < t.values.size(); ++i) EXPECT_GT(t.values[i], t.values[i - 1]);
  }
}

TEST(ViewTransform, RoundTripsAndMapsCorners) {
  const ViewTransform vt{{-2, 6, 10, 30}, {50, 20, 400, 200}};
  const Vec2 tl = vt.toPixel({-2, 30});
  EXPECT_DOUBLE_EQ(tl.x, 50);
  EXPECT_DOUBLE_EQ(tl.y, 20);
  const Vec2 br = vt.toPixel({6, 10});
  EXPECT_DOUBLE_EQ(br.x, 450);
  EXPECT_DOUBLE_EQ(br.y, 220);
  for (Vec2 d : {Vec2{0.3, 17.2}, Vec2{-5, 40}, Vec2{5.99, 10.01}}) {
    const Vec2 back = vt.toData(vt.toPixel(d));
    EXPECT_NEAR(back.x, d.x, 1e-12);
    EXPECT_NEAR(back.y, d.y, 1e-12);
  }
}

TEST(ZoomAround, KeepsTheDataPointUnderTheCursorFixed) {
  const ViewTransform vt{{-1, 3, 0, 2}, {10, 10, 300, 150}};
  for (Vec2 cursor : {Vec2{37, 91}, Vec2{10, 10}, Vec2{299, 150}}) {
    for (double factor : {1.25, 0.5, 3.0}) {
      const Vec2 before = vt.toData(cursor);
      const ViewTransform zoomed{zoomAround(vt, cursor, factor), vt.pixels};
      const Vec2 after = zoomed.toData(cursor);
      EXPECT_NEAR(after.x, before.x, 1e-12);
      EXPECT_NEAR(after.y, before.y, 1e-12);
      EXPECT_NEAR(zoomed.data.width(), vt.data.width() / factor, 1e-12);
      EXPECT_NEAR(zoomed.data.height(), vt.data.height() / factor, 1e-12);
    }
  }
}

TEST(Pan, MovesTheContentWithTheMouse) {
  const ViewTransform vt{{0, 10, 0, 5}, {0, 0, 200, 100}};  // 20 px per unit both ways
  const Vec2 grabbed = vt.toData({50, 50});
  const ViewTransform moved{pan(vt, {40, -20}), vt.pixels};
  // The data point that was under (50, 50) is now under (90, 30).
  const Vec2 p = moved.toPixel(grabbed);
  EXPECT_NEAR(p.x, 90, 1e-9);
  EXPECT_NEAR(p.y, 30, 1e-9);
  EXPECT_NEAR(moved.data.xMin, -2.0, 1e-12);  // 40 px = 2 units
  EXPECT_NEAR(moved.data.yMin, -1.0, 1e-12);  // 20 px up = 1 unit
  EXPECT_NEAR(moved.data.width(), 10, 1e-12);
}

TEST(Fit, MarginAndDegenerateBounds) {
  const DataRect r = fitWithMargin({0, 10, -1, 1}, 0.1);
  EXPECT_DOUBLE_EQ(r.xMin, -1);
  EXPECT_DOUBLE_EQ(r.xMax, 11);
  EXPECT_DOUBLE_EQ(r.yMin, -1.2);
  const DataRect p = fitWithMargin({2, 2, 3, 3}, 0.05);
  EXPECT_TRUE(p.valid());
  EXPECT_TRUE(p.contains({2, 3}));
  EXPECT_TRUE(fitWithMargin(emptyBounds(), 0.05).valid());
}

TEST(EqualAspect, OneUnitHasTheSameLengthOnBothAxes) {
  const PixelRect px{0, 0, 400, 200};
  const DataRect d = equalAspect({0, 1, 0, 1}, px);
  const ViewTransform vt{d, px};
  EXPECT_NEAR(vt.pixelsPerUnitX(), vt.pixelsPerUnitY(), 1e-9);
  EXPECT_TRUE(d.contains({0, 0}) && d.contains({1, 1}));
}

// A categorical axis ticks at its categories and nowhere between: the GMM's mixing weights once
// read 0.5, 1.0, 1.5 ... under three bars.
TEST(CategoryTicks, TickEveryCategoryInViewAtItsIndexWithItsName) {
  const std::vector<std::string> names = {"1", "2", "3", "4"};
  const Ticks t = categoryTicks(names, -0.6, 3.4, 11);
  EXPECT_EQ(t.values, (std::vector<double>{0, 1, 2, 3}));
  EXPECT_EQ(t.labels, names);
  EXPECT_EQ(t.step, 1.0);
  // Zoomed in: only the categories inside the view.
  const Ticks zoomed = categoryTicks(names, 0.7, 2.2, 11);
  EXPECT_EQ(zoomed.values, (std::vector<double>{1, 2}));
  EXPECT_EQ(zoomed.labels, (std::vector<std::string>{"2", "3"}));
  EXPECT_TRUE(categoryTicks(names, 3.5, 9.0, 11).values.empty());
}

TEST(CategoryTicks, ManyCategoriesTakeAOneTwoFiveStrideAndStayOnCategories) {
  std::vector<std::string> names;
  for (int i = 0; i < 40; ++i) names.push_back(std::to_string(100 + i));
  for (const int maxTicks : {2, 3, 5, 8, 11}) {
    const Ticks t = categoryTicks(names, -0.5, 39.5, maxTicks);
    ASSERT_FALSE(t.values.empty());
    EXPECT_LE(t.values.size(), static_cast<std::size_t>(maxTicks));
    for (std::size_t i = 0; i < t.values.size(); ++i) {
      EXPECT_EQ(t.values[i], std::round(t.values[i]));
      EXPECT_EQ(t.labels[i], names[static_cast<std::size_t>(t.values[i])]);
      EXPECT_EQ(std::fmod(t.values[i], t.step), 0.0);
    }
  }
  EXPECT_EQ(categoryTicks(names, -0.5, 39.5, 8).step, 5.0);  // 0, 5, ..., 35
  EXPECT_EQ(categoryTicks(names, -0.5, 39.5, 7).step, 10.0);
}

// A log axis (data are log10 of the values) ticks whole decades, labelled with the value.
TEST(DecadeTicks, WholeDecadesLabelledWithTheValueAndAStrideWhenCrowded) {
  const Ticks t = decadeTicks(-6.3, -1.8, 11);
  EXPECT_EQ(t.values, (std::vector<double>{-6, -5, -4, -3, -2}));
  ASSERT_EQ(t.labels.size(), 5u);
  EXPECT_EQ(t.labels.front(), formatValue(1e-6));
  EXPECT_EQ(t.labels[4], "0.01");
  const Ticks crowded = decadeTicks(0.0, 12.0, 5);
  EXPECT_LE(crowded.values.size(), 5u);
  EXPECT_EQ(crowded.step, 5.0);  // 1, 2 are too many; 0, 5, 10
  EXPECT_EQ(crowded.values, (std::vector<double>{0, 5, 10}));
  // Less than a decade between two whole ones: nice steps of the exponent, as values.
  const Ticks narrow = decadeTicks(0.1, 0.9, 5);
  ASSERT_FALSE(narrow.values.empty());
  for (std::size_t i = 0; i < narrow.values.size(); ++i)
    EXPECT_EQ(narrow.labels[i], formatValue(std::pow(10.0, narrow.values[i]), 2));
}

TEST(ViewShouldRefit, DataOutsideOrShrunkIntoACornerRefitsDataWithinAndLargeDoesNot) {
  const DataRect view{-10, 10, -10, 10};
  EXPECT_TRUE(viewShouldRefit(view, {5, 12, 0, 1}));                 // partly outside
  EXPECT_TRUE(viewShouldRefit(view, {1, 7, 0.1, 2.5}));              // inside, 3.6% of the area
  EXPECT_FALSE(viewShouldRefit(view, {-9, 9, -8, 8}));               // inside and filling it
  EXPECT_FALSE(viewShouldRefit(view, {-9, 1, -9, 1}));               // a quarter exactly: kept
  EXPECT_TRUE(viewShouldRefit(DataRect{0, 0, 0, 0}, {0, 1, 0, 1}));  // no view yet
}
