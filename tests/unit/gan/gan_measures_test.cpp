// Grid KL / JS and mode coverage against values worked by hand.

#include "core/models/gan/gan_measures.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

namespace genlab::gan {
namespace {

TEST(GanMeasures, KlAndJsOfHandMadeDistributions) {
  // p = (1, 0), q = (1/2, 1/2): KL(p||q) = log 2; m = (3/4, 1/4):
  // JS = 1/2 [log(4/3)] + 1/2 [1/2 log(2/3) + 1/2 log 2] = 1/2 log(4/3) + 1/4 log(4/3)
  const std::vector<double> p = {1.0, 0.0};
  const std::vector<double> q = {0.5, 0.5};
  EXPECT_NEAR(klDivergence(p, q), std::log(2.0), 1e-12);
  EXPECT_NEAR(jsDivergence(p, q), 0.75 * std::log(4.0 / 3.0), 1e-12);
  // Disjoint supports reach JS's bound, log 2.
  const std::vector<double> a = {1.0, 0.0}, b = {0.0, 1.0};
  EXPECT_NEAR(jsDivergence(a, b), std::log(2.0), 1e-12);
  // KL is not symmetric: (0.9, 0.1) vs (0.5, 0.5).
  const std::vector<double> c = {0.9, 0.1};
  EXPECT_NEAR(klDivergence(c, q), 0.9 * std::log(1.8) + 0.1 * std::log(0.2), 1e-12);
  EXPECT_NEAR(klDivergence(q, c), 0.5 * std::log(0.5 / 0.9) + 0.5 * std::log(5.0), 1e-12);
}

TEST(GanMeasures, HistogramSmoothsAndKeepsEscapedPointsInEdgeCells) {
  const Bounds2d bounds{0.0, 2.0, 0.0, 2.0};
  // 2 x 2 cells; three points in cell (row 0, col 0), one far outside to the top right.
  const std::vector<float> xy = {0.5f, 0.5f, 0.1f, 0.9f, 0.9f, 0.1f, 50.0f, 50.0f};
  const double eps = 0.01;
  const auto p = histogram2d(xy, bounds, 2, 2, eps);
  ASSERT_EQ(p.size(), 4u);
  const double norm = 1.0 + 4 * eps;
  EXPECT_NEAR(p[0], (0.75 + eps) / norm, 1e-12);
  EXPECT_NEAR(p[1], eps / norm, 1e-12);
  EXPECT_NEAR(p[2], eps / norm, 1e-12);
  EXPECT_NEAR(p[3], (0.25 + eps) / norm, 1e-12);  // row 1, col 1: the escaped point
  EXPECT_NEAR(p[0] + p[1] + p[2] + p[3], 1.0, 1e-12);
}

TEST(GanMeasures, IdenticalSamplesHaveZeroDivergence) {
  std::vector<float> xy;
  for (int i = 0; i < 500; ++i) {
    xy.push_back(static_cast<float>(std::sin(i * 0.37) * 2.5));
    xy.push_back(static_cast<float>(std::cos(i * 0.11) * 2.5));
  }
  const auto same = gridDivergences(xy, xy, Bounds2d{});
  EXPECT_EQ(same.kl, 0.0);
  EXPECT_EQ(same.js, 0.0);
  // A shifted copy is not the same distribution.
  std::vector<float> shifted = xy;
  for (std::size_t i = 0; i < shifted.size(); i += 2) shifted[i] += 1.0f;
  const auto moved = gridDivergences(xy, shifted, Bounds2d{});
  EXPECT_GT(moved.kl, 0.1);
  EXPECT_GT(moved.js, 0.05);
  EXPECT_LE(moved.js, std::log(2.0));
}

TEST(GanMeasures, ModeCoverageCountsSamplesWithinThreeStd) {
  Eigen::MatrixXd modes(3, 2);
  modes << 0, 0, 10, 0, 0, 10;
  const double std = 0.5;  // 3 std = 1.5
  std::vector<float> xy;
  for (int i = 0; i < 10; ++i) xy.insert(xy.end(), {1.4f, 0.0f});  // inside mode 0
  for (int i = 0; i < 2; ++i) xy.insert(xy.end(), {10.0f, 1.0f});  // inside mode 1
  for (int i = 0; i < 8; ++i) xy.insert(xy.end(), {5.0f, 5.0f});   // in no mode
  const ModeCoverage c = modeCoverage(xy, modes, std);  // share 1/12 of 20 samples = 1.67
  EXPECT_EQ(c.modes, 3);
  EXPECT_EQ(c.counts, (std::vector<int>{10, 2, 0}));
  EXPECT_EQ(c.covered, 2);
  EXPECT_NEAR(c.inModes, 12.0 / 20.0, 1e-12);
  // A stricter share: mode 1's 2 of 20 (10%) no longer counts at 15%.
  EXPECT_EQ(modeCoverage(xy, modes, std, 0.15).covered, 1);
  // Just outside 3 std.
  const std::vector<float> outside = {1.51f, 0.0f};
  EXPECT_EQ(modeCoverage(outside, modes, std).counts[0], 0);
}

}  // namespace
}  // namespace genlab::gan
