#pragma once
// The fitted mixture's density p(x) on a regular grid over the view, and its contour lines.
// Pure computation (no GL): the scatter view turns the grid into a heatmap or contours.
//
// For d > 2 the grid shows the exact marginal density in the PCA plane: a linear image of a
// Gaussian mixture is the mixture of the projected Gaussians, so the projected means and
// covariances in the snapshot are all that is needed.

#include <Eigen/Core>
#include <vector>

#include "core/models/gmm/gmm_snapshot.h"
#include "ui/plot/plot_math.h"

namespace genlab::views {

struct DensityGrid {
  int cols = 0;
  int rows = 0;
  plot::DataRect rect;        // cell centres span the rect; row 0 at rect.yMin
  std::vector<float> values;  // rows * cols, row-major, p(x) at cell centres
  float maxValue = 0.0f;
};

DensityGrid evaluateDensity(const gmm::GmmSnapshot& snapshot, const plot::DataRect& rect, int cols,
                            int rows);

// p(x) of the projected mixture at one point.
double mixtureDensity(const gmm::GmmSnapshot& snapshot, Eigen::Vector2d x);

// Contour segments of `grid` at `level` by marching squares; each pair of points is a segment.
std::vector<plot::Vec2> contourSegments(const DensityGrid& grid, float level);

// The boundary of the k-sigma region of a 2-D Gaussian (an ellipse along the eigenvectors of
// the covariance, semi-axes k * sqrt(eigenvalue)), as `segments` points.
std::vector<plot::Vec2> sigmaEllipse(const Eigen::Vector2d& mean, const Eigen::Matrix2d& covariance,
                                     double k, int segments = 96);

}  // namespace genlab::views
