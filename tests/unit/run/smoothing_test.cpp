#include "core/math/smoothing.h"

#include <gtest/gtest.h>

#include <cmath>

namespace genlab::test {
namespace {

TEST(DebiasedEma, EvenSpacingMatchesTheDebiasedRecursionByHand) {
  // w = 0.5, y = 4, 0, 2: plain EMA from 0 gives 2, 1, 1.5; debiased by 1 - 0.5^n
  // (0.5, 0.75, 0.875): 4, 4/3, 12/7.
  const auto s = math::debiasedEma({1, 2, 3}, {4, 0, 2}, 0.5);
  EXPECT_DOUBLE_EQ(s[0], 4.0);
  EXPECT_DOUBLE_EQ(s[1], 4.0 / 3.0);
  EXPECT_DOUBLE_EQ(s[2], 12.0 / 7.0);
}

TEST(DebiasedEma, StartsAtTheDataNotAtZero) {
  const auto s = math::debiasedEma({0, 1, 2, 3}, {10, 10, 10, 10}, 0.99);
  for (double v : s) EXPECT_NEAR(v, 10.0, 1e-12);
}

TEST(DebiasedEma, AGapOfGStepsWeighsAsGEvenlySpacedPoints) {
  // One run logs every step, the other every 4th step of the same constant-then-jump data:
  // after the jump, both have decayed the old level by w^4 per 4 steps.
  std::vector<double> denseX, denseY, sparseX, sparseY;
  for (int s = 0; s <= 40; ++s) {
    const double y = s < 20 ? 0.0 : 1.0;
    denseX.push_back(s);
    denseY.push_back(y);
    if (s % 4 == 0) {
      sparseX.push_back(s);
      sparseY.push_back(y);
    }
  }
  const auto dense = math::debiasedEma(denseX, denseY, 0.9);
  const auto sparse = math::debiasedEma(sparseX, sparseY, 0.9);
  // Not equal point for point (the sparse run holds each value for four steps), but close:
  // 0.903 against 0.933 by hand. With the gap ignored (w per point, not w^4) the sparse curve
  // would lag far behind, at 0.683.
  EXPECT_NEAR(dense.back(), 0.9025879530591525, 1e-12);
  EXPECT_NEAR(sparse.back(), 0.9326402790349213, 1e-12);
}

TEST(DebiasedEma, SkipsNonFiniteValues) {
  const auto s = math::debiasedEma({1, 2, 3}, {1.0, std::nan(""), 1.0}, 0.6);
  EXPECT_DOUBLE_EQ(s[0], 1.0);
  EXPECT_TRUE(std::isnan(s[1]));
  EXPECT_DOUBLE_EQ(s[2], 1.0);
}

TEST(DebiasedEma, ZeroWeightIsTheDataItself) {
  const std::vector<double> y = {3, 1, 4, 1, 5};
  EXPECT_EQ(math::debiasedEma({1, 2, 3, 4, 5}, y, 0.0), y);
}

}  // namespace
}  // namespace genlab::test
