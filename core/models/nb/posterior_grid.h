#pragma once
// A classifier's posterior P(y | x) on a regular grid over a 2-D rectangle, for the Naive
// Bayes lesson's shaded field and decision boundary. Pure computation (no GL): the view mixes
// class colours by these probabilities and traces the boundary from the margins.
//
// Cell (r, c) is the square whose centre is x = xMin + (c + 0.5) (xMax - xMin) / cols,
// y = yMin + (r + 0.5) (yMax - yMin) / rows: row 0 at the bottom (yMin), as a heatmap with
// firstRowAtTop = false draws it, and the cells tile the rectangle exactly.

#include <Eigen/Core>
#include <functional>
#include <vector>

namespace genlab::nb {

struct GridRect {
  double xMin = 0.0, xMax = 1.0, yMin = 0.0, yMax = 1.0;
};

struct PosteriorGrid {
  int cols = 0;
  int rows = 0;
  int classes = 0;
  GridRect rect;
  // rows * cols * classes: P(y = k | centre of cell (r, c)) at ((r * cols) + c) * classes + k.
  std::vector<float> proba;

  float at(int r, int c, int k) const {
    return proba[static_cast<std::size_t>((r * cols + c) * classes + k)];
  }
  Eigen::Vector2d centre(int r, int c) const;
  // The class with the largest posterior in cell (r, c) (the first on ties).
  int winner(int r, int c) const;
  // For class k: P(k) - max_{j != k} P(j) per cell, positive inside k's decision region and
  // zero on its boundary (contour level 0 traces it). rows * cols values, row-major.
  std::vector<float> margin(int k) const;
};

// `predictProba` maps an N x 2 matrix of points (one per row) to N x classes probabilities
// (NaiveBayes::predictProba, FullGaussianClasses::predictProba). Throws std::invalid_argument
// for cols or rows < 1 or an empty rectangle.
PosteriorGrid posteriorGrid(
    const std::function<Eigen::MatrixXd(const Eigen::MatrixXd&)>& predictProba, int classes,
    const GridRect& rect, int cols, int rows);

}  // namespace genlab::nb
