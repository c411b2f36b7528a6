#include "core/data/toy_points.h"

#include <Eigen/Eigenvalues>
#include <cmath>
#include <numbers>
#include <string>

#include "core/util/errors.h"

namespace genlab::data {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

// A square root S of a PSD matrix (S S^T = C) that also works for singular C, which Cholesky
// does not (a blob flat along one axis is a fine teaching example).
MatrixXd psdSquareRoot(const MatrixXd& cov, Index j) {
  const Eigen::SelfAdjointEigenSolver<MatrixXd> eig(cov);
  const double scale = std::max(1.0, eig.eigenvalues().cwiseAbs().maxCoeff());
  if (eig.info() != Eigen::Success || eig.eigenvalues().minCoeff() < -1e-10 * scale ||
      (cov - cov.transpose()).cwiseAbs().maxCoeff() > 1e-10 * scale) {
    throw ConfigError("dataset.covariances[" + std::to_string(j) +
                      "]: not a symmetric positive semi-definite matrix");
  }
  return eig.eigenvectors() * eig.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal();
}

void shuffleRows(PointSet& set, Rng& rng) {
  const Index n = set.points.rows();
  for (Index i = n - 1; i > 0; --i) {
    const auto j = static_cast<Index>(rng.below(static_cast<std::uint64_t>(i + 1)));
    set.points.row(i).swap(set.points.row(j));
    std::swap(set.labels[static_cast<std::size_t>(i)], set.labels[static_cast<std::size_t>(j)]);
  }
}

// Labels 0..groups-1 split as evenly as possible, in order.
std::vector<int> evenLabels(Index n, Index groups) {
  std::vector<int> labels(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i)
    labels[static_cast<std::size_t>(i)] = static_cast<int>(i * groups / n);
  return labels;
}

}  // namespace

PointSet makeBlobs(Index n, const MatrixXd& centers, const std::vector<MatrixXd>& covariances,
                   Rng& rng, const std::vector<double>& weights) {
  const Index K = centers.rows();
  const Index d = centers.cols();
  std::vector<MatrixXd> roots;
  for (Index j = 0; j < K; ++j)
    roots.push_back(psdSquareRoot(covariances[static_cast<std::size_t>(j)], j));
  PointSet set;
  if (weights.empty()) {
    set.labels = evenLabels(n, K);
  } else {
    set.labels.resize(static_cast<std::size_t>(n));
    for (auto& label : set.labels) label = static_cast<int>(rng.categorical(weights));
  }
  set.points.resize(n, d);
  VectorXd z(d);
  for (Index i = 0; i < n; ++i) {
    const auto j = static_cast<Index>(set.labels[static_cast<std::size_t>(i)]);
    for (Index c = 0; c < d; ++c) z(c) = rng.normal();
    set.points.row(i) = centers.row(j) + (roots[static_cast<std::size_t>(j)] * z).transpose();
  }
  shuffleRows(set, rng);
  return set;
}

PointSet makeAnisotropicBlobs(Index n, const MatrixXd& centers, double stddev,
                              const MatrixXd& transform, Rng& rng) {
  const Index d = centers.cols();
  const std::vector<MatrixXd> covariances(static_cast<std::size_t>(centers.rows()),
                                          MatrixXd::Identity(d, d) * stddev * stddev);
  PointSet set = makeBlobs(n, centers, covariances, rng);
  set.points = set.points * transform.transpose();
  return set;
}

PointSet makeMoons(Index n, double noise, Rng& rng) {
  PointSet set;
  set.labels = evenLabels(n, 2);
  set.points.resize(n, 2);
  const Index outer = n - n / 2;
  for (Index i = 0; i < n; ++i) {
    const bool upper = i < outer;
    const Index count = upper ? outer : n - outer;
    const Index index = upper ? i : i - outer;
    const double t =
        count > 1 ? std::numbers::pi * static_cast<double>(index) / static_cast<double>(count - 1)
                  : 0.0;
    const double x = upper ? std::cos(t) : 1.0 - std::cos(t);
    const double y = upper ? std::sin(t) : 0.5 - std::sin(t);
    set.points(i, 0) = x + noise * rng.normal();
    set.points(i, 1) = y + noise * rng.normal();
  }
  shuffleRows(set, rng);
  return set;
}

PointSet makeRings(Index n, const std::vector<double>& radii, double noise, Rng& rng) {
  PointSet set;
  set.labels = evenLabels(n, static_cast<Index>(radii.size()));
  set.points.resize(n, 2);
  for (Index i = 0; i < n; ++i) {
    const double radius = radii[static_cast<std::size_t>(set.labels[static_cast<std::size_t>(i)])];
    const double angle = rng.uniform(0.0, 2.0 * std::numbers::pi);
    const double r = radius + noise * rng.normal();
    set.points(i, 0) = r * std::cos(angle);
    set.points(i, 1) = r * std::sin(angle);
  }
  shuffleRows(set, rng);
  return set;
}

PointSet makeUniform(Index n, const VectorXd& low, const VectorXd& high, Rng& rng) {
  PointSet set;
  set.labels.assign(static_cast<std::size_t>(n), 0);
  set.points.resize(n, low.size());
  for (Index i = 0; i < n; ++i) {
    for (Index c = 0; c < low.size(); ++c) set.points(i, c) = rng.uniform(low(c), high(c));
  }
  return set;
}

}  // namespace genlab::data
