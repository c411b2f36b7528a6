#include "ui/views/gmm/density_grid.h"

#include <Eigen/Eigenvalues>
#include <Eigen/LU>
#include <cmath>
#include <numbers>

namespace genlab::views {
namespace {

// Precomputed per component: weight / (2 pi sqrt(det)) and the inverse covariance.
struct Component2d {
  Eigen::Vector2d mean;
  Eigen::Matrix2d precision;
  double scale = 0.0;
};

std::vector<Component2d> components(const gmm::GmmSnapshot& snapshot) {
  std::vector<Component2d> out;
  for (int k = 0; k < snapshot.k; ++k) {
    const Eigen::Matrix2d& cov = snapshot.covariances2d[static_cast<std::size_t>(k)];
    const double det = cov.determinant();
    if (!(det > 0.0) || !std::isfinite(det)) continue;  // degenerate in the plane: no density
    Component2d c;
    c.mean = snapshot.means2d[static_cast<std::size_t>(k)];
    c.precision = cov.inverse();
    c.scale = snapshot.weights(k) / (2.0 * std::numbers::pi * std::sqrt(det));
    out.push_back(c);
  }
  return out;
}

double density(const std::vector<Component2d>& comps, const Eigen::Vector2d& x) {
  double p = 0.0;
  for (const auto& c : comps) {
    const Eigen::Vector2d d = x - c.mean;
    p += c.scale * std::exp(-0.5 * d.dot(c.precision * d));
  }
  return p;
}

}  // namespace

double mixtureDensity(const gmm::GmmSnapshot& snapshot, Eigen::Vector2d x) {
  return density(components(snapshot), x);
}

DensityGrid evaluateDensity(const gmm::GmmSnapshot& snapshot, const plot::DataRect& rect, int cols,
                            int rows) {
  DensityGrid grid;
  grid.cols = cols;
  grid.rows = rows;
  grid.rect = rect;
  grid.values.resize(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows));
  const auto comps = components(snapshot);
  const double dx = rect.width() / cols;
  const double dy = rect.height() / rows;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      const Eigen::Vector2d x(rect.xMin + (c + 0.5) * dx, rect.yMin + (r + 0.5) * dy);
      const auto p = static_cast<float>(density(comps, x));
      grid.values[static_cast<std::size_t>(r) * cols + c] = p;
      grid.maxValue = std::max(grid.maxValue, p);
    }
  }
  return grid;
}

std::vector<plot::Vec2> contourSegments(const DensityGrid& grid, float level) {
  std::vector<plot::Vec2> segments;
  if (grid.cols < 2 || grid.rows < 2) return segments;
  const double dx = grid.rect.width() / grid.cols;
  const double dy = grid.rect.height() / grid.rows;
  auto value = [&](int c, int r) {
    return grid.values[static_cast<std::size_t>(r) * grid.cols + c];
  };
  auto centre = [&](int c, int r) {
    return plot::Vec2{grid.rect.xMin + (c + 0.5) * dx, grid.rect.yMin + (r + 0.5) * dy};
  };
  // Point on the edge between two corners where the field crosses `level` (linear).
  auto cross = [&](plot::Vec2 a, float va, plot::Vec2 b, float vb) {
    const double t = (level - va) / static_cast<double>(vb - va);
    return a + (b - a) * t;
  };
  for (int r = 0; r + 1 < grid.rows; ++r) {
    for (int c = 0; c + 1 < grid.cols; ++c) {
      // Corners counter-clockwise from bottom-left; bit i set when corner i is above level.
      const plot::Vec2 p[4] = {centre(c, r), centre(c + 1, r), centre(c + 1, r + 1),
                               centre(c, r + 1)};
      const float v[4] = {value(c, r), value(c + 1, r), value(c + 1, r + 1), value(c, r + 1)};
      int mask = 0;
      for (int i = 0; i < 4; ++i) mask |= (v[i] > level ? 1 : 0) << i;
      if (mask == 0 || mask == 15) continue;
      // The crossings lie on the edges whose corners disagree; pair them up in order. For the
      // two saddle cases (5, 10) the centre value decides which pairs connect.
      plot::Vec2 hits[4];  // hits[i] lies on edge i when all four edges are crossed
      int count = 0;
      for (int e = 0; e < 4; ++e) {
        const int a = e;
        const int b = (e + 1) % 4;
        if (((mask >> a) & 1) != ((mask >> b) & 1)) {
          hits[count] = cross(p[a], v[a], p[b], v[b]);
          ++count;
        }
      }
      if (count == 2) {
        segments.push_back(hits[0]);
        segments.push_back(hits[1]);
      } else if (count == 4) {
        // Saddle: the high corners are 0 and 2 (mask 5) or 1 and 3 (mask 10). When the centre
        // sides with corner 0, corners 1 and 3 are cut off: segments on edges (0,1) and (2,3);
        // otherwise corners 0 and 2 are: edges (3,0) and (1,2).
        const float middle = 0.25f * (v[0] + v[1] + v[2] + v[3]);
        const bool cutOneAndThree = (middle > level) == ((mask & 1) != 0);
        if (cutOneAndThree) {
          segments.insert(segments.end(), {hits[0], hits[1], hits[2], hits[3]});
        } else {
          segments.insert(segments.end(), {hits[3], hits[0], hits[1], hits[2]});
        }
      }
    }
  }
  return segments;
}

std::vector<plot::Vec2> sigmaEllipse(const Eigen::Vector2d& mean, const Eigen::Matrix2d& covariance,
                                     double k, int segments) {
  Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> solver(covariance);
  const Eigen::Vector2d radii = solver.eigenvalues().cwiseMax(0.0).cwiseSqrt() * k;
  const Eigen::Matrix2d axes = solver.eigenvectors();
  std::vector<plot::Vec2> points;
  points.reserve(static_cast<std::size_t>(segments));
  for (int i = 0; i < segments; ++i) {
    const double angle = 2.0 * std::numbers::pi * i / segments;
    const Eigen::Vector2d p = mean + axes.col(0) * (radii(0) * std::cos(angle)) +
                              axes.col(1) * (radii(1) * std::sin(angle));
    points.push_back({p.x(), p.y()});
  }
  return points;
}

}  // namespace genlab::views
