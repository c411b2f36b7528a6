#include "core/models/nb/posterior_grid.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace genlab::nb {

Eigen::Vector2d PosteriorGrid::centre(int r, int c) const {
  return {rect.xMin + (c + 0.5) * (rect.xMax - rect.xMin) / cols,
          rect.yMin + (r + 0.5) * (rect.yMax - rect.yMin) / rows};
}

int PosteriorGrid::winner(int r, int c) const {
  int best = 0;
  for (int k = 1; k < classes; ++k)
    if (at(r, c, k) > at(r, c, best)) best = k;
  return best;
}

std::vector<float> PosteriorGrid::margin(int k) const {
  std::vector<float> out(static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols));
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      float other = 0.0f;
      for (int j = 0; j < classes; ++j)
        if (j != k) other = std::max(other, at(r, c, j));
      out[static_cast<std::size_t>(r * cols + c)] = at(r, c, k) - other;
    }
  }
  return out;
}

PosteriorGrid posteriorGrid(
    const std::function<Eigen::MatrixXd(const Eigen::MatrixXd&)>& predictProba, int classes,
    const GridRect& rect, int cols, int rows) {
  if (cols < 1 || rows < 1 || classes < 1 || !(rect.xMax > rect.xMin) || !(rect.yMax > rect.yMin)) {
    throw std::invalid_argument("posteriorGrid: " + std::to_string(cols) + " x " +
                                std::to_string(rows) + " cells over an empty rectangle");
  }
  PosteriorGrid grid;
  grid.cols = cols;
  grid.rows = rows;
  grid.classes = classes;
  grid.rect = rect;
  Eigen::MatrixXd points(static_cast<Eigen::Index>(rows) * cols, 2);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      points.row(Eigen::Index{r} * cols + c) = grid.centre(r, c).transpose();
  const Eigen::MatrixXd proba = predictProba(points);
  if (proba.rows() != points.rows() || proba.cols() != classes) {
    throw std::invalid_argument("posteriorGrid: the classifier gave " +
                                std::to_string(proba.cols()) + " classes, expected " +
                                std::to_string(classes));
  }
  grid.proba.resize(static_cast<std::size_t>(proba.size()));
  for (Eigen::Index i = 0; i < proba.rows(); ++i)
    for (int k = 0; k < classes; ++k)
      grid.proba[static_cast<std::size_t>(i * classes + k)] = static_cast<float>(proba(i, k));
  return grid;
}

}  // namespace genlab::nb
