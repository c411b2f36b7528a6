// The posterior field of the Naive Bayes view: cell (r, c) holds P(y | x) at the cell's centre,
// row 0 at the bottom, as the model's own predictProba gives it at points placed here by hand;
// the margin is positive exactly where a class wins.

#include "core/models/nb/posterior_grid.h"

#include <gtest/gtest.h>

#include "core/models/nb/naive_bayes.h"

namespace genlab::nb {
namespace {

TEST(PosteriorGrid, CellsHoldTheModelsPosteriorAtTheirCentres) {
  Eigen::MatrixXd x(9, 2);
  x << 0, 0, 1, 0.5, 0.5, 1,  //
      4, 4, 5, 3, 4.5, 5,     //
      0, 5, 1, 4, -1, 6;
  const std::vector<int> y = {0, 0, 0, 1, 1, 1, 2, 2, 2};
  const NaiveBayes model(NbConfig{}, x, y, 3);
  const GridRect rect{-2.0, 6.0, -1.0, 7.0};
  const int cols = 8, rows = 4;
  const PosteriorGrid grid = posteriorGrid(
      [&](const Eigen::MatrixXd& p) { return model.predictProba(p); }, 3, rect, cols, rows);
  ASSERT_EQ(grid.proba.size(), static_cast<std::size_t>(cols * rows * 3));
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      // Cells are 1 wide and 2 tall: centre (-1.5 + c, 0 + 2 r).
      Eigen::MatrixXd at(1, 2);
      at << -1.5 + c, 2.0 * r;
      const Eigen::MatrixXd expected = model.predictProba(at);
      int best = 0;
      for (int k = 0; k < 3; ++k) {
        EXPECT_NEAR(grid.at(r, c, k), expected(0, k), 1e-6) << r << ", " << c << ", " << k;
        if (expected(0, k) > expected(0, best)) best = k;
      }
      EXPECT_EQ(grid.winner(r, c), best);
      for (int k = 0; k < 3; ++k) {
        const float m = grid.margin(k)[static_cast<std::size_t>(r * cols + c)];
        EXPECT_EQ(m > 0.0f, k == best) << r << ", " << c << ", class " << k;
      }
    }
  }
  // The corners: bottom-left near class 0, top-left near class 2, right near class 1.
  EXPECT_EQ(grid.winner(0, 1), 0);
  EXPECT_EQ(grid.winner(3, 1), 2);
  EXPECT_EQ(grid.winner(2, 6), 1);
}

TEST(PosteriorGrid, RefusesAnEmptyGrid) {
  auto uniform = [](const Eigen::MatrixXd& p) {
    return Eigen::MatrixXd::Constant(p.rows(), 2, 0.5).eval();
  };
  EXPECT_THROW(posteriorGrid(uniform, 2, {0, 0, 0, 1}, 4, 4), std::invalid_argument);
  EXPECT_THROW(posteriorGrid(uniform, 2, {0, 1, 0, 1}, 0, 4), std::invalid_argument);
  EXPECT_THROW(posteriorGrid(uniform, 3, {0, 1, 0, 1}, 4, 4), std::invalid_argument);
}

}  // namespace
}  // namespace genlab::nb
